/** HTML of the document page: a language version with numbered paragraphs, footnotes and switchers. */
import { html } from 'hono/html';
import { directionOf, formatDate, languageName, page, type Markup } from '../web/layout.ts';
import { anchorsFor } from './anchors.ts';
import type { DocumentReading } from './documents.service.ts';
import { documentKindLabel, type Block, type PlenumDocument } from './documents.schema.ts';

/** The address of a document page for a version number and language. */
export function documentHref(documentId: string, versionSeq?: number, language?: string): string {
  if (versionSeq === undefined) return `/documents/${documentId}`;
  return `/documents/${documentId}/v/${versionSeq}${language ? `/${encodeURIComponent(language)}` : ''}`;
}

/** The name a document goes by in lists and titles: its symbol and title. */
export function documentLabel(document: PlenumDocument): string {
  return document.symbol ? `${document.symbol}: ${document.title}` : document.title;
}

interface RenderContext {
  anchors: Map<string, string>;
  /** Fragment ids of each footnote's references, in reading order, for back-links. */
  backlinks: Map<string, string[]>;
  refAnchor: Map<string, string>;
}

/** Works out every fragment id and footnote back-link before rendering. */
function renderContext(blocks: Block[]): RenderContext {
  const ids = anchorsFor(blocks.map((b) => b.address));
  const anchors = new Map(blocks.map((b, i) => [b.id, ids[i]!]));
  const backlinks = new Map<string, string[]>();
  const refAnchor = new Map<string, string>();
  for (const block of blocks) {
    block.footnoteRefs.forEach((ref, i) => {
      if (ref.footnoteId === null) return;
      const target = anchors.get(ref.footnoteId) ?? 'fn';
      const list = backlinks.get(ref.footnoteId) ?? [];
      const id = `ref-${target}-${list.length + 1}`;
      list.push(id);
      backlinks.set(ref.footnoteId, list);
      refAnchor.set(`${block.id}:${i}`, id);
    });
  }
  return { anchors, backlinks, refAnchor };
}

/** A block's text with its footnote markers put back as links. */
function textWithMarkers(block: Block, ctx: RenderContext): Markup {
  if (block.footnoteRefs.length === 0) return html`${block.text}`;
  const parts: Markup[] = [];
  let at = 0;
  const refs = block.footnoteRefs
    .map((ref, i) => ({ ref, i }))
    .toSorted((a, b) => a.ref.offset - b.ref.offset);
  for (const { ref, i } of refs) {
    const offset = Math.min(Math.max(ref.offset, at), block.text.length);
    parts.push(html`${block.text.slice(at, offset)}`);
    at = offset;
    const id = ctx.refAnchor.get(`${block.id}:${i}`);
    const target = ref.footnoteId === null ? undefined : ctx.anchors.get(ref.footnoteId);
    parts.push(
      id && target
        ? html`<sup><a class="fnref" id="${id}" href="#${target}" aria-label="Footnote ${ref.marker}">${ref.marker}</a></sup>`
        : html`<sup class="unlinked" title="No footnote with this number was found">${ref.marker}</sup>`,
    );
  }
  parts.push(html`${block.text.slice(at)}`);
  return html`${parts}`;
}

