/** HTML of an import report: what the importer made of a file, and every piece it left out. */
import { html } from 'hono/html';
import type { DocumentReading } from '../documents/documents.service.ts';
import { formatDate, languageName, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ImportReport } from './imports.schema.ts';
import { documentHref, documentLabel } from '../web/links.ts';
import { fill } from '../web/i18n.ts';

/** Items with a line first, in line order; the others after, as they came (a stable sort). */
function inLineOrder<T extends { line?: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/** The import report page of one language version. */
export function importReportPage(
  ctx: PageContext,
  reading: DocumentReading,
  report: ImportReport,
): Markup {
  const { process, document, version, languageVersion } = reading;
  const back = documentHref(document.id, version.seq, languageVersion.language);
  const kinds = Object.entries(report.blocks.byKind);
  const range = report.numberedParagraphRange;
  const m = ctx.ui.m.imports;
  const reasons: Record<string, string> = m.reasons;
  const kindNames: Record<string, string> = m.blockKinds;
  const summary = fill(m.reportParagraphs, {
    numbered: String(report.blocks.numberedParagraphs),
    range: range ? fill(m.reportRange, { first: range.first, last: range.last }) : '',
    sub: String(report.blocks.subParagraphs),
    unnumbered: String(report.blocks.unnumberedParagraphs),
  });
  const main = html`<p class="meta">${document.symbol ?? ''} · ${version.label} · ${languageName(languageVersion.language).display}</p>
<h1>${m.reportHeading}</h1>
<p>${fill(m.reportImported, {
    file: languageVersion.sourceName ?? m.aFile,
    format: report.format,
    size: (report.source.bytes / 1024).toFixed(1),
    date: formatDate(languageVersion.importedAt),
  })}
${m.shaTerm}: <span class="symbol">${report.source.sha256}</span>.</p>
<p><a href="${back}">${m.reportReadDocument}</a></p>
<h2>${m.reportBlocks}</h2>
<table class="list"><thead><tr><th scope="col">${m.kindLabel}</th><th scope="col">${m.reportCount}</th></tr></thead>
<tbody>${kinds.map(([kind, n]) => html`<tr><td>${kindNames[kind] ?? kind.replace('_', ' ')}</td><td>${n}</td></tr>`)}</tbody></table>
<p>${summary}
${range && range.missing.length > 0 ? html`<strong>${fill(m.reportMissing, { list: range.missing.join(', ') })}</strong>` : ''}</p>
<p>${fill(m.reportFootnotes, {
    footnotes: String(report.footnotes.footnotes),
    markers: String(report.footnotes.markers),
    linked: String(report.footnotes.linked),
    unlinked: String(report.footnotes.unlinked),
    unreferenced: String(report.footnotes.unreferenced),
  })}</p>
<h2 id="warnings">${fill(m.warnings, { n: String(report.warnings.length) })}</h2>
${
  report.warnings.length === 0
    ? html`<p class="empty">${m.noWarnings}</p>`
    : html`<ul>${inLineOrder(report.warnings).map((w) => html`<li>${w.line ? fill(m.reportWarningLine, { n: String(w.line) }) : ''}${w.message}</li>`)}</ul>`
}
${carriedSection(ctx, report)}
<h2 id="removed">${fill(m.removed, { n: String(report.removed.items) })}</h2>
<p>${m.removedIntro}</p>
${
  report.removed.pieces.length === 0
    ? html`<p class="empty">${m.nothingRemoved}</p>`
    : html`<table class="list"><thead><tr><th scope="col">${m.reportLine}</th><th scope="col">${m.reportWhy}</th><th scope="col">${m.reportText}</th></tr></thead>
<tbody>${inLineOrder(report.removed.pieces).map(
        (p) =>
          html`<tr><td>${p.line ?? ''}</td><td>${reasons[p.reason] ?? p.reason}</td><td><code>${p.text}</code></td></tr>`,
      )}</tbody></table>`
}`;
  return page(ctx, {
    title: `${m.reportHeading}: ${documentLabel(document)}`,
    main,
    crumbs: [
      { label: ctx.ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: document.symbol ?? document.title, href: back },
      { label: m.reportHeading },
    ],
  });
}

/** A revised version's comments carried from the earlier one: the counts and every one that lost its place. */
function carriedSection(ctx: PageContext, report: ImportReport): Markup | string {
  const carried = report.carried;
  if (!carried) return '';
  const m = ctx.ui.m.imports;
  const counts = Object.fromEntries(
    Object.entries(carried.counts).map(([k, n]) => [k, String(n)]),
  ) as Record<keyof typeof carried.counts, string>;
  return html`<h2 id="carried">${fill(m.reportCarried, {
    label: carried.from?.versionLabel ?? '',
    n: String(carried.anchors),
  })}</h2>
<p>${fill(m.reportCarriedCounts, counts)}</p>
<h3 id="lost">${fill(m.reportLost, { n: String(carried.lost.length) })}</h3>
${
  carried.lost.length === 0
    ? html`<p class="empty">${m.reportLostNone}</p>`
    : html`<table class="list"><thead><tr><th scope="col">${m.reportSubmission}</th><th scope="col">${m.reportWhy}</th><th scope="col">${m.reportWasOn}</th><th scope="col">${m.reportNowOn}</th><th scope="col">${m.reportQuoted}</th></tr></thead>
<tbody>${carried.lost.map(
        (l) =>
          html`<tr><td><a href="/submissions/${l.submissionId}">${l.submissionId.slice(0, 8)}</a></td><td>${m.reportOutcomes[l.outcome]}</td><td>${l.fromAddress}</td><td>${l.address ?? '—'}</td><td>${l.exact ?? ''}</td></tr>`,
      )}</tbody></table>`
}`;
}
