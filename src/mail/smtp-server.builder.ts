/**
 * Test code: a real SMTP server (smtp-server) on a free port that keeps what it receives, as a
 * person reads it (headers unfolded and decoded, each MIME part decoded), and a nodemailer
 * transport to it.
 */
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { MailTransport } from './mail-sender.ts';

/** The bytes of a quoted-printable text (`underscores`: an encoded-word's, where _ is a space). */
function quotedPrintable(text: string, underscores = false): Buffer {
  const unfolded = text.replace(/=\r?\n/g, '');
  const spaced = underscores ? unfolded.replace(/_/g, ' ') : unfolded;
  const bytes: number[] = [];
  for (let i = 0; i < spaced.length; i++) {
    const hex = spaced.slice(i + 1, i + 3);
    if (spaced[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(spaced[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** A header's value as read: adjacent encoded-words (RFC 2047, B or Q) decoded together. */
function decodeHeader(value: string): string {
  const word = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;
  const joined = value.replace(/\?=\s+=\?UTF-8\?/gi, '?==?UTF-8?');
  return joined.replace(/(?:=\?UTF-8\?[BQ]\?[^?]*\?=)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(word)].map(([, encoding, data]) =>
        encoding!.toUpperCase() === 'B'
          ? Buffer.from(data!, 'base64')
          : quotedPrintable(data!, true),
      ),
    ).toString('utf8'),
  );
}

/** A MIME part's body decoded by its Content-Transfer-Encoding. */
function decodeBody(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintable(body).toString('utf8');
  return body;
}

/** A message as a person reads it: headers unfolded and decoded, each part's body decoded. */
export function readMail(raw: string): string {
  const split = (text: string) => {
    const at = text.indexOf('\r\n\r\n');
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 4)];
  };
  const [head = '', body = ''] = split(raw);
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => {
          const [partHead = '', partBody = ''] = split(part.replace(/^\r\n/, ''));
          return `${partHead}\n\n${decodeBody(partHead, partBody)}`;
        })
    : [decodeBody(headers, body)];
  return `${decodeHeader(headers).replace(/\r\n/g, '\n')}\n\n${parts.join('\n')}`;
}

/** An SMTP server on a free port that keeps what it receives. */
export async function startSmtp(port = 0) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        received.push(readMail(raw));
        callback();
      });
    },
  });
  const bound = await new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve((server.server.address() as { port: number }).port),
    ),
  );
  return {
    port: bound,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function transportTo(port: number): MailTransport {
  return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}
