/** plenum import FILE: read a document file into numbered blocks and store it. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PlenumError } from '../errors.ts';
import { importFile, previewImport, type ImportStep } from '../imports/imports.service.ts';
import { drain } from '../followers.ts';
import type { ImportReport } from '../imports/imports.schema.ts';
import { importFormats, type ImportFormat } from '../documents/blocks.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum import. */
export const importUsage = `plenum import FILE [options]

Reads FILE ("-" for standard input; PDF, DOCX, Markdown, or plain text extracted from PDF or Word) into headings,
numbered paragraphs, sub-paragraphs, lists, tables and linked footnotes, and stores it
as one language version of a document version. All of it is stored, or nothing.

  --process REF      the process: slug, id or alias, e.g. oewg, "OECE"   (required)
  --document REF     add to an existing document, by id or symbol
  --symbol SYMBOL    the document's UN symbol, e.g. A/AC.290/2021/CRP.2 (an existing
                     document with this symbol is reused)
  --title TEXT       the document's title (default: found in the file)
  --kind KIND        draft-report, revised-draft, non-paper, letter, contribution,
                     working-paper (default), report, briefing
  --version LABEL    the version, e.g. pre-draft, Rev.1 (created if new; default: the next)
  --date YYYY-MM-DD  the version's date
  --language TAG     BCP 47 language of the text, e.g. en, fr, zh (default: detected)
  --format FORMAT    text, markdown, docx or pdf (default: from the name, else detected)
  --private          a new version stays unpublished: only the process secretariat and
                     moderators read it until the secretariat publishes it
  --dry-run          read and check the file and print the report of what would be stored,
                     storing nothing
  --db URL|PATH      SQLite file or postgres:// URL (default: $DATABASE_URL, else ./data/plenum.sqlite)
  --json             print one JSON object instead of the summary

The corrections last made in the browser to an import of the same file (same SHA-256) are
re-applied; the report says which of them no longer applied.`;

const maxFileBytes = 50 * 1024 * 1024;

/** Runs plenum import; returns the exit code. */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    process: { type: 'string' },
    document: { type: 'string' },
    symbol: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    version: { type: 'string' },
    date: { type: 'string' },
    language: { type: 'string' },
    format: { type: 'string' },
    private: { type: 'boolean', default: false },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new UsageError('name exactly one FILE to import');
  if (!values.process)
    throw new UsageError('--process is required (a slug such as oewg, or an alias)');
  const format = values.format;
  if (format !== undefined && !importFormats.includes(format as ImportFormat)) {
    throw new PlenumError(
      'IMPORT_UNSUPPORTED_FORMAT',
      `"${format}" is not one of ${importFormats.join(', ')}.`,
    );
  }
  const file = positionals[0]!;
  const bytes = file === '-' ? await readStdin() : readInput(file);
  const opened = await openCliDatabase(values.db);
  const target = {
    process: values.process,
    ...(values.document !== undefined ? { document: values.document } : {}),
    ...(values.symbol !== undefined ? { symbol: values.symbol } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.version !== undefined ? { version: values.version } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
    ...(values.language !== undefined ? { language: values.language } : {}),
    ...(format !== undefined ? { format: format as ImportFormat } : {}),
    ...(file === '-' ? {} : { sourceName: basename(file) }),
    ...(values.private ? { private: true } : {}),
  };
  try {
    if (values['dry-run']) {
      const report = await previewImport(opened.db, bytes, target);
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ dryRun: true, ...report }, null, 2)}\n`
          : summarise(report, { dryRun: true }),
      );
      return 0;
    }
    const report = await importFile(
      opened.db,
      bytes,
      target,
      'cli',
      progressLine(bytes.byteLength),
    );
    // Searchable and matched against watches when the command returns, server running or not.
    await drain(opened.db, opened.engine);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : summarise(report));
    return 0;
  } finally {
    await opened.close();
  }
}

/** Files from this size get a progress line: they take seconds or more. */
const progressFrom = 1024 * 1024;

/**
 * The progress of a long import on standard error, one line rewritten in place on a terminal
 * (one line a step otherwise), with the seconds spent so far; the report stays on standard output.
 */
function progressLine(size: number): (step: ImportStep, detail: string) => void {
  if (size < progressFrom) return () => {};
  const started = performance.now();
  const terminal = process.stderr.isTTY;
  return (step, detail) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `plenum: ${step} ${detail}… (${seconds} s)`;
    process.stderr.write(terminal ? `\r\x1b[K${line}` : `${line}\n`);
    if (terminal && step === 'aligning') process.stderr.write('\n');
  };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxFileBytes)
      throw new PlenumError('IMPORT_TOO_LARGE', 'Standard input is over 50 MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new PlenumError('IMPORT_FILE_NOT_FOUND', `"${file}" is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof PlenumError) throw error;
    throw new PlenumError(
      'IMPORT_FILE_NOT_FOUND',
      `"${file}": ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}.`,
    );
  }
  // Refuse before reading a huge file into memory; the importer checks its own limits as well.
  if (size > maxFileBytes) {
    throw new PlenumError(
      'IMPORT_TOO_LARGE',
      `"${file}" is ${(size / 1024 / 1024).toFixed(1)} MB.`,
    );
  }
  return readFileSync(file);
}

