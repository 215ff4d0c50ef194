/**
 * The submission intake answers exactly as the app's route: the same requests are sent to a server
 * whose intake takes them and to the app alone, on one database, and the answers compared (status,
 * every header but Date, the body with only the new submission's id and time told apart, and
 * what follows from them: its fingerprint and its place in the transparency log, each checked
 * first, and the length of the body).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApiToken, makeApiToken } from '../accounts/accounts.service.ts';
import { openCommentPeriod } from '../consultations/consultations.service.ts';
import { completeDeps, createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  paragraphBlock,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import type { CompleteDeps } from '../context.ts';
import { jsonHeadersOf, listen } from '../http-server.ts';
import { defaultLimitSettings } from '../limits/limits.ts';
import { leafHash, verifyInclusion } from '../transparency/merkle.ts';
import type { Inclusion } from '../transparency/transparency.schema.ts';
import { submissionIntake } from './submission-intake.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Sent {
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, path: string, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = sent.body ?? '';
    const headers: Record<string, string | number> = { ...sent.headers };
    if (!sent.chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = request(
      { host: '127.0.0.1', port, path: sent.path ?? path, method: 'POST', headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: { ...res.headers }, body: text }),
        );
      },
    );
    req.on('error', reject);
    if (sent.chunked) {
      req.write(body.slice(0, 5));
      req.end(body.slice(5));
    } else req.end(body);
  });
}

/** What an inclusion in a receipt shows once its proof is checked: the fields of its entry. */
function provenInclusion(inclusion: Inclusion | null): unknown {
  if (inclusion === null) return null;
  const hash = leafHash(inclusion.entry);
  assert.equal(inclusion.leafHash, hash.toString('hex'));
  assert.ok(
    verifyInclusion({
      leafIndex: inclusion.leafIndex,
      treeSize: inclusion.treeHead.treeSize,
      leafHash: hash,
      proof: inclusion.auditPath.map((h) => Buffer.from(h, 'hex')),
      root: Buffer.from(inclusion.treeHead.rootHash, 'hex'),
    }),
  );
  return { proven: true, entryFields: Object.keys(JSON.parse(inclusion.entry) as object) };
}

/** The answer with the new submission's id and time replaced, and without Date. */
function comparable(a: Answer): { status: number; headers: object; body: unknown } {
  const headers = { ...a.headers };
  delete headers.date;
  let body: unknown = a.body;
  try {
    const json = JSON.parse(a.body) as Record<string, unknown>;
    if (typeof json.submissionId === 'string') {
      const { submissionId: id, receivedAt } = json as { submissionId: string; receivedAt: string };
      json.submissionId = '<id>';
      json.receivedAt = '<time>';
      const content = json.content as string;
      assert.equal(json.contentSha256, createHash('sha256').update(content).digest('hex'));
      json.content = content.replaceAll(id, '<id>').replaceAll(receivedAt, '<time>');
      json.contentSha256 = '<sha256 of the content>';
      json.transparency = provenInclusion(json.transparency as Inclusion);
      // Its length follows the proof's, which follows the size of the log.
      headers['content-length'] = '<length>';
    }
    body = json;
  } catch {
    // not JSON: compared as text
  }
  return { status: a.status, headers, body };
}

