/**
 * HTML of importing in the browser: the upload form (on the process page and on its own), and an
 * import draft's page, the document as read beside its report, with a small form per correction.
 */
import { html } from 'hono/html';
import { sectionHeadings, type ParsedBlock, type ParseWarning } from '../documents/blocks.ts';
import { documentKinds } from '../documents/documents.schema.ts';
import type { Process } from '../processes/processes.schema.ts';
import { fill, localAddress, uiLanguages, type Ui } from '../web/i18n.ts';
import { csrfField, directionOf, languageName, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import { findConcerns, type BlockConcern } from './concerns.ts';
import { correctableKinds, type Correction } from './corrections.ts';
import type { DraftSummary, ImportDraft } from './import-drafts.service.ts';

/** What the upload form was given, to show again after a refusal. */
export interface ImportFormValues {
  symbol?: string | undefined;
  title?: string | undefined;
  language?: string | undefined;
  version?: string | undefined;
  kind?: string | undefined;
}

/** The "Import a document" section of a process page, with the drafts not yet published. */
export function importSection(ctx: PageContext, process: Process, drafts: DraftSummary[]): Markup {
  const m = ctx.ui.m.imports;
  return html`<section aria-labelledby="import-heading">
    <h2 id="import-heading">${m.importTitle}</h2>
    ${
      drafts.length > 0
        ? html`<h3>${m.openDrafts}</h3>
          <ul>
            ${drafts.map(
              (d) =>
                html`<li>
                  <a href="/import-drafts/${d.id}">${d.symbol ?? d.sourceName ?? m.aFile}</a>
                  · ${fill(m.uploaded, { date: ctx.ui.date(d.createdAt) })}
                </li>`,
            )}
          </ul>`
        : ''
    }
    ${importForm(ctx, process, {})}
  </section>`;
}

/** The upload form on a page of its own: where a refused file comes back with what was typed. */
export function importFormPage(
  ctx: PageContext,
  process: Process,
  form: { values?: ImportFormValues; error?: Markup },
): Markup {
  const m = ctx.ui.m.imports;
  const main = html`<h1>${m.importTitle}</h1>
    ${
      form.error
        ? html`<div class="problem" role="alert"><p>${m.refused}</p><p>${form.error}</p></div>`
        : ''
    }
    ${importForm(ctx, process, form.values ?? {})}`;
  return page(ctx, {
    title: m.importTitle,
    main,
    crumbs: [
      { label: ctx.ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: m.importTitle },
    ],
  });
}

function importForm(ctx: PageContext, process: Process, values: ImportFormValues): Markup {
  const { ui } = ctx;
  const m = ui.m.imports;
  const kind = values.kind || 'working_paper';
  return html`<p>${m.importIntro}</p>
    <form
      method="post"
      action="/processes/${process.slug}/import-drafts"
      enctype="multipart/form-data"
      class="stack"
    >
      ${csrfField(ctx)}
      <label
        >${m.file}
        <input
          type="file"
          name="file"
          required
          accept=".pdf,.docx,.txt,.text,.md,.markdown,.xml,.akn,application/akn+xml,application/pdf,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      /></label>
      <label
        >${m.symbol} <input type="text" name="symbol" maxlength="200" value="${values.symbol ?? ''}" dir="ltr"
      /></label>
      <label
        >${m.title} <input type="text" name="title" maxlength="500" value="${values.title ?? ''}"
      /></label>
      <label
        >${m.language}
        <select name="language">
          <option value="">${m.detect}</option>
          ${uiLanguages.map(
            (tag) =>
              html`<option value="${tag}" ${values.language === tag ? 'selected' : ''}>
                ${languageName(tag, ui.lang).display}
              </option>`,
          )}
        </select></label
      >
      <label
        >${m.version} <input type="text" name="version" maxlength="100" value="${values.version ?? ''}"
      /></label>
      <label
        >${m.kind}
        <select name="kind">
          ${documentKinds.map(
            (k) =>
              html`<option value="${k}" ${k === kind ? 'selected' : ''}>${ui.m.documents.kinds[k]}</option>`,
          )}
        </select></label
      >
      <p><button type="submit">${m.upload}</button></p>
    </form>`;
}

/** An import draft's page: the document as read beside the import report, and its forms. */
export function importDraftPage(
  ctx: PageContext,
  draft: ImportDraft,
  options: { error?: Markup } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.imports;
  const name = draft.target.symbol ?? draft.sourceName ?? m.aFile;
  const concerns = findConcerns(draft.result);
  const main = html`<h1>${fill(m.draftTitle, { name })}</h1>
    <p class="notice">${m.draftIntro}</p>
    ${
      options.error
        ? html`<div class="problem" role="alert"><p>${m.correctionRefused} ${options.error}</p></div>`
        : ''
    }
    ${draftFacts(ctx, draft)}
    <div class="import-review">
      <section class="import-document" aria-labelledby="document-heading">
        <h2 id="document-heading">
          ${fill(m.documentHeading, { n: ui.n(draft.result.blocks.length) })}
        </h2>
        <ol class="import-blocks" lang="${draft.language}" dir="${directionOf(draft.language)}">
          ${draft.result.blocks.map((block, i) =>
            blockItem(ctx, draft, {
              block,
              next: draft.result.blocks[i + 1],
              concern: concerns.byBlock.get(block.key),
            }),
          )}
        </ol>
      </section>
      <section class="import-report" aria-labelledby="report-heading">
        <h2 id="report-heading">${m.reportHeading}</h2>
        ${correctionsPart(ctx, draft)} ${warningsPart(ctx, draft, concerns.byBlock)}
        ${removedPart(ctx, draft)}
      </section>
    </div>
    ${publishPart(ctx, draft)}`;
  return page(ctx, {
    title: fill(m.draftTitle, { name }),
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      {
        label: draft.process.shortName ?? draft.process.name,
        href: `/processes/${draft.process.slug}`,
      },
      { label: fill(m.draftTitle, { name }) },
    ],
  });
}

