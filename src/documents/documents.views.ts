/**
 * HTML of the document page (a language version with numbered paragraphs, footnotes and
 * switchers, and what other features draw in it) and of the documents of a process page.
 */
import { contentString, contentText } from '../web/view-parts.ts';
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { fill, localAddress } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import { anchorsFor } from './anchors.ts';
import type { DocumentReading } from './documents.service.ts';
import { documentKindLabel, type Block, type PlenumDocument } from './documents.schema.ts';
import { documentHref, documentLabel } from '../web/links.ts';

/** What other features draw on a document page, each with its own views, around and in its text. */
export interface DocumentPageSections {
  /** Notices above the text (an open comment period), after the document's own. */
  notices: Markup[];
  /** Between the version and language switchers and the text (the comment filters). */
  beforeText: Markup;
  /** What goes under a numbered paragraph (its comments), given the paragraph and its fragment id. */
  underParagraph: (block: Block, anchor: string) => Markup;
  /** Readers may quote a selection of the text in a comment (a period is open). */
  quotable: boolean;
  /** The viewer may publish the version shown when it is not public. */
  canPublish: boolean;
}

interface RenderContext {
  page: PageContext;
  underParagraph: DocumentPageSections['underParagraph'];
  anchors: Map<string, string>;
  /** Fragment ids of each footnote's references, in reading order, for back-links. */
  backlinks: Map<string, string[]>;
  refAnchor: Map<string, string>;
}

/** Works out every fragment id and footnote back-link before rendering. */
function renderContext(
  blocks: Block[],
  page: PageContext,
  underParagraph: DocumentPageSections['underParagraph'],
): RenderContext {
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
  return { page, underParagraph, anchors, backlinks, refAnchor };
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
        ? html`<sup><a class="fnref" id="${id}" href="#${target}" aria-label="${fill(ctx.page.ui.m.documents.footnote, { n: ref.marker })}">${ref.marker}</a></sup>`
        : html`<sup class="unlinked" title="${ctx.page.ui.m.documents.noFootnote}">${ref.marker}</sup>`,
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
      // An unnumbered paragraph takes comments too, under it like a numbered one.
      if (block.number === null)
        return html`<p id="${id}">${textWithMarkers(block, ctx)}</p>${ctx.underParagraph(block, id)}`;
      const sub = block.parentId !== null;
      // The number as printed ("38.", "(b)"); <bdi> keeps "1." from turning into ".1" in Arabic.
      const label = block.label ?? (sub ? `(${block.number})` : `${block.number}.`);
      const cls = sub ? `para sub level-${Math.min(block.level ?? 2, 3)}` : 'para';
      return html`<p class="${cls}" id="${id}"><a class="num" href="#${id}" title="${localAddress(ctx.page.ui, block.address)}"><bdi>${label}</bdi></a> ${textWithMarkers(block, ctx)}</p>${ctx.underParagraph(block, id)}`;
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
    if (block.kind === 'footnote' || block.matter !== null) continue;
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

/** The cover's or the back cover's lines, shown apart from the body. */
function renderMatter(blocks: Block[], matter: 'front' | 'back', ctx: RenderContext): Markup {
  const lines = blocks.filter((b) => b.matter === matter);
  if (lines.length === 0) return '';
  const m = ctx.page.ui.m.documents;
  const label = matter === 'front' ? m.frontMatter : m.backMatter;
  return html`<section class="matter ${matter}-matter" aria-label="${label}">${lines.map((b) => html`<p id="${ctx.anchors.get(b.id) ?? b.id}">${textWithMarkers(b, ctx)}</p>`)}</section>`;
}

function renderFootnotes(blocks: Block[], ctx: RenderContext): Markup {
  const m = ctx.page.ui.m.documents;
  const footnotes = blocks.filter((b) => b.kind === 'footnote');
  if (footnotes.length === 0) return '';
  const items = footnotes.map((fn) => {
    const id = ctx.anchors.get(fn.id) ?? fn.id;
    const back = ctx.backlinks.get(fn.id) ?? [];
    const links = back.map(
      (ref, i) =>
        html` <a href="#${ref}" aria-label="${m.backToRef} ${back.length > 1 ? `${i + 1} ` : ''}(${fn.number ?? ''})">↩</a>`,
    );
    return html`<li id="${id}"><span class="fn-num">${fn.number ?? ''}</span><span>${textWithMarkers(fn, ctx)}<span class="backlinks">${links}</span></span></li>\n`;
  });
  return html`<section class="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">${m.footnotesTitle}</h2><ol>${items}</ol></section>`;
}

/** The whole document page, with the sections other features draw on it. */
export function documentPage(
  ctx: PageContext,
  reading: DocumentReading,
  sections: DocumentPageSections,
): Markup {
  const { ui } = ctx;
  const m = ui.m.documents;
  const { process, document, version, languageVersion, blocks } = reading;
  const lang = languageVersion.language;
  const here = documentHref(document.id, version.seq, lang);
  const rctx = renderContext(blocks, ctx, sections.underParagraph);
  const dir = directionOf(lang);
  const title = documentLabel(document);
  const versionNav = html`<div>
    <h2 id="versions-title">${m.version}</h2>
    <ul aria-labelledby="versions-title">
      ${document.versions.map((v) => {
        const label = `${contentString(ctx, { type: 'version', id: v.id, field: 'label' }, v.label)}${v.date ? ` (${ui.date(v.date)})` : ''}`;
        if (v.id === version.id)
          return html`<li><a aria-current="page" href="${documentHref(document.id, v.seq, lang)}">${label}</a></li>`;
        if (v.languages.length === 0)
          return html`<li>${label} <span class="empty">${m.noText}</span></li>`;
        const sameLanguage = v.languages.some((l) => l.language === lang);
        return html`<li><a href="${documentHref(document.id, v.seq, sameLanguage ? lang : undefined)}">${label}</a></li>`;
      })}
    </ul>
  </div>`;
  const languageNav = html`<div>
    <h2 id="languages-title">${m.language}</h2>
    <ul aria-labelledby="languages-title">
      ${version.languages.map((l) => {
        const name = languageName(l.language);
        const current = l.id === languageVersion.id;
        return html`<li><a ${current ? html`aria-current="page" ` : ''}href="${documentHref(document.id, version.seq, l.language)}" hreflang="${l.language}" lang="${l.language}" dir="${directionOf(l.language)}">${name.native}</a></li>`;
      })}
    </ul>
  </div>`;
  const paragraphs = blocks.filter(
    (b) => b.kind === 'paragraph' && b.number !== null && b.parentId === null,
  ).length;
  const footnotes = blocks.filter((b) => b.kind === 'footnote').length;
  const notices: Markup[] = [];
  if (!version.public) {
    notices.push(
      html`<div class="notice"><p>${m.notPublic}</p>${
        sections.canPublish
          ? html`<form method="post" action="/versions/${version.id}/publish">${csrfField(ctx)}<button type="submit">${m.publish}</button></form>`
          : ''
      }</div>`,
    );
  }
  notices.push(...sections.notices);
  const index = document.versions.findIndex((v) => v.id === version.id);
  const previous = index > 0 ? document.versions[index - 1] : undefined;
  const compare =
    previous !== undefined
      ? html` · <a href="/documents/${document.id}/compare?from=${previous.seq}&amp;to=${version.seq}&amp;lang=${encodeURIComponent(lang)}">${m.compare}</a>`
      : '';
  const main = html`<header>
      <p class="meta">
        ${document.symbol ? html`<span class="symbol">${document.symbol}</span> · ` : ''}${ui.m.documents.kinds[document.kind as keyof typeof ui.m.documents.kinds] ?? documentKindLabel(document.kind)}
        · ${process.shortName ?? process.name}
      </p>
      <h1 lang="${lang}" dir="${dir}">${document.title}</h1>
      <p class="meta">
        ${version.label}${version.date ? ` · ${ui.date(version.date)}` : ''} · ${languageName(lang, ui.lang).display} ·
        ${ui.plural(m.numberedParagraphs, paragraphs)}${footnotes ? ` · ${ui.plural(m.footnotes, footnotes)}` : ''}${compare}
      </p>
    </header>
    ${notices}
    <nav class="switcher" aria-label="${m.versionsAndLanguages}">${versionNav}${languageNav}</nav>
    ${sections.beforeText}
    <article class="content" lang="${lang}" dir="${dir}"${sections.quotable ? html` data-quote-label="${m.commentOnSelection}" data-ui-lang="${ui.lang}" data-ui-dir="${ui.dir}"` : ''}>
      ${renderMatter(blocks, 'front', rctx)} ${renderBody(blocks, rctx)} ${renderFootnotes(blocks, rctx)}
      ${renderMatter(blocks, 'back', rctx)}
    </article>
    <p class="report">
      ${fill(m.importedFrom, { name: languageVersion.sourceName ?? m.aFile, format: languageVersion.sourceFormat, date: ui.date(languageVersion.importedAt) })}
      SHA-256 <span class="symbol">${languageVersion.sourceSha256.slice(0, 16)}…</span> ·
      <a href="${here}/import-report">${m.importReport}</a> ·
      <a href="/api/language-versions/${languageVersion.id}/blocks">${m.blocksJson}</a> ·
      <a href="/language-versions/${languageVersion.id}/akn.xml" type="application/akn+xml">${m.aknXml}</a>
    </p>`;
  return page(ctx, {
    title,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: document.symbol ?? document.title },
    ],
  });
}