for (const engine of testEngines()) {
  describe(`the submission intake answers as the app does (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let deps: CompleteDeps;
    let clock = new Date('2026-06-01T12:00:00Z');
    const quota = 30;
    const servers: Server[] = [];
    /** Whether the intake took each request sent to the first server. */
    const taken: boolean[] = [];
    let intakePort = 0;
    let appPort = 0;
    let token = '';
    let readOnlyToken = '';
    let expiredToken = '';
    let blockId = '';
    let path = '';

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      deps = completeDeps({
        db: o.db,
        engine: o.engine,
        now: () => clock,
        limitSettings: { ...defaultLimitSettings, submissionsPerMinute: quota },
      });
      const app = createApp(deps);
      const toApp = getRequestListener(app.fetch);
      const intake = submissionIntake(deps, await jsonHeadersOf(app));
      const withIntake = createServer((req, res) => {
        const took = intake(req, res);
        taken.push(took);
        if (!took) void toApp(req, res);
      });
      const appOnly = createServer((req, res) => void toApp(req, res));
      servers.push(withIntake, appOnly);
      intakePort = await listen(withIntake, 0, '127.0.0.1');
      appPort = await listen(appOnly, 0, '127.0.0.1');
      token = await createApiToken(o.db, representativeViewer(built, 'civil'), 'test');
      readOnlyToken = (
        await makeApiToken(o.db, representativeViewer(built, 'civil'), { scopes: ['read'] })
      ).secret;
      expiredToken = (
        await makeApiToken(
          o.db,
          representativeViewer(built, 'civil'),
          { expiresInDays: 1 },
          new Date('2026-01-01T00:00:00Z'),
        )
      ).secret;
      blockId = await paragraphBlock(o.db, built.versionId, 'para 2');
      path = `/api/consultations/${built.period.id}/submissions`;
    });

    after(async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await deps.followers.stop();
      await o.close();
    });

    const json = { 'content-type': 'application/json' };
    const bearer = (t = token) => ({ authorization: `Bearer ${t}` });
    const submission = (extra: object = {}) =>
      JSON.stringify({
        organisationId: built.organisations.civil.id,
        body: 'The public core of the Internet deserves its own paragraph.',
        anchors: [{ blockId }],
        ...extra,
      });

    /** Sends the request to both servers (its idempotency key made distinct for each). */
    async function both(
      sent: (side: 'intake' | 'app') => Sent,
      expectTaken: boolean,
    ): Promise<[Answer, Answer]> {
      const before = taken.length;
      const viaIntake = await send(intakePort, path, sent('intake'));
      assert.equal(taken.length, before + 1);
      assert.equal(taken.at(-1), expectTaken, 'taken by the intake');
      const viaApp = await send(appPort, path, sent('app'));
      assert.deepEqual(comparable(viaIntake), comparable(viaApp));
      return [viaIntake, viaApp];
    }

    async function submissionsStored(): Promise<number> {
      const row = await o.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    test('a submission, its replay and a conflicting reuse of its key', async () => {
      const stored = await submissionsStored();
      const key = (side: string) => ({ 'idempotency-key': `parity-${side}-0001` });
      const [first, firstApp] = await both(
        (side) => ({ headers: { ...json, ...bearer(), ...key(side) }, body: submission() }),
        true,
      );
      assert.equal(first.status, 201);
      assert.equal(await submissionsStored(), stored + 2);
      // The receipt is the app's, header for header.
      assert.equal(first.headers['content-type'], firstApp.headers['content-type']);
      assert.ok(first.headers['content-security-policy']);

      const [replay] = await both(
        (side) => ({ headers: { ...json, ...bearer(), ...key(side) }, body: submission() }),
        true,
      );
      assert.equal(replay.status, 201);
      const r = JSON.parse(replay.body) as { submissionId: string; replayed: boolean };
      assert.equal(
        r.submissionId,
        (JSON.parse(first.body) as { submissionId: string }).submissionId,
      );
      assert.equal(r.replayed, true);

      const [conflict] = await both(
        (side) => ({
          headers: { ...json, ...bearer(), ...key(side) },
          body: submission({ body: 'Other words under the same key.' }),
        }),
        true,
      );
      assert.equal(conflict.status, 409);
      assert.equal(await submissionsStored(), stored + 2);
    });

    test('the key in the body, a byte-order mark and an upper-case period id', async () => {
      const [a] = await both(
        (side) => ({
          path: path
            .toUpperCase()
            .replace('/API/CONSULTATIONS/', '/api/consultations/')
            .replace('/SUBMISSIONS', '/submissions'),
          headers: { ...json, ...bearer() },
          body: `\uFEFF${submission({ idempotencyKey: `parity-body-${side}` })}`,
        }),
        true,
      );
      assert.equal(a.status, 201, a.body);
    });

    test('a field the API does not know is refused by name by both (422)', async () => {
      const [a] = await both(
        (side) => ({
          headers: { ...json, ...bearer(), 'idempotency-key': `parity-unknown-${side}` },
          body: submission({ priority: 'high' }),
        }),
        true,
      );
      assert.equal(a.status, 422, a.body);
      assert.match(a.body, /UNKNOWN_FIELD.*“priority”/);
    });

    test('refusals, each with nothing stored', async () => {
      const stored = await submissionsStored();
      const cases: { name: string; sent: Sent; status: number }[] = [
        {
          name: 'unknown token',
          sent: { headers: { ...json, ...bearer('plenum_unknown') }, body: submission() },
          status: 401,
        },
        {
          name: 'a token without the submit scope',
          sent: { headers: { ...json, ...bearer(readOnlyToken) }, body: submission() },
          status: 403,
        },
        {
          name: 'an expired token',
          sent: { headers: { ...json, ...bearer(expiredToken) }, body: submission() },
          status: 401,
        },
        {
          name: 'not JSON',
          sent: { headers: { ...json, ...bearer() }, body: '{"body": ' },
          status: 400,
        },
        {
          name: 'a JSON array',
          sent: { headers: { ...json, ...bearer() }, body: '[1, 2]' },
          status: 400,
        },
        {
          name: 'JSON null',
          sent: { headers: { ...json, ...bearer() }, body: 'null' },
          status: 400,
        },
        {
          name: 'no text',
          sent: { headers: { ...json, ...bearer() }, body: submission({ body: '' }) },
          status: 400,
        },
        {
          name: 'a block of no paragraph',
          sent: {
            headers: { ...json, ...bearer() },
            body: submission({ anchors: [{ blockId: built.period.id }] }),
          },
          status: 422,
        },
        {
          name: 'another organisation',
          sent: {
            headers: { ...json, ...bearer() },
            body: submission({ organisationId: built.organisations.tech.id }),
          },
          status: 403,
        },
        {
          name: 'an unknown organisation',
          sent: {
            headers: { ...json, ...bearer() },
            body: submission({ organisationId: 'nobody-at-all' }),
          },
          status: 404,
        },
        {
          name: 'an unknown period',
          sent: {
            path: `/api/consultations/${built.versionId}/submissions`,
            headers: { ...json, ...bearer() },
            body: submission(),
          },
          status: 404,
        },
        {
          name: 'an Idempotency-Key header too short',
          sent: {
            headers: { ...json, ...bearer(), 'idempotency-key': 'short' },
            body: submission(),
          },
          status: 400,
        },
        {
          name: 'a key in the body too short, besides a good header',
          sent: {
            headers: { ...json, ...bearer(), 'idempotency-key': 'parity-refused-0001' },
            body: submission({ idempotencyKey: 'short' }),
          },
          status: 400,
        },
        {
          name: 'a language of none of the six',
          sent: { headers: { ...json, ...bearer() }, body: submission({ language: 'de' }) },
          status: 400,
        },
        {
          name: 'a NUL in the text',
          sent: {
            headers: { ...json, ...bearer() },
            body: submission({ body: 'A comment\u0000 with a NUL' }),
          },
          status: 400,
        },
        {
          name: 'a lone surrogate in the title',
          sent: {
            headers: { ...json, ...bearer() },
            body: submission({ title: 'Half \ud800 a pair' }),
          },
          status: 400,
        },
        {
          name: 'markup in the text',
          sent: {
            headers: { ...json, ...bearer() },
            body: submission({ body: '', title: '<script>alert(1)</script>' }),
          },
          status: 400,
        },
      ];
      for (const c of cases) {
        const [answer] = await both(() => c.sent, true);
        assert.equal(answer.status, c.status, `${c.name}: ${answer.body}`);
        assert.match(answer.headers['content-type'] as string, /^application\/json/);
      }
      assert.equal(await submissionsStored(), stored);
    });

    test('behind a trusted proxy the intake leaves submissions to the app, which reads X-Forwarded-For', async () => {
      const request = () =>
        ({
          method: 'POST',
          url: path,
          headers: {
            host: '127.0.0.1:3000',
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'content-length': '2',
          },
          on: () => undefined,
        }) as unknown as IncomingMessage;
      const response = {} as ServerResponse;
      const jsonHeaders = { 'content-type': 'application/json' };
      assert.equal(
        submissionIntake({ ...deps, trustProxy: true }, jsonHeaders)(request(), response),
        false,
      );
      assert.equal(submissionIntake(deps, jsonHeaders)(request(), response), true);
    });

    test('what the intake leaves to the app is answered by the app', async () => {
      const stored = await submissionsStored();
      const plain = { ...json, ...bearer() };
      const cases: { name: string; sent: (side: string) => Sent }[] = [
        { name: 'no token', sent: () => ({ headers: json, body: submission() }) },
        {
          name: 'a session-style header',
          sent: () => ({ headers: { ...json, authorization: 'Basic abc' }, body: submission() }),
        },
        {
          name: 'a form',
          sent: () => ({
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer() },
            body: 'body=x',
          }),
        },
        {
          name: 'no Content-Length',
          sent: (side) => ({
            headers: plain,
            body: submission({ idempotencyKey: `parity-chunked-${side}` }),
            chunked: true,
          }),
        },
        {
          name: 'a malformed period id',
          sent: () => ({
            path: '/api/consultations/not-a-uuid/submissions',
            headers: plain,
            body: submission(),
          }),
        },
        {
          name: 'a NUL in the address',
          sent: () => ({ path: `${path}%00`, headers: plain, body: submission() }),
        },
        {
          name: 'a query',
          sent: (side) => ({
            path: `${path}?x=1`,
            headers: plain,
            body: submission({ idempotencyKey: `parity-query-${side}` }),
          }),
        },
        {
          name: 'too large',
          sent: () => ({ headers: plain, body: submission({ body: 'x'.repeat(1024 * 1024) }) }),
        },
      ];
      for (const c of cases) {
        const before = await submissionsStored();
        await both(c.sent, false);
        // Only the two valid submissions are stored, once by each server.
        assert.ok((await submissionsStored()) - before <= 2, c.name);
      }
      assert.equal(await submissionsStored(), stored + 4);
    });

    test('past its quota an account is refused alike: 429, Retry-After, nothing stored', async () => {
      const minute = clock;
      clock = new Date(clock.getTime() + 5 * 60_000 + 15_000);
      const tech = await createApiToken(o.db, representativeViewer(built, 'tech', 'session'), 'q');
      const body = (extra = {}) =>
        submission({ organisationId: built.organisations.tech.id, ...extra });
      const accepted: number[] = [];
      for (let i = 0; i < quota / 2; i++) {
        const [a, b] = await both(
          () => ({ headers: { ...json, ...bearer(tech) }, body: body({ title: `q${i}` }) }),
          true,
        );
        accepted.push(a.status, b.status);
      }
      assert.deepEqual(new Set(accepted), new Set([201]));
      const stored = await submissionsStored();
      const [refused] = await both(
        () => ({ headers: { ...json, ...bearer(tech) }, body: body() }),
        true,
      );
      assert.equal(refused.status, 429);
      assert.equal(refused.headers['retry-after'], '45');
      assert.equal(
        (JSON.parse(refused.body) as { error: { code: string } }).error.code,
        'RATE_LIMITED',
      );
      assert.equal(await submissionsStored(), stored);
      clock = minute;
    });

    test('after the close a late submission is refused by both, and nothing is stored', async () => {
      const stored = await submissionsStored();
      clock = new Date('2031-01-02T00:00:00Z');
      try {
        const [late] = await both(
          (side) => ({
            headers: { ...json, ...bearer(), 'idempotency-key': `parity-late-${side}` },
            body: submission(),
          }),
          true,
        );
        assert.equal(late.status, 409);
        assert.equal(
          (JSON.parse(late.body) as { error: { code: string } }).error.code,
          'PERIOD_CLOSED',
        );
      } finally {
        clock = new Date('2026-06-01T12:00:00Z');
      }
      assert.equal(await submissionsStored(), stored);
    });

    test("who may submit: each period's rule refuses and takes alike on both paths", async () => {
      clock = new Date('2026-06-01T14:00:00Z');
      const open = async (
        submitters: 'verified_organisations' | 'individuals',
        individualNames: 'published' | 'optional' | 'withheld' = 'published',
      ) =>
        (
          await openCommentPeriod(
            o.db,
            operatorViewer,
            built.process.id,
            {
              versionId: built.versionId,
              title: `Comments (${submitters}, ${individualNames})`,
              opensAt: '2026-01-01T00:00',
              closesAt: '2030-12-31T23:59',
              timeZone: 'UTC',
              moderation: 'immediate',
              submitters,
              individualNames,
            },
            clock,
          )
        ).id;
      const periods = {
        verifiedOnly: await open('verified_organisations'),
        named: await open('individuals', 'published'),
        optional: await open('individuals', 'optional'),
        withheld: await open('individuals', 'withheld'),
        organisations: built.period.id,
      };
      const person: Viewer = {
        id: built.accounts.outsider.id,
        email: built.accounts.outsider.email,
        name: 'outsider person',
        isAdmin: false,
        via: 'session',
        grants: [],
      };
      const tokens = {
        civil: token,
        government: await createApiToken(o.db, representativeViewer(built, 'government'), 'rules'),
        person: await createApiToken(o.db, person, 'rules'),
      };
      const cases: {
        name: string;
        period: keyof typeof periods;
        who: keyof typeof tokens;
        extra: object;
        status: number;
      }[] = [
        {
          name: 'an unverified organisation, verified only',
          period: 'verifiedOnly',
          who: 'civil',
          extra: {},
          status: 403,
        },
        {
          name: 'a verified government, verified only',
          period: 'verifiedOnly',
          who: 'government',
          extra: { organisationId: built.organisations.government.id },
          status: 201,
        },
        {
          name: 'a person, organisations only',
          period: 'organisations',
          who: 'person',
          extra: { submitAs: 'myself', organisationId: undefined },
          status: 403,
        },
        {
          name: 'a person by name, names published',
          period: 'named',
          who: 'person',
          extra: {
            submitAs: 'myself',
            organisationId: undefined,
            affiliation: 'University of Tests',
          },
          status: 201,
        },
        {
          name: 'anonymous, names published',
          period: 'named',
          who: 'person',
          extra: { submitAs: 'anonymous', organisationId: undefined },
          status: 403,
        },
        {
          name: 'anonymous, names optional',
          period: 'optional',
          who: 'person',
          extra: { submitAs: 'anonymous', organisationId: undefined },
          status: 201,
        },
        {
          name: 'by name, names withheld',
          period: 'withheld',
          who: 'person',
          extra: { submitAs: 'myself', organisationId: undefined },
          status: 403,
        },
        {
          name: 'anonymous, names withheld',
          period: 'withheld',
          who: 'person',
          extra: { submitAs: 'anonymous', organisationId: undefined },
          status: 201,
        },
        {
          name: 'a person may not name co-signers',
          period: 'optional',
          who: 'person',
          extra: {
            submitAs: 'myself',
            organisationId: undefined,
            cosigners: [built.organisations.civil.id],
          },
          status: 400,
        },
      ];
      try {
        for (const [i, c] of cases.entries()) {
          const stored = await submissionsStored();
          const [answer] = await both(
            (side) => ({
              path: `/api/consultations/${periods[c.period]}/submissions`,
              headers: {
                ...json,
                ...bearer(tokens[c.who]),
                'idempotency-key': `rules-${i}-${side}`,
              },
              body: submission(c.extra),
            }),
            true,
          );
          assert.equal(answer.status, c.status, `${c.name}: ${answer.body}`);
          if (c.status === 403)
            assert.equal(
              (JSON.parse(answer.body) as { error: { code: string } }).error.code,
              'SUBMITTER_NOT_ACCEPTED',
              c.name,
            );
          assert.equal(await submissionsStored(), stored + (c.status === 201 ? 2 : 0), c.name);
        }
      } finally {
        clock = new Date('2026-06-01T12:00:00Z');
      }
    });

    test("a token's use is noted alike on both paths, among its recent uses", async () => {
      const made = await makeApiToken(o.db, representativeViewer(built, 'civil'), {
        name: 'uses',
      });
      const [answer] = await both(
        (side) => ({
          headers: { ...json, ...bearer(made.secret), 'idempotency-key': `uses-${side}` },
          body: submission(),
        }),
        true,
      );
      await deps.tokenUses.flush();
      const uses = await o.db
        .selectFrom('api_token_uses')
        .select(['method', 'route', 'status'])
        .where('token_id', '=', made.id)
        .execute();
      const noted = ['POST', '/api/consultations/:id/submissions', answer.status];
      assert.deepEqual(
        uses.map((u) => [u.method, u.route, Number(u.status)]),
        [noted, noted],
      );
    });
  });
}