function draftFacts(ctx: PageContext, draft: ImportDraft): Markup {
  const m = ctx.ui.m.imports;
  const target = draft.target;
  return html`<dl class="facts">
    <dt>${m.fileTerm}</dt>
    <dd dir="auto">${draft.sourceName ?? m.aFile} (${ctx.ui.n(Math.ceil(draft.bytes / 1024))} KB)</dd>
    <dt>${m.formatTerm}</dt>
    <dd>${draft.format}</dd>
    <dt>${m.shaTerm}</dt>
    <dd><code class="hash">${draft.sha256}</code></dd>
    <dt>${m.symbolTerm}</dt>
    <dd dir="ltr">${target.symbol ?? m.none}</dd>
    <dt>${m.languageTerm}</dt>
    <dd>
      ${languageName(draft.language, ctx.ui.lang).display}${target.language ? '' : html` (${m.detected})`}
    </dd>
    <dt>${m.versionTerm}</dt>
    <dd>${target.version ?? m.nextVersion}</dd>
  </dl>`;
}

/**
 * A block's address in words ("Introduction, paragraph 2", "cover, part 3"), from the draft's own
 * headings; the address as stored stays in the title for those who correct it.
 */
function addressOf(ui: Ui, draft: ImportDraft, address: string): Markup {
  let headings = headingsByDraft.get(draft);
  if (!headings) {
    headings = sectionHeadings(draft.result.blocks);
    headingsByDraft.set(draft, headings);
  }
  return html`<bdi title="${address}">${localAddress(ui, address, headings)}</bdi>`;
}
/** Each draft's headings, worked out once per page. */
const headingsByDraft = new WeakMap<ImportDraft, Map<string, string>>();

