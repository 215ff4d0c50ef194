/**
 * The one reader of posted HTML forms. Whatever the client sends (no boundary, a wrong one, an
 * unclosed quote, a truncated or chunked body, another content type), the answer is a form or an
 * INVALID_REQUEST (400) that says what was wrong, never a crash of the parser underneath.
 */
import type { Context } from 'hono';
import { isPlenumError, PlenumError } from './errors.ts';
import type { AppEnv } from './context.ts';

/** The fields of a posted form by name: text, files, or several of them. */
export type FormBody = Record<string, string | File | (string | File)[]>;

const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const quoted = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const parameter = new RegExp(`^\\s*;\\s*(${token})\\s*=\\s*(${token}|${quoted})`);
/** RFC 2046: 1 to 70 characters from this set, not ending with a space. */
const boundaryPattern = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The media type and parameters of a Content-Type header; undefined when it is malformed. */
function parseContentType(
  header: string,
): { type: string; parameters: Map<string, string> } | undefined {
  const head = new RegExp(`^\\s*(${token}/${token})`).exec(header);
  if (!head) return undefined;
  const parameters = new Map<string, string>();
  let rest = header.slice(head[0].length);
  while (rest.trim() !== '') {
    const found = parameter.exec(rest);
    if (!found) return undefined;
    const value = found[2]!;
    parameters.set(
      found[1]!.toLowerCase(),
      value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value,
    );
    rest = rest.slice(found[0].length);
  }
  return { type: head[1]!.toLowerCase(), parameters };
}

/** Why a Content-Type cannot carry a form, or undefined when it can. */
export function formContentTypeProblem(header: string | undefined): string | undefined {
  const parsed = parseContentType(header ?? '');
  if (parsed?.type === 'application/x-www-form-urlencoded') return undefined;
  if (parsed?.type === 'multipart/form-data') {
    const boundary = parsed.parameters.get('boundary');
    return boundary !== undefined && boundaryPattern.test(boundary)
      ? undefined
      : 'The multipart form has no valid boundary in its Content-Type.';
  }
  return 'Send the form as application/x-www-form-urlencoded or multipart/form-data.';
}

/** Reads the posted form once; INVALID_REQUEST for any body that is not a well-formed form. */
export async function readFormBody(c: Context<AppEnv>): Promise<FormBody> {
  const problem = formContentTypeProblem(c.req.header('content-type'));
  if (problem) throw new PlenumError('INVALID_REQUEST', problem);
  try {
    const body: FormBody = await c.req.parseBody({ all: true });
    c.set('formBody', body);
    return body;
  } catch (error) {
    if (isPlenumError(error)) throw error;
    // The platform's parser names the fault in English only ("expected CRLF"): not shown.
    throw new PlenumError(
      'INVALID_REQUEST',
      'The form could not be read: its body is malformed or incomplete.',
    );
  }
}
