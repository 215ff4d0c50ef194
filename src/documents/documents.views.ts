/** HTML of the document page: a language version with numbered paragraphs, footnotes and switchers. */
import { html } from 'hono/html';
import type { CommentPeriod } from '../consultations/consultations.schema.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { filterForm, submissionItem } from '../submissions/submissions.views.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, localAddress } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import { anchorsFor } from './anchors.ts';
import type { DocumentReading } from './documents.service.ts';
import { documentKindLabel, type Block } from './documents.schema.ts';
import { documentHref, documentLabel } from '../web/links.ts';

/** The comments shown on a document page: counts per paragraph, and one paragraph opened. */
export interface CommentLayer {
  counts: Map<string, { direct: number; carried: number }>;
  /** The paragraph whose comments are open in place, by address. */
  open?: { address: string; submissions: Submission[]; next: string | null };
  /** A period open for submissions on this version, for "comment on" links. */
  openPeriod?: CommentPeriod;
  /** Every period on this version. */
  periods: CommentPeriod[];
  /** The filter query string ("group=government&region=african"), without "?". */
  filterQuery: string;
  filters: Record<string, string | undefined>;
  organisations: { slug: string; name: string }[];
  canPublish: boolean;
  previousSeq?: number;
  /** The version shown, the labels of every version, and the text's language, for carried comments. */
  versionId: string;
  versionLabels: Map<string, string>;
  contentLanguage: string;
}

interface RenderContext {
  page: PageContext;
  comments: CommentLayer;
  /** The page's own address with the filters, for comment links. */
  base: string;
  anchors: Map<string, string>;
  /** Fragment ids of each footnote's references, in reading order, for back-links. */
  backlinks: Map<string, string[]>;
  refAnchor: Map<string, string>;
}