/** One block as read, highlighted when doubtful, with the forms that correct it. */
function blockItem(
  ctx: PageContext,
  draft: ImportDraft,
  item: { block: ParsedBlock; next: ParsedBlock | undefined; concern: BlockConcern | undefined },
): Markup {
  const { ui } = ctx;
  const m = ui.m.imports;
  const { block, concern } = item;
  const kindName = m.blockKinds[block.kind as keyof typeof m.blockKinds] ?? block.kind;
  const text =
    block.kind === 'heading'
      ? html`<p class="block-text"><strong>${block.text}</strong></p>`
      : html`<p class="block-text">${block.text}</p>`;
  return html`<li id="block-${block.key}" class="import-block${concern ? ' doubtful' : ''}">
    <p class="meta" dir="${ui.dir}" lang="${ui.lang}">
      <span class="address">${addressOf(ui, draft, block.address)}</span> · ${kindName}${
        block.number !== null ? html` · <span dir="ltr">${block.number}</span>` : ''
      }
    </p>
    ${text} ${markersOf(ctx, draft, block)} ${concern ? concernNote(ctx, concern) : ''}
    <details dir="${ui.dir}" lang="${ui.lang}">
      <summary>${m.correct} <span class="visually-hidden">${addressOf(ui, draft, block.address)}</span></summary>
      ${correctionForms(ctx, draft, item)}
    </details>
  </li>`;
}

function markersOf(ctx: PageContext, draft: ImportDraft, block: ParsedBlock): Markup {
  if (block.footnoteRefs.length === 0) return html``;
  const m = ctx.ui.m.imports;
  const byKey = new Map(draft.result.blocks.map((b) => [b.key, b] as const));
  return html`<p class="markers" dir="${ctx.ui.dir}" lang="${ctx.ui.lang}">
    ${m.markers}:
    ${block.footnoteRefs.map((r, i) => {
      const target = r.footnoteKey === null ? undefined : byKey.get(r.footnoteKey);
      return html`${i > 0 ? ', ' : ''}<span dir="ltr">${r.marker}</span> →
        ${
          target
            ? html`<a href="#block-${target.key}">${addressOf(ctx.ui, draft, target.address)}</a>`
            : html`<em>${m.unlinked}</em>`
        }`;
    })}
  </p>`;
}

function concernNote(ctx: PageContext, concern: BlockConcern): Markup {
  const m = ctx.ui.m.imports;
  return html`<div class="concern" dir="${ctx.ui.dir}" lang="${ctx.ui.lang}">
    <strong>${m.check}</strong>
    ${concern.confidence !== null ? html` (${fill(m.confidence, { n: concern.confidence.toFixed(2) })})` : ''}
    ${
      concern.warnings.length > 0
        ? html`<ul>
          ${concern.warnings.map((w) => html`<li lang="en" dir="ltr">${w.message}</li>`)}
        </ul>`
        : ''
    }
  </div>`;
}

/** The small forms of one block: kind, number, join with the next, split, link a footnote. */
function correctionForms(
  ctx: PageContext,
  draft: ImportDraft,
  item: { block: ParsedBlock; next: ParsedBlock | undefined },
): Markup {
  const m = ctx.ui.m.imports;
  const { block, next } = item;
  const action = `/import-drafts/${draft.id}/corrections`;
  const head = (type: Correction['type']) =>
    html`${csrfField(ctx)}<input type="hidden" name="type" value="${type}" /><input
        type="hidden"
        name="block"
        value="${block.key}"
      />`;
  const kinds = correctableKinds.includes(block.kind)
    ? html`<form method="post" action="${action}" class="correction">
        ${head('kind')}
        <label
          >${m.kindLabel}
          <select name="kind">
            ${correctableKinds.map(
              (k) =>
                html`<option value="${k}" ${k === block.kind ? 'selected' : ''}>
                  ${m.blockKinds[k as keyof typeof m.blockKinds] ?? k}
                </option>`,
            )}
          </select></label
        >
        <button type="submit">${m.changeKind}</button>
      </form>`
    : '';
  return html`${kinds}
    <form method="post" action="${action}" class="correction">
      ${head('number')}
      <label
        >${m.numberLabel}
        <input type="text" name="number" value="${block.number ?? ''}" maxlength="20" size="6" dir="ltr"
      /></label>
      <button type="submit">${m.changeNumber}</button>
    </form>
    ${
      next
        ? html`<form method="post" action="${action}" class="correction">
          ${head('join')}<button type="submit">${m.joinNext}</button>
        </form>`
        : ''
    }
    ${
      block.kind !== 'table'
        ? html`<form method="post" action="${action}" class="correction">
          ${head('split')}
          <label>${m.splitAt} <input type="text" name="at" required dir="auto" /></label>
          <button type="submit">${m.split}</button>
        </form>`
        : ''
    }
    ${
      block.kind === 'footnote'
        ? html`<form method="post" action="${action}" class="correction">
          ${head('link_footnote')}
          <label>${m.linkTarget} <input type="text" name="target" required dir="ltr" /></label>
          <label>${m.linkAfter} <input type="text" name="at" dir="auto" /></label>
          <button type="submit">${m.link}</button>
        </form>`
        : ''
    }`;
}

