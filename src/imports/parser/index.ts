/** The document importer's parsing core: read an upload, parse it into blocks, check nothing was lost. */
import { PlenumError } from '../../errors.ts';
import type { ParseResult } from '../../documents/blocks.ts';
import { parseDocx } from './docx.ts';
import { parsePdf } from './pdf.ts';
import type { ImportInput } from './input.ts';
import { parseText } from './parse-text.ts';

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
export type { ImportInput, ReadImportOptions } from './input.ts';
export { parseText } from './parse-text.ts';
export type { ParseTextOptions } from './parse-text.ts';
export { parseDocx, docxHtmlToText } from './docx.ts';
export type { ParseDocxOptions } from './docx.ts';
export { parsePdf, pdfToText, MAX_PDF_PAGES } from './pdf.ts';
export type { ParsePdfOptions } from './pdf.ts';
export { checkAccounting } from './accounting.ts';
export type { AccountingResult } from './accounting.ts';

/** Parses a checked input (from readImportInput) according to its format. */
export async function parseImport(
  input: ImportInput,
  options: { language?: string } = {},
): Promise<ParseResult> {
  const lang = options.language === undefined ? {} : { language: options.language };
  if (input.format === 'docx') {
    if (!input.bytes) throw new PlenumError('IMPORT_BAD_DOCX', 'No bytes to read.');
    return parseDocx(input.bytes, lang);
  }
  if (input.format === 'pdf') {
    if (!input.bytes) throw new PlenumError('IMPORT_BAD_PDF', 'No bytes to read.');
    return parsePdf(input.bytes, lang);
  }
  if (input.text === undefined) throw new PlenumError('IMPORT_EMPTY');
  return parseText(input.text, { format: input.format, ...lang });
}
