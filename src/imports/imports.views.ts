/** HTML of an import report: what the importer made of a file, and every piece it left out. */
import { html } from 'hono/html';
import type { DocumentReading } from '../documents/documents.service.ts';
import { formatDate, languageName, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ImportReport } from './imports.schema.ts';
import { documentHref, documentLabel } from '../web/links.ts';

const reasonLabels: Record<string, string> = {
  page_header: 'page header',
  page_footer: 'page footer',
  page_number: 'page number',
  table_of_contents: 'table of contents',
  field_code: 'field code',
  bookmark: 'bookmark',
  replacement_character: 'replacement character',
  markup: 'markup',
  footnote_marker: 'footnote marker',
  number_label: 'number label',
  other: 'other',
};

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
  const main = html`<p class="meta">${document.symbol ?? ''} · ${version.label} · ${languageName(languageVersion.language).display}</p>
<h1>Import report</h1>
<p>${languageVersion.sourceName ?? 'A file'} (${report.format}, ${(report.source.bytes / 1024).toFixed(1)} KB) was imported on ${formatDate(languageVersion.importedAt)}.
SHA-256 of the file: <span class="symbol">${report.source.sha256}</span>.</p>
<p><a href="${back}">Read the document</a></p>
<h2>Blocks</h2>
<table class="list"><thead><tr><th scope="col">Kind</th><th scope="col">Count</th></tr></thead>
<tbody>${kinds.map(([kind, n]) => html`<tr><td>${kind.replace('_', ' ')}</td><td>${n}</td></tr>`)}</tbody></table>
<p>${report.blocks.numberedParagraphs} numbered paragraphs${range ? ` (${range.first} to ${range.last})` : ''}, ${report.blocks.subParagraphs} sub-paragraphs, ${report.blocks.unnumberedParagraphs} unnumbered paragraphs.
${range && range.missing.length > 0 ? html`<strong>Numbers missing from the sequence: ${range.missing.join(', ')}.</strong>` : ''}</p>
<p>${report.footnotes.footnotes} footnotes; ${report.footnotes.markers} markers in the text, ${report.footnotes.linked} linked to their footnote, ${report.footnotes.unlinked} not linked; ${report.footnotes.unreferenced} footnotes never referenced.</p>
<h2 id="warnings">Warnings (${report.warnings.length})</h2>
${
  report.warnings.length === 0
    ? html`<p class="empty">None.</p>`
    : html`<ul>${report.warnings.map((w) => html`<li>${w.line ? `Line ${w.line}: ` : ''}${w.message}</li>`)}</ul>`
}
<h2 id="removed">Removed from the text (${report.removed.items} pieces, ${report.removed.characters} characters)</h2>
<p>Everything in the file that is not in a block is listed here with the reason, so nothing is dropped silently.</p>
${
  report.removed.pieces.length === 0
    ? html`<p class="empty">Nothing.</p>`
    : html`<table class="list"><thead><tr><th scope="col">Line</th><th scope="col">Why</th><th scope="col">Text</th></tr></thead>
<tbody>${report.removed.pieces.map(
        (p) =>
          html`<tr><td>${p.line ?? ''}</td><td>${reasonLabels[p.reason] ?? p.reason}</td><td><code>${p.text}</code></td></tr>`,
      )}</tbody></table>`
}`;
  return page(ctx, {
    title: `Import report: ${documentLabel(document)}`,
    main,
    crumbs: [
      { label: ctx.ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: document.symbol ?? document.title, href: back },
      { label: 'Import report' },
    ],
  });
}