function correctionsPart(ctx: PageContext, draft: ImportDraft): Markup {
  const m = ctx.ui.m.imports;
  const reapplied = draft.reappliedCount;
  return html`${reapplied > 0 ? html`<p>${fill(m.reapplied, { n: ctx.ui.n(reapplied) })}</p>` : ''}
    ${
      draft.notReapplied.length > 0
        ? html`<h3>${m.notReapplied}</h3>
          <ul>
            ${draft.notReapplied.map(
              (n) =>
                html`<li>
                  ${m.correctionTypes[n.type]}: «<span dir="auto">${n.block.slice(0, 60)}</span>»
                  — ${m.refusals[n.reason]}
                </li>`,
            )}
          </ul>`
        : ''
    }
    <h3>${fill(m.corrections, { n: ctx.ui.n(draft.corrections.length) })}</h3>
    ${
      draft.corrections.length === 0
        ? html`<p class="empty">${m.nothingRemoved}</p>`
        : html`<ol>
          ${draft.corrections.map(
            (c) =>
              html`<li>
                ${m.correctionTypes[c.type]}: «<span dir="auto">${c.block.text.slice(0, 60)}</span>»
              </li>`,
          )}
        </ol>`
    }`;
}

function warningsPart(
  ctx: PageContext,
  draft: ImportDraft,
  byBlock: Map<string, BlockConcern>,
): Markup {
  const m = ctx.ui.m.imports;
  // In the order of the file's lines, as the import report (those without a line last).
  const warnings = [...draft.result.warnings].sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity),
  );
  const blockOf = (w: ParseWarning) =>
    draft.result.blocks.find((b) => byBlock.get(b.key)?.warnings.includes(w));
  return html`<h3 id="warnings">${fill(m.warnings, { n: ctx.ui.n(warnings.length) })}</h3>
    ${
      warnings.length === 0
        ? html`<p class="empty">${m.noWarnings}</p>`
        : html`<ul>
          ${warnings.map((w) => {
            const block = blockOf(w);
            return html`<li>
              ${block ? html`<a href="#block-${block.key}">${addressOf(ctx.ui, draft, block.address)}</a>: ` : ''}${
                w.line ? html`${fill(m.line, { n: w.line })}: ` : ''
              }<span lang="en" dir="ltr">${w.message}</span>
            </li>`;
          })}
        </ul>`
    }`;
}

function removedPart(ctx: PageContext, draft: ImportDraft): Markup {
  const m = ctx.ui.m.imports;
  const removed = draft.result.removed;
  return html`<h3 id="removed">${fill(m.removed, { n: ctx.ui.n(removed.length) })}</h3>
    <p>${m.removedIntro}</p>
    ${
      removed.length === 0
        ? html`<p class="empty">${m.nothingRemoved}</p>`
        : html`<ul class="removed">
          ${removed.map(
            (r) =>
              html`<li>
                ${r.line ? html`${fill(m.line, { n: r.line })} · ` : ''}${m.reasons[r.reason] ?? r.reason}:
                <code dir="auto">${r.text}</code>
              </li>`,
          )}
        </ul>`
    }`;
}

function publishPart(ctx: PageContext, draft: ImportDraft): Markup {
  const m = ctx.ui.m.imports;
  return html`<section aria-labelledby="publish-heading">
    <h2 id="publish-heading">${m.publishHeading}</h2>
    <p>${m.publishIntro}</p>
    <form method="post" action="/import-drafts/${draft.id}/publish" class="inline">
      ${csrfField(ctx)}<button type="submit">${m.publish}</button>
    </form>
    <p>${m.discardIntro}</p>
    <form method="post" action="/import-drafts/${draft.id}/discard" class="inline">
      ${csrfField(ctx)}<button type="submit" class="secondary">${m.discard}</button>
    </form>
  </section>`;
}
