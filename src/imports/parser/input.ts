/**
 * Reading an uploaded file: size limits, binary and encoding checks, format detection, newline
 * normalisation. Pure; throws PlenumError with an IMPORT_… code for input that cannot be imported.
 */
import { PlenumError } from '../../errors.ts';
import type { ImportFormat } from '../../documents/blocks.ts';
import { importFormats } from '../../documents/blocks.ts';
import { refuseForbiddenText } from '../../text/allowed-text.ts';
import { inspectZip, ZipRefused, type ZipLimits } from '../../text/zip-inspection.ts';

/** Largest text file accepted (bytes). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** Largest DOCX file accepted (bytes). */
export const MAX_DOCX_BYTES = 40 * 1024 * 1024;
/** Largest PDF file accepted (bytes): a long report with its fonts is a few megabytes. */
export const MAX_PDF_BYTES = 40 * 1024 * 1024;

/**
 * Most blocks one import stores: a document of this size imports in about half a minute on
 * either database, and nothing real comes near it (a long UN report has about 2,000).
 */
export const MAX_IMPORT_BLOCKS = 200_000;

/** Options of {@link readImportInput}. */
export interface ReadImportOptions {
  filename?: string;
  format?: ImportFormat;
}

/** A checked input: text for text and markdown (LF newlines, no BOM), bytes for docx and pdf. */
export interface ImportInput {
  format: ImportFormat;
  text?: string;
  bytes?: Uint8Array;
  /** A DOCX's tracked changes and comments, which the text read from it takes or leaves out. */
  revisions?: DocxRevisions;
}

/** What a DOCX holds besides its text: tracked insertions and deletions, and comments. */
export interface DocxRevisions {
  insertions: number;
  deletions: number;
  comments: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function formatFromName(filename: string | undefined): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'xml' || ext === 'akn') return 'akn';
  return null;
}

/**
 * What a DOCX to import may unpack to: mammoth reads every part into memory and its XML parser
 * takes minutes over tens of megabytes (a 180 KB file holding 50 MB of XML ran 165 s at 3.5 GB).
 */
export const docxImportLimits: ZipLimits = {
  maxEntries: 2_000,
  maxUnpackedBytes: 25 * 1024 * 1024,
  maxRatio: 100,
};

/** The parts a DOCX's revisions are counted in. */
const revisionParts = new Set(['word/document.xml', 'word/comments.xml']);

/** Elements of one WordprocessingML tag in a part's XML. */
function countTag(xml: string | undefined, tag: string): number {
  return xml === undefined ? 0 : (xml.match(new RegExp(`<w:${tag}[\\s>/]`, 'g')) ?? []).length;
}

/**
 * The names of a DOCX's parts, within the import limits, and its tracked changes and comments
 * (counted from the parts' XML: the text is read as if every change were accepted).
 */
function docxParts(bytes: Uint8Array): { names: Set<string>; revisions: DocxRevisions } {
  try {
    const entries = inspectZip(bytes, docxImportLimits, (name) => revisionParts.has(name));
    const xml = (name: string) => entries.find((e) => e.name === name)?.data?.toString('utf8');
    const document = xml('word/document.xml');
    return {
      names: new Set(entries.map((e) => e.name)),
      revisions: {
        insertions: countTag(document, 'ins'),
        deletions: countTag(document, 'del'),
        comments: countTag(xml('word/comments.xml'), 'comment'),
      },
    };
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw new PlenumError(
      error.overLimit ? 'IMPORT_DOCX_TOO_LARGE_UNPACKED' : 'IMPORT_BAD_DOCX',
      `The file: ${error.reason}.`,
    );
  }
}

/** Where `%PDF-` starts within the first kilobyte, or -1. */
function pdfHeaderAt(bytes: Uint8Array): number {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF_MAGIC.length <= head.length; i++) {
    if (startsWith(head.subarray(i), PDF_MAGIC)) return i;
  }
  return -1;
}