/** Works out every fragment id and footnote back-link before rendering. */
function renderContext(
  blocks: Block[],
  page: PageContext,
  comments: CommentLayer,
  base: string,
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
  return { page, comments, base, anchors, backlinks, refAnchor };
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

/** The comment counts under a paragraph, its "comment on" link, and its comments when opened. */
function commentsOf(block: Block, id: string, ctx: RenderContext): Markup {
  const { ui } = ctx.page;
  const m = ui.m.documents;
  const count = ctx.comments.counts.get(block.address);
  const period = ctx.comments.openPeriod;
  // Signed-in readers (analysts) may record a stance from any paragraph.
  const analyst = ctx.page.viewer !== null && block.kind !== 'heading';
  if (!count && !period && !analyst) return '';
  const isOpen = ctx.comments.open?.address === block.address;
  const sep = ctx.base.includes('?') ? '&' : '?';
  const link = (label: string) =>
    isOpen
      ? html`<a href="${ctx.base}#${id}" aria-expanded="true">${label}</a>`
      : html`<a href="${ctx.base}${sep}comments=${encodeURIComponent(block.address)}#${id}" aria-expanded="false">${label}</a>`;
  const parts: Markup[] = [];
  if (count && count.direct > 0) parts.push(link(ui.plural(m.comments, count.direct)));
  if (count && count.carried > 0) parts.push(link(ui.plural(m.previousComments, count.carried)));
  if (period) {
    parts.push(
      html`<a href="/consultations/${period.id}/submit?block=${block.id}">${fill(m.commentOn, { address: localAddress(ui, block.address) })}</a>`,
    );
  }
  if (analyst)
    parts.push(html`<a href="/stances/new?source=${block.id}">${ui.m.stances.record}</a>`);
  const open = isOpen && ctx.comments.open ? ctx.comments.open : undefined;
  return html`<div class="comment-bar" lang="${ui.lang}" dir="${ui.dir}">${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}</div>${
    open
      ? html`<section class="comments-open" aria-label="${fill(m.commentsOnParagraph, { address: localAddress(ui, block.address) })}" lang="${ui.lang}" dir="${ui.dir}">
          <h3>${fill(m.commentsOnParagraph, { address: localAddress(ui, block.address) })}</h3>
          <ol class="submissions">${open.submissions.map((s) =>
            submissionItem(ctx.page, s, {
              showAnchors: true,
              versionId: ctx.comments.versionId,
              versionLabels: ctx.comments.versionLabels,
              contentLanguage: ctx.comments.contentLanguage,
            }),
          )}</ol>
          ${open.next ? html`<p><a href="${ctx.base}${sep}comments=${encodeURIComponent(block.address)}&amp;before=${open.next}#${id}">${ui.m.consultations.next}</a></p>` : ''}
          <p><a href="${ctx.base}#${id}">${m.hideComments}</a></p>
        </section>`
      : ''
  }`;
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
      return html`<p class="${cls}" id="${id}"><a class="num" href="#${id}" title="${block.address}"><bdi>${label}</bdi></a> ${textWithMarkers(block, ctx)}</p>${commentsOf(block, id, ctx)}`;
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

/** The whole document page. */
export function documentPage(
  ctx: PageContext,
  reading: DocumentReading,
  comments: CommentLayer,
): Markup {
  const { ui } = ctx;
  const m = ui.m.documents;
  const { process, document, version, languageVersion, blocks } = reading;
  const lang = languageVersion.language;
  const here = documentHref(document.id, version.seq, lang);
  const base = comments.filterQuery ? `${here}?${comments.filterQuery}` : here;
  const rctx = renderContext(blocks, ctx, comments, base);
  const dir = directionOf(lang);
  const title = documentLabel(document);
  const versionNav = html`<div>
    <h2 id="versions-title">${m.version}</h2>
    <ul aria-labelledby="versions-title">
      ${document.versions.map((v) => {
        const label = `${v.label}${v.date ? ` (${ui.date(v.date)})` : ''}`;
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
  const open = comments.openPeriod;
  const notices: Markup[] = [];
  if (!version.public) {
    notices.push(
      html`<div class="notice"><p>${m.notPublic}</p>${
        comments.canPublish
          ? html`<form method="post" action="/versions/${version.id}/publish">${csrfField(ctx)}<button type="submit">${m.publish}</button></form>`
          : ''
      }</div>`,
    );
  }
  if (open) {
    notices.push(html`<div class="notice"><p>${fill(m.openPeriodNotice, { close: ui.instant(open.closesAt, open.timeZone) })}
      <a href="/consultations/${open.id}">${open.title}</a> · <a href="/consultations/${open.id}/submit">${m.submitComment}</a></p></div>`);
  }
  const compare =
    comments.previousSeq !== undefined
      ? html` · <a href="/documents/${document.id}/compare?from=${comments.previousSeq}&amp;to=${version.seq}&amp;lang=${encodeURIComponent(lang)}">${m.compare}</a>`
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
    ${
      comments.counts.size > 0 || comments.periods.length > 0
        ? html`<details class="filters"${comments.filterQuery ? html` open` : ''}><summary>${m.filtersTitle}</summary>${filterForm(ctx, here, comments.filters, comments.organisations, m.filtersTitle)}</details>`
        : ''
    }
    <article class="content" lang="${lang}" dir="${dir}"${open ? html` data-quote-label="${m.commentOnSelection}" data-ui-lang="${ui.lang}" data-ui-dir="${ui.dir}"` : ''}>
      ${renderMatter(blocks, 'front', rctx)} ${renderBody(blocks, rctx)} ${renderFootnotes(blocks, rctx)}
      ${renderMatter(blocks, 'back', rctx)}
    </article>
    <p class="report">
      ${fill(m.importedFrom, { name: languageVersion.sourceName ?? m.aFile, format: languageVersion.sourceFormat, date: ui.date(languageVersion.importedAt) })}
      SHA-256 <span class="symbol">${languageVersion.sourceSha256.slice(0, 16)}…</span> ·
      <a href="${here}/import-report">${m.importReport}</a> ·
      <a href="/api/language-versions/${languageVersion.id}/blocks">${m.blocksJson}</a>
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