/** The documents of a process page: each with its kind, versions and the languages of each. */
export function processDocumentsSection(ctx: PageContext, documents: PlenumDocument[]): Markup {
  const { ui } = ctx;
  const m = ui.m.processes;
  return html`<h2>${m.documents}</h2>
    ${
      documents.length === 0
        ? html`<p class="empty">${m.noDocuments}</p>`
        : html`<table class="list">
            <thead>
              <tr>
                <th scope="col">${m.document}</th>
                <th scope="col">${m.kind}</th>
                <th scope="col">${m.versionsAndLanguages}</th>
              </tr>
            </thead>
            <tbody>
              ${documents.map(
                (d) =>
                  html`<tr>
                    <td>
                      ${d.symbol ? html`<span class="symbol">${d.symbol}</span><br />` : ''}<a href="${documentHref(d.id)}">${d.title}</a>
                    </td>
                    <td>${ui.m.documents.kinds[d.kind as keyof typeof ui.m.documents.kinds] ?? documentKindLabel(d.kind)}</td>
                    <td>
                      <ul class="plain">
                        ${d.versions.map(
                          (v) =>
                            html`<li>
                              ${contentText(ctx, { type: 'version', id: v.id, field: 'label' }, v.label)}${v.date ? html` (${ui.date(v.date)})` : ''}${v.public ? '' : html` <em>(${m.notPublic})</em>`}:
                              ${
                                v.languages.length === 0
                                  ? html`<span class="empty">${ui.m.documents.noText}</span>`
                                  : v.languages.map(
                                      (l, i) =>
                                        html`${i > 0 ? ', ' : ''}<a href="${documentHref(d.id, v.seq, l.language)}" hreflang="${l.language}"
                                            >${languageName(l.language, ui.lang).display}</a
                                          >`,
                                    )
                              }
                            </li>`,
                        )}
                      </ul>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}