/** Guesses markdown (headings, footnote definitions, pipe tables, emphasis) or plain text. */
export function sniffTextFormat(text: string): 'markdown' | 'text' {
  const sample = text.slice(0, 200_000);
  let score = 0;
  if (/^#{1,6} \S/m.test(sample)) score += 2;
  if (/^\[\^[^\]\s]+\]:/m.test(sample)) score += 3;
  if (/^\|.*\|\s*$\n^\|?\s*:?-{3,}/m.test(sample)) score += 2;
  if (/\*\*[^*\n]+\*\*/.test(sample)) score += 1;
  if (/\[[^\]\n]+\]\(https?:[^)\s]+\)/.test(sample)) score += 1;
  return score >= 2 ? 'markdown' : 'text';
}

/** An XML file whose root is Akoma Ntoso's (`<akomaNtoso`, after the declaration and comments). */
function looksLikeAkn(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?akomaNtoso[\s>]/.test(
    text.slice(0, 4096),
  );
}

/** Checks an uploaded file and decides its format. */
export function readImportInput(bytes: Uint8Array, options: ReadImportOptions = {}): ImportInput {
  if (options.format !== undefined && !importFormats.includes(options.format)) {
    throw new PlenumError('IMPORT_UNSUPPORTED_FORMAT', `Format "${String(options.format)}".`);
  }
  const byName = formatFromName(options.filename);
  const isZip = startsWith(bytes, ZIP_MAGIC);
  // a PDF may have a few bytes of junk before its header; readers look in the first kilobyte
  const isPdf = pdfHeaderAt(bytes) >= 0;
  const format: ImportFormat | null = options.format ?? (isZip ? 'docx' : isPdf ? 'pdf' : byName);
  // size first, before any decoding
  const limit =
    format === 'pdf' || isPdf
      ? MAX_PDF_BYTES
      : format === 'docx' || isZip
        ? MAX_DOCX_BYTES
        : MAX_TEXT_BYTES;
  if (bytes.length > limit) {
    throw new PlenumError(
      'IMPORT_TOO_LARGE',
      `The file has ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${limit / 1024 / 1024} MB.`,
    );
  }
  if (bytes.length === 0) throw new PlenumError('IMPORT_EMPTY');
  if (format === 'docx') {
    if (!isZip) {
      throw new PlenumError('IMPORT_BAD_DOCX', 'The file does not start like a DOCX (ZIP) file.');
    }
    const { names, revisions } = docxParts(bytes);
    if (!names.has('word/document.xml')) {
      throw new PlenumError(
        'IMPORT_BAD_DOCX',
        'The ZIP archive holds no Word document (word/document.xml).',
      );
    }
    return { format: 'docx', bytes, revisions };
  }
  if (format === 'pdf') {
    if (!isPdf) throw new PlenumError('IMPORT_BAD_PDF', 'The file does not start like a PDF.');
    return { format: 'pdf', bytes };
  }
  if (isZip) {
    throw new PlenumError('IMPORT_BAD_DOCX', 'The file is a ZIP archive, not a text file.');
  }
  if (isPdf) {
    throw new PlenumError('IMPORT_BINARY', 'This is a PDF file: import it with the pdf format.');
  }
  // binary: NUL bytes, or many control characters
  const probe = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of probe) {
    if (b === 0) throw new PlenumError('IMPORT_BINARY', 'It contains NUL bytes.');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > 8 && control / probe.length > 0.01) {
    throw new PlenumError('IMPORT_BINARY', 'It contains many control characters.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PlenumError('IMPORT_INVALID_UTF8');
  }
  // Form feeds are the page breaks of text extracted from PDF (pdftotext): they carry no text,
  // and the parser reads them as white space, so they go before the check of every character.
  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '');
  refuseForbiddenText(text, 'file');
  if (text.trim() === '') throw new PlenumError('IMPORT_EMPTY', 'It holds only white space.');
  return { format: format ?? (looksLikeAkn(text) ? 'akn' : sniffTextFormat(text)), text };
}
