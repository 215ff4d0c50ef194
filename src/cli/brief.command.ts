/** plenum brief: draft a briefing paper as Markdown, HTML or DOCX. */
import { writeFileSync } from 'node:fs';
import { briefingDocx, briefingHtml, briefingMarkdown } from '../briefings/briefing-writers.ts';
import { draftBriefing } from '../briefings/briefings.service.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum brief. */
export const briefUsage = `plenum brief --process P [--process P2 …] --concept C [--concept C2 …]
             --from YYYY-MM-DD --to YYYY-MM-DD [--language en|fr|es|ru|zh|ar]
             [--format md|html|docx] [--out FILE] [--base-url URL] [--db URL|PATH]

Drafts a briefing paper: for each process, what happened in the period (documents, versions,
comment periods, meetings), the passages that touch on the concepts quoted exactly (member
states in alphabetical order, then intergovernmental organisations, then other organisations),
the meetings coming up, and a note for every source. Markdown goes to standard output unless
--out is given; DOCX needs --out. --base-url makes the notes' links absolute
(e.g. https://plenum.example.org).`;

/** Runs plenum brief; returns the exit code. */
export async function briefCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    process: { type: 'string', multiple: true },
    concept: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    language: { type: 'string', default: 'en' },
    format: { type: 'string', default: 'md' },
    out: { type: 'string' },
    'base-url': { type: 'string', default: '' },
    db: { type: 'string' },
  });
  const format = values.format;
  if (format !== 'md' && format !== 'html' && format !== 'docx')
    throw new UsageError('--format must be md, html or docx');
  if (format === 'docx' && !values.out) throw new UsageError('DOCX needs --out FILE');
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
    });
    const output =
      format === 'docx'
        ? await briefingDocx(briefing, base)
        : format === 'html'
          ? briefingHtml(briefing, base)
          : briefingMarkdown(briefing, base);
    if (values.out) {
      writeFileSync(values.out, output);
      const quotes = briefing.processes.reduce(
        (n, p) =>
          n +
          [...p.documents, ...p.states, ...p.igos, ...p.others].reduce(
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
