/**
 * Attachments: the file type is read from the bytes (PDF header, the ZIP parts of DOCX and ODT),
 * never from the name or the browser's claim. An archive is read within limits (parts, unpacked
 * size, ratio) in a worker thread with a time limit, so no upload can stall the server.
 */
import { Worker } from 'node:worker_threads';
import { PlenumError } from '../errors.ts';
import { inspectZip, type ZipLimits } from '../text/zip-inspection.ts';

/** The largest attachment accepted, in bytes. */
export const attachmentMaxBytes = 5 * 1024 * 1024;

/** The most attachments one submission carries. */
export const attachmentMaxCount = 5;

/** The media types of the files plenum recognises, by the kind the bytes show. */
export const attachmentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/** A kind of file the bytes show. */
export type AttachmentKind = keyof typeof attachmentTypes;

/** What a submission's attachments may be. */
export const submissionAttachmentKinds: readonly AttachmentKind[] = ['pdf', 'docx', 'odt'];

/**
 * What a legal text attached to a registry answer may be: legislation portals publish plain text
 * and HTML as often as PDF, so those are accepted too (UTF-8 only, checked byte by byte).
 */
export const legalTextKinds: readonly AttachmentKind[] = ['pdf', 'docx', 'odt', 'txt', 'html'];

/** The names of some kinds, for a message: "PDF, DOCX or ODT". */
export function kindNames(kinds: readonly AttachmentKind[]): string {
  const names = kinds.map((k) => k.toUpperCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/** The file field's `accept`: the extensions and media types of some kinds. */
export function acceptOf(kinds: readonly AttachmentKind[]): string {
  const extensions = kinds.flatMap((k) => (k === 'html' ? ['.html', '.htm'] : [`.${k}`]));
  const types = kinds.map((k) => attachmentTypes[k].split(';')[0]!);
  return [...extensions, ...types].join(',');
}

/** An attachment checked and ready to store. */
export interface CheckedAttachment {
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** What an attachment's archive may hold (a DOCX or ODT of a few pages has tens of parts). */
export const attachmentZipLimits: ZipLimits = {
  maxEntries: 2_000,
  maxUnpackedBytes: 20 * 1024 * 1024,
  maxRatio: 100,
};

/** How long the check of one attachment may take before it is refused (ms). */
export const attachmentCheckMs = 2_000;

const odtMime = Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text');

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** The start of an HTML document: a doctype or an html element, after comments and white space. */
const htmlStart = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html)[\s>]/i;

/**
 * 'html' or 'txt' for bytes that are UTF-8 text without control characters (tab, line ends and
 * form feed aside), else undefined: a binary file renamed .txt is not text.
 */
function sniffText(bytes: Buffer): 'txt' | 'html' | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, form feed and carriage return are text; other C0 controls and DEL are not.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127) return undefined;
  }
  return htmlStart.test(text.replace(/^\uFEFF/, '').slice(0, 4096)) ? 'html' : 'txt';
}

/**
 * What the bytes are: 'pdf', 'docx', 'odt', 'txt', 'html', or undefined for anything else. Synchronous and
 * bounded by `attachmentZipLimits`; throws ZipRefused for an archive beyond them. Run it through
 * {@link inspectAttachment}, which keeps it off the event loop.
 */
export function sniffAttachment(bytes: Buffer): AttachmentKind | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return sniffText(bytes);
  const names = new Set(inspectZip(bytes, attachmentZipLimits).map((e) => e.name));
  // ODF requires an uncompressed "mimetype" entry first; we also ask for its content.xml.
  if (bytes.subarray(30, 30 + odtMime.length).equals(odtMime) && names.has('content.xml'))
    return 'odt';
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return 'docx';
  return undefined;
}

/** What a worker thread answers about an attachment. */
export type AttachmentVerdict =
  { kind: AttachmentKind | undefined; sha256: string } | { refused: string };

/** Threads inspecting at once: the machine's other cores stay for requests. */
const inspectionThreads = 2;
/** Threads ready for an attachment, threads alive, and callers waiting for a thread. */
const idle: Worker[] = [];
let threads = 0;
const waiting: (() => void)[] = [];

/** A worker thread that has loaded its code (so the time limit counts only the inspection). */
async function takeThread(): Promise<Worker> {
  const ready = idle.pop();
  if (ready) return ready;
  if (threads >= inspectionThreads) {
    await new Promise<void>((go) => waiting.push(go));
    return takeThread();
  }
  threads++;
  const worker = new Worker(new URL('./attachment-inspection.worker.ts', import.meta.url));
  worker.unref(); // an idle thread does not keep a command or a test running
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  } catch (error) {
    threads--;
    throw error;
  }
  return worker;
}

/** Puts a thread back for the next attachment, or ends it (after a time-out or an error). */
function releaseThread(worker: Worker, healthy: boolean): void {
  if (healthy) idle.push(worker);
  else {
    void worker.terminate();
    threads--;
  }
  waiting.shift()?.();
}

/**
 * Reads an attachment's kind and SHA-256 in a worker thread, with a time limit: a hostile archive
 * costs that thread, never the event loop every request needs. Throws ATTACHMENT_UNSAFE when the
 * archive is beyond the limits or the check takes longer than `timeLimitMs`.
 */
export async function inspectAttachment(
  name: string,
  bytes: Buffer,
  timeLimitMs = attachmentCheckMs,
): Promise<{ kind: AttachmentKind | undefined; sha256: string }> {
  const worker = await takeThread();
  let healthy = false;
  try {
    const verdict = await new Promise<AttachmentVerdict>((resolve, reject) => {
      const tooLong = { refused: 'its check took too long' };
      const started = performance.now();
      const timer = setTimeout(() => resolve(tooLong), timeLimitMs);
      worker.once('message', (answer: AttachmentVerdict) => {
        clearTimeout(timer);
        healthy = true;
        // An answer that comes after the limit (its timer not yet run on a busy loop) is late too.
        resolve(performance.now() - started > timeLimitMs ? tooLong : answer);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.postMessage(bytes);
    });
    if ('refused' in verdict) {
      throw new PlenumError('ATTACHMENT_UNSAFE', `"${name}": ${verdict.refused}.`);
    }
    return verdict;
  } finally {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    releaseThread(worker, healthy);
  }
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

/**
 * Checks an uploaded file's size and type (one of `kinds`, a submission's by default); throws
 * ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE or ATTACHMENT_UNSAFE.
 */
export async function checkAttachment(
  filename: string,
  bytes: Buffer,
  kinds: readonly AttachmentKind[] = submissionAttachmentKinds,
): Promise<CheckedAttachment> {
  const name = cleanFilename(filename);
  if (bytes.length > attachmentMaxBytes) {
    throw new PlenumError(
      'ATTACHMENT_TOO_LARGE',
      `"${name}" has ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${attachmentMaxBytes / 1048576} MB.`,
    );
  }
  if (bytes.length === 0) throw new PlenumError('ATTACHMENT_TYPE', `"${name}" is empty.`);
  const { kind, sha256 } = await inspectAttachment(name, bytes);
  if (!kind || !kinds.includes(kind))
    throw new PlenumError('ATTACHMENT_TYPE', `"${name}" is not a ${kindNames(kinds)} file.`);
  return {
    filename: name,
    mediaType: attachmentTypes[kind],
    size: bytes.length,
    sha256,
    content: bytes,
  };
}
