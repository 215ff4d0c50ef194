/**
 * A worker thread of `inspectAttachment`: for each attachment's bytes it is sent, posts back
 * their kind and SHA-256, or why the archive is refused. Its first message says it is ready.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { ZipRefused } from '../text/zip-inspection.ts';
import { sniffAttachment, type AttachmentVerdict } from './attachments.ts';

function inspect(bytes: Buffer): AttachmentVerdict {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return { kind: sniffAttachment(bytes), sha256 };
  } catch (error) {
    if (error instanceof ZipRefused && error.overLimit) return { refused: error.reason };
    return { kind: undefined, sha256 }; // not a readable archive: not a DOCX or ODT
  }
}

parentPort!.on('message', (bytes: Uint8Array) => {
  parentPort!.postMessage(inspect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
});
parentPort!.postMessage('ready');
