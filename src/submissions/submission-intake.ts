/**
 * The submission intake: the request a deadline-night surge is made of, taken straight from
 * node:http. Campaign tools and delegations' systems send POST /api/consultations/:id/submissions
 * with an API token and a JSON body, thousands a second. Turning each into a Fetch Request, through
 * the web app's middleware and back, cost a third of the server's time; the intake reads the body,
 * resolves the token and hands the submission to the same group commit (submission-queue.ts), which
 * checks, stores and commits it exactly as for the app's route.
 *
 * It takes only a request it can answer exactly as the app would: the path with a well-formed
 * period id and no query, a plain Host, `Content-Type: application/json`, `Authorization: Bearer …`
 * and a Content-Length within the app's limit, when no proxy is trusted. Everything else (other requests, and these with anything unusual) goes
 * to the app, which answers as always. The answers are the app's: same status, body and headers
 * (the app's own JSON headers, read from it at start); submission-intake.test.ts sends the same
 * requests both ways and compares them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { bearerToken, tokenRefused } from '../accounts/accounts.middleware.ts';
import { TokenViewers } from '../accounts/accounts.service.ts';
import { requireScope } from '../accounts/accounts.schema.ts';
import { parseRequestInput } from '../api/api-registry.ts';
import { apiErrorBody, isPlenumError, PlenumError } from '../errors.ts';
import { networkOf } from '../limits/limits.ts';
import { apiBodyLimit, clockOf, type CompleteDeps } from '../context.ts';
import { apiSubmissionInput } from './submissions.routes.ts';
import { apiSubmissionHeadersSchema, apiSubmissionSchema } from './submissions.schema.ts';

const submissionPath = /^\/api\/consultations\/([^/?]+)\/submissions$/;
/** A Host the app's server adapter takes as it is (it checks any other). */
const plainHost = /^[a-z0-9._-]+(?::\d{1,5})?$/;
const periodIdSchema = z.uuid();
const decoder = new TextDecoder();

/** A request header as the Fetch API reads it: repeated values joined by a comma. */
function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A request listener that answers a submission and returns true, or returns false at once. */
export type SubmissionIntake = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The intake for an app's dependencies. `jsonHeaders` are the headers the app sends with a JSON
 * answer (its security headers and content type), without Date and Content-Length.
 */
export function submissionIntake(
  deps: CompleteDeps,
  jsonHeaders: Record<string, string>,
): SubmissionIntake {
  const send = (
    res: ServerResponse,
    status: number,
    value: unknown,
    extra: Record<string, string> = {},
  ): void => {
    const body = JSON.stringify(value);
    res.writeHead(status, {
      ...jsonHeaders,
      ...extra,
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };

  const tokens = new TokenViewers(deps.db, () => clockOf(deps));

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    periodId: string,
    token: string,
    body: Buffer,
  ): Promise<void> => {
    const arrived = clockOf(deps);
    let tokenId: string | undefined;
    try {
      const viewer = await tokens.viewer(token);
      if (!viewer) throw tokenRefused();
      tokenId = viewer.tokenId;
      requireScope(viewer, 'submit');
      let json: unknown;
      try {
        json = JSON.parse(decoder.decode(body));
      } catch {
        throw new PlenumError('INVALID_REQUEST', 'The body is not valid JSON.');
      }
      // Parsed as the app's route parses it (api-registry.ts), so both refuse alike.
      const { headers, body: submission } = parseRequestInput(
        { headers: apiSubmissionHeadersSchema, body: apiSubmissionSchema },
        { header: (name) => headerValue(req, name), body: json },
      );
      const input = apiSubmissionInput(submission, headers);
      // The quota as the app's route takes it: from memory, with a database claim now and then.
      await deps.limits.submission(
        { accountId: viewer.id, address: networkOf(req.socket.remoteAddress) },
        clockOf(deps),
      );
      const receipt = await deps.submissions.submit(viewer, periodId, input, [], clockOf(deps));
      send(res, 201, receipt);
    } catch (error) {
      if (isPlenumError(error)) {
        const wait = error.retryAfterSeconds;
        send(
          res,
          error.status,
          apiErrorBody(error.code, error.detail),
          wait === undefined ? {} : { 'retry-after': String(wait) },
        );
      } else {
        console.error(`[plenum] POST ${req.url}:`, error);
        send(res, 500, apiErrorBody('INTERNAL'));
      }
    }
    // Among the token's recent uses, as the app notes those it answers (buffered, not a write).
    if (tokenId)
      deps.tokenUses.note(tokenId, {
        at: arrived.toISOString(),
        method: 'POST',
        route: '/api/consultations/:id/submissions',
        status: res.statusCode,
      });
  };

  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const match = submissionPath.exec(url);
    if (!match) return false;
    const periodId = match[1]!;
    if (!periodIdSchema.safeParse(periodId).success) return false;
    const { headers } = req;
    if (!plainHost.test(headers.host ?? '')) return false;
    // Behind a trusted proxy the client's network comes from X-Forwarded-For (site-base.ts), which
    // only the app reads: the app takes these, so quotas count the same network either way.
    if (deps.trustProxy) return false;
    if (!/^application\/json\b/i.test(headers['content-type'] ?? '')) return false;
    const token = bearerToken(headers.authorization ?? '');
    if (!token) return false;
    const length = headers['content-length'];
    if (headers['transfer-encoding'] !== undefined || length === undefined) return false;
    if (!/^\d{1,8}$/.test(length) || Number(length) > apiBodyLimit) return false;

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void answer(req, res, periodId.toLowerCase(), token, Buffer.concat(chunks));
    });
    // A client that goes away before its body is read gets no answer; nothing was stored.
    req.on('error', () => {});
    return true;
  };
}
