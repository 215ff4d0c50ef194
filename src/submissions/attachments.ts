/**
 * Attachments: the file type is read from the bytes (PDF header, the ZIP parts of DOCX and ODT),
 * never from the name or the browser's claim.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { PlenumError } from '../errors.ts';

/** The largest attachment accepted, in bytes. */
export const attachmentMaxBytes = 5 * 1024 * 1024;

/** The most attachments one submission carries. */
export const attachmentMaxCount = 5;

/** The media types accepted, by the kind the bytes show. */
export const attachmentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;

/** An attachment checked and ready to store. */
export interface CheckedAttachment {
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const odtMime = Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text');

/** What the bytes are: 'pdf', 'docx', 'odt', or undefined for anything else. */
export async function sniffAttachment(
  bytes: Buffer,
): Promise<keyof typeof attachmentTypes | undefined> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return undefined;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return undefined;
  }
  // ODF requires an uncompressed "mimetype" entry first; we also ask for its content.xml.
  if (bytes.subarray(30, 30 + odtMime.length).equals(odtMime) && zip.file('content.xml'))
    return 'odt';
  if (zip.file('[Content_Types].xml') && zip.file('word/document.xml')) return 'docx';
  return undefined;
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}"<>|*?:]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/** Checks an uploaded file's size and type; throws ATTACHMENT_TOO_LARGE or ATTACHMENT_TYPE. */
export async function checkAttachment(filename: string, bytes: Buffer): Promise<CheckedAttachment> {
  const name = cleanFilename(filename);
  if (bytes.length > attachmentMaxBytes) {
    throw new PlenumError(
      'ATTACHMENT_TOO_LARGE',
      `"${name}" has ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${attachmentMaxBytes / 1048576} MB.`,
    );
  }
  if (bytes.length === 0) throw new PlenumError('ATTACHMENT_TYPE', `"${name}" is empty.`);
  const kind = await sniffAttachment(bytes);
  if (!kind) throw new PlenumError('ATTACHMENT_TYPE', `"${name}" is not a PDF, DOCX or ODT file.`);
  return {
    filename: name,
    mediaType: attachmentTypes[kind],
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  };
}