/** The human summary of an import (or of what a dry run would have imported). */
export function summarise(r: ImportReport, options: { dryRun?: boolean } = {}): string {
  const kinds = Object.entries(r.blocks.byKind)
    .map(([k, n]) => `${n} ${k.replace('_', ' ')}${n === 1 ? '' : 's'}`)
    .join(', ');
  const range = r.numberedParagraphRange
    ? `paragraphs ${r.numberedParagraphRange.first}–${r.numberedParagraphRange.last}${
        r.numberedParagraphRange.missing.length
          ? ` (missing: ${r.numberedParagraphRange.missing.join(', ')})`
          : ''
      }`
    : 'no numbered paragraphs';
  const removed = Object.entries(r.removed.byReason)
    .map(([k, n]) => `${n} ${k.replaceAll('_', ' ')}`)
    .join(', ');
  const corrections = r.corrections
    ? [
        `  corrections ${r.corrections.applied} re-applied from an earlier import of this file; ${r.corrections.notApplied.length} no longer apply`,
        ...r.corrections.notApplied.map(
          (n) => `    - ${n.type} of "${n.block.slice(0, 40)}": ${n.reason.replaceAll('_', ' ')}`,
        ),
      ]
    : [];
  const lines = [
    ...(options.dryRun
      ? ['Dry run: nothing was stored. This is what the import would store.']
      : []),
    `${options.dryRun ? 'Would import' : 'Imported'} ${r.source.name ?? 'file'} (${r.format}, ${r.language}${r.languageDetected ? ', detected' : ''}) in ${r.durationMs} ms`,
    `  document   ${r.document.symbol ? `${r.document.symbol} ` : ''}"${r.document.title}"${r.created.document ? ' (new)' : ''}  ${r.ids.document}`,
    `  version    ${r.version.seq} "${r.version.label}"${r.created.version ? ' (new)' : ''}  ${r.ids.version}`,
    `  language   ${r.language}  ${r.ids.languageVersion}`,
    `  blocks     ${r.blocks.total}: ${kinds}`,
    `  numbered   ${r.blocks.numberedParagraphs} numbered paragraphs, ${r.blocks.subParagraphs} sub-paragraphs; ${range}`,
    `  footnotes  ${r.footnotes.footnotes} footnotes; ${r.footnotes.markers} markers, ${r.footnotes.linked} linked, ${r.footnotes.unlinked} unlinked; ${r.footnotes.unreferenced} never referenced`,
    `  removed    ${r.removed.items ? `${r.removed.characters} characters in ${r.removed.items} pieces: ${removed}` : 'nothing'}`,
    `  warnings   ${r.warnings.length}`,
    ...r.warnings.slice(0, 20).map((w) => `    - ${w.line ? `line ${w.line}: ` : ''}${w.message}`),
    ...(r.warnings.length > 20 ? [`    … and ${r.warnings.length - 20} more (see --json)`] : []),
    ...corrections,
    ...(r.carried
      ? [
          `  comments   ${r.carried.anchors} carried from ${r.carried.from?.versionLabel ?? 'the earlier version'}: ${r.carried.counts.carried} carried, ${r.carried.counts.moved} moved, ${r.carried.counts.split} split, ${r.carried.counts.merged} merged, ${r.carried.counts.lostQuote} lost quote, ${r.carried.counts.orphan} orphan`,
          ...r.carried.lost.map(
            (l) =>
              `    - ${l.submissionId} ${l.outcome.replace('_', ' ')}: ${l.fromAddress} → ${l.address ?? '—'}${l.exact ? ` "${l.exact.slice(0, 40)}"` : ''}`,
          ),
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
