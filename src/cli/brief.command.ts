/** plenum brief: draft a briefing paper as Markdown, HTML, DOCX or PDF. */
import { writeFileSync } from 'node:fs';
import { briefingDocx, briefingHtml, briefingMarkdown } from '../briefings/briefing-writers.ts';
import { draftBriefing } from '../briefings/briefings.service.ts';
import { printPdf } from '../web/print-pdf.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum brief. */
export const briefUsage = `plenum brief --process P [--process P2 …] --concept C [--concept C2 …]
             --from YYYY-MM-DD --to YYYY-MM-DD [--language en|fr|es|ru|zh|ar]
             [--format md|html|docx|pdf] [--paper a4|letter] [--out FILE]
             [--base-url URL] [--db URL|PATH]

Drafts a briefing paper in one language (--language, English by default): a title, date, scope
and a short summary; then for each process
  what happened      documents, versions, comment periods and meetings of the period, by date,
                     past ones only;
  the current draft  each paragraph on the concepts quoted once, from the latest public version,
                     in the paper's language (else the original, with a note), with what changed
                     since the previous version, and the positions analysts recorded on it;
  who said what      the published submissions' sentences on the concepts, exact and in their own
                     language (with a slot for the analyst's translation): member states in
                     alphabetical order (verified governments only), intergovernmental
                     organisations (verified), then the other stakeholders by group;
  what is coming     meetings, comment periods and deadlines after today, by date;
and a note (footnote) for every source. Markdown goes to standard output unless --out is given;
DOCX (Word headings, real footnotes) and PDF (printed by Chromium: PLENUM_CHROMIUM, else
/usr/bin/chromium) need --out. --paper sets the page of HTML, PDF and DOCX (A4 by default).
--base-url makes the notes' links absolute (e.g. https://plenum.example.org).`;

/** Runs plenum brief; returns the exit code. */
export async function briefCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    process: { type: 'string', multiple: true },
    concept: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    language: { type: 'string', default: 'en' },
    format: { type: 'string', default: 'md' },
    paper: { type: 'string', default: 'a4' },
    out: { type: 'string' },
    'base-url': { type: 'string', default: '' },
    db: { type: 'string' },
  });
  const format = values.format;
  if (format !== 'md' && format !== 'html' && format !== 'docx' && format !== 'pdf')
    throw new UsageError('--format must be md, html, docx or pdf');
  if ((format === 'docx' || format === 'pdf') && !values.out)
    throw new UsageError(`${format.toUpperCase()} needs --out FILE`);
  const base = values['base-url'].replace(/\/+$/, '');
  const opened = await openCliDatabase(values.db);
  try {
    const started = performance.now();
    const briefing = await draftBriefing(opened.db, {
      processes: values.process ?? [],
      concepts: values.concept ?? [],
      from: values.from ?? '',
      to: values.to ?? '',
      language: values.language,
      paper: values.paper,
    });
    const output =
      format === 'pdf'
        ? await printPdf(briefingHtml(briefing, base, { print: true }))
        : format === 'docx'
          ? await briefingDocx(briefing, base)
          : format === 'html'
            ? briefingHtml(briefing, base)
            : briefingMarkdown(briefing, base);
    if (values.out) {
      writeFileSync(values.out, output);
      const quotes = briefing.processes.reduce(
        (n, p) =>
          n +
          [...p.states, ...p.igos, ...p.others.flatMap((g) => g.speakers)].reduce(
            (m, s) => m + s.quotes.length,
            0,
          ),
        0,
      );
      process.stderr.write(
        `plenum: wrote ${values.out} (${quotes} quotations, ${briefing.notes.length} notes) in ${Math.round(performance.now() - started)} ms\n`,
      );
    } else process.stdout.write(output);
    return 0;
  } finally {
    await opened.close();
  }
}
