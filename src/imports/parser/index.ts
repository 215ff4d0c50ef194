/** The document importer's parsing core: read an upload, parse it into blocks, check nothing was lost. */
import { PlenumError } from '../../errors.ts';
import type { ParseResult, ParseWarning } from '../../documents/blocks.ts';
import { parseDocx } from './docx.ts';
import { parsePdf } from './pdf.ts';
import type { DocxRevisions, ImportInput } from './input.ts';
import { parseText } from './parse-text.ts';
import { parseAkn } from './akn.ts';

export type * from '../../documents/blocks.ts';
export { blockKinds, importFormats } from '../../documents/blocks.ts';
export {
  readImportInput,
  sniffTextFormat,
  MAX_TEXT_BYTES,
  MAX_DOCX_BYTES,
  MAX_PDF_BYTES,
  MAX_IMPORT_BLOCKS,
} from './input.ts';
export type { DocxRevisions, ImportInput, ReadImportOptions } from './input.ts';
export { parseText } from './parse-text.ts';
export type { ParseTextOptions } from './parse-text.ts';
export { parseDocx, docxHtmlToText } from './docx.ts';
export type { ParseDocxOptions } from './docx.ts';
export { parsePdf, pdfToText, MAX_PDF_PAGES } from './pdf.ts';
export type { ParsePdfOptions } from './pdf.ts';
export { parseAkn } from './akn.ts';
export type { AknParse } from './akn.ts';
export { checkAccounting } from './accounting.ts';
export type { AccountingResult } from './accounting.ts';

/**
 * What the text read from a DOCX did with its tracked changes and comments: it is the document
 * with every change accepted (insertions kept, deletions left out) and without its comments, which
 * the secretariat should know before publishing a draft that is still under revision.
 */
export function revisionWarnings(revisions: DocxRevisions | undefined): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  if (revisions && revisions.insertions + revisions.deletions > 0)
    warnings.push({
      code: 'DOCX_TRACKED_CHANGES',
      message: `The file has tracked changes, read as if all were accepted: ${revisions.insertions} insertion(s) taken into the text, ${revisions.deletions} deletion(s) left out. Accept or reject them in Word first if that is not the text to publish.`,
      line: null,
    });
  if (revisions && revisions.comments > 0)
    warnings.push({
      code: 'DOCX_COMMENTS',
      message: `The file has ${revisions.comments} comment(s) in its margin: they are not part of the text and were left out.`,
      line: null,
    });
  return warnings;
}

/** Parses a checked input (from readImportInput) according to its format. */
export async function parseImport(
  input: ImportInput,
  options: { language?: string } = {},
): Promise<ParseResult> {
  const lang = options.language === undefined ? {} : { language: options.language };
  if (input.format === 'docx') {
    if (!input.bytes) throw new PlenumError('IMPORT_BAD_DOCX', 'No bytes to read.');
    const result = await parseDocx(input.bytes, lang);
    return { ...result, warnings: [...revisionWarnings(input.revisions), ...result.warnings] };
  }
  if (input.format === 'pdf') {
    if (!input.bytes) throw new PlenumError('IMPORT_BAD_PDF', 'No bytes to read.');
    return parsePdf(input.bytes, lang);
  }
  if (input.text === undefined) throw new PlenumError('IMPORT_EMPTY');
  if (input.format === 'akn') {
    const { result, metadata } = parseAkn(input.text);
    return { ...result, source: metadata };
  }
  return parseText(input.text, { format: input.format, ...lang });
}