// Markup is kept terse on purpose: a 200-paragraph draft must stay light on slow connections.
function renderBlock(block: Block, ctx: RenderContext): Markup {
  const id = ctx.anchors.get(block.id) ?? block.id;
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(Math.max((block.level ?? 1) + 1, 2), 6);
      const number = block.number
        ? html`<span class="secnum"><bdi>${block.label ?? block.number}</bdi></span> `
        : '';
      return html`<h${level} id="${id}">${number}${textWithMarkers(block, ctx)}</h${level}>`;
    }
    case 'paragraph': {
      if (block.number === null) return html`<p id="${id}">${textWithMarkers(block, ctx)}</p>`;
      const sub = block.parentId !== null;
      // The number as printed ("38.", "(b)"); <bdi> keeps "1." from turning into ".1" in Arabic.
      const label = block.label ?? (sub ? `(${block.number})` : `${block.number}.`);
      const cls = sub ? `para sub level-${Math.min(block.level ?? 2, 3)}` : 'para';
      return html`<p class="${cls}" id="${id}"><a class="num" href="#${id}" title="${block.address}"><bdi>${label}</bdi></a> ${textWithMarkers(block, ctx)}</p>`;
    }
    case 'list_item':
      return html`<li id="${id}">${textWithMarkers(block, ctx)}</li>`;
    case 'table': {
      const rows = block.rows ?? [];
      const [head, ...body] = rows.length > 1 ? rows : [undefined, ...rows];
      const headMarkup = head
        ? html`<thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>`
        : '';
      return html`<table id="${id}">${headMarkup}<tbody>${body.map((row) => html`<tr>${(row ?? []).map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table>`;
    }
    case 'footnote':
      return '';
  }
}

/** Renders the body blocks, grouping consecutive list items into lists. */
function renderBody(blocks: Block[], ctx: RenderContext): Markup {
  const out: Markup[] = [];
  let list: Markup[] = [];
  const flush = (): void => {
    if (list.length > 0) out.push(html`<ul>${list}</ul>\n`);
    list = [];
  };
  for (const block of blocks) {
    if (block.kind === 'footnote') continue;
    if (block.kind === 'list_item') {
      list.push(renderBlock(block, ctx));
      continue;
    }
    flush();
    out.push(html`${renderBlock(block, ctx)}\n`);
  }
  flush();
  return html`${out}`;
}

function renderFootnotes(blocks: Block[], ctx: RenderContext): Markup {
  const footnotes = blocks.filter((b) => b.kind === 'footnote');
  if (footnotes.length === 0) return '';
  const items = footnotes.map((fn) => {
    const id = ctx.anchors.get(fn.id) ?? fn.id;
    const back = ctx.backlinks.get(fn.id) ?? [];
    const links = back.map(
      (ref, i) =>
        html` <a href="#${ref}" aria-label="Back to reference ${back.length > 1 ? `${i + 1} ` : ''}of footnote ${fn.number ?? ''}">↩</a>`,
    );
    return html`<li id="${id}"><span class="fn-num">${fn.number ?? ''}</span><span>${textWithMarkers(fn, ctx)}<span class="backlinks">${links}</span></span></li>\n`;
  });
  return html`<section class="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">Footnotes</h2><ol>${items}</ol></section>`;
}

/** The whole document page. */
export function documentPage(reading: DocumentReading): Markup {
  const { process, document, version, languageVersion, blocks } = reading;
  const ctx = renderContext(blocks);
  const lang = languageVersion.language;
  const dir = directionOf(lang);
  const title = documentLabel(document);
  const versionNav = html`<div>
    <h2 id="versions-title">Version</h2>
    <ul aria-labelledby="versions-title">
      ${document.versions.map((v) => {
        const label = `${v.label}${v.date ? ` (${formatDate(v.date)})` : ''}`;
        if (v.id === version.id)
          return html`<li>
            <a aria-current="page" href="${documentHref(document.id, v.seq, lang)}">${label}</a>
          </li>`;
        if (v.languages.length === 0)
          return html`<li>${label} <span class="empty">(no text yet)</span></li>`;
        const sameLanguage = v.languages.some((l) => l.language === lang);
        return html`<li>
          <a href="${documentHref(document.id, v.seq, sameLanguage ? lang : undefined)}"
            >${label}</a
          >
        </li>`;
      })}
    </ul>
  </div>`;
  const languageNav = html`<div>
    <h2 id="languages-title">Language</h2>
    <ul aria-labelledby="languages-title">
      ${version.languages.map((l) => {
        const name = languageName(l.language);
        const current = l.id === languageVersion.id;
        return html`<li>
          <a
            ${current ? html`aria-current="page" ` : ''}href="${documentHref(document.id, version.seq, l.language)}"
            hreflang="${l.language}"
            lang="${l.language}"
            dir="${directionOf(l.language)}"
            >${name.native}</a
          >
        </li>`;
      })}
    </ul>
  </div>`;
  const paragraphs = blocks.filter(
    (b) => b.kind === 'paragraph' && b.number !== null && b.parentId === null,
  ).length;
  const footnotes = blocks.filter((b) => b.kind === 'footnote').length;
  const main = html`<header>
      <p class="meta">
        ${document.symbol ? html`<span class="symbol">${document.symbol}</span> · ` : ''}${documentKindLabel(document.kind)}
        · ${process.shortName ?? process.name}
      </p>
      <h1>${document.title}</h1>
      <p class="meta">
        ${version.label}${version.date ? ` · ${formatDate(version.date)}` : ''} ·
        ${languageName(lang).english} · ${paragraphs} numbered
        paragraphs${footnotes ? ` · ${footnotes} footnotes` : ''}
      </p>
    </header>
    <nav class="switcher" aria-label="Versions and languages">${versionNav}${languageNav}</nav>
    <article class="content" lang="${lang}" dir="${dir}">
      ${renderBody(blocks, ctx)} ${renderFootnotes(blocks, ctx)}
    </article>
    <p class="report">
      Imported from ${languageVersion.sourceName ?? 'a file'} (${languageVersion.sourceFormat}) on
      ${formatDate(languageVersion.importedAt)}. SHA-256
      <span class="symbol">${languageVersion.sourceSha256.slice(0, 16)}…</span> ·
      <a href="${documentHref(document.id, version.seq, lang)}/import-report">import report</a> ·
      <a href="/api/language-versions/${languageVersion.id}/blocks">blocks as JSON</a>
    </p>`;
  return page({
    title,
    main,
    crumbs: [
      { label: 'Processes', href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: document.symbol ?? document.title },
    ],
  });
}
