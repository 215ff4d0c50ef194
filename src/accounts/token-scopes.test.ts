/**
 * Scoped, expiring API tokens (issue 17): a write needs its scope (403 naming it), an expired
 * token is refused (401), an unknown field is named (422), an oversized body is 413, malformed
 * JSON 400, and nothing is written on any refusal: the row count of every table is the same
 * after, on both engines. Tokens are listed (scopes, expiry, uses) and revoked through the API,
 * with cursor pages and ETags; tokens made before scopes keep every scope.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { apiBodyLimit } from '../context.ts';
import { makeApiToken, viewerFromToken } from './accounts.service.ts';
import { listApiTokens } from './accounts.store.ts';
import { TestClient } from '../test-client.ts';

for (const engine of testEngines()) {
  describe(`scoped API tokens (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clock = new Date('2026-06-10T12:00:00Z');
    const civil = () => representativeViewer(built, 'civil', 'session');
    const token = async (input: Record<string, unknown>, at = clock) =>
      (await makeApiToken(o.db, civil(), { name: 'test', ...input }, at)).secret;

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, {
        opens: '2026-06-01T00:00',
        closes: '2026-07-01T00:00',
      });
      app = createApp({ db: o.db, engine, now: () => clock });
    });
    after(async () => o.close());

    const submit = (secret: string, body: string | object, headers: Record<string, string> = {}) =>
      app.request(`/api/consultations/${built.period.id}/submissions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secret}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const submission = (extra: Record<string, unknown> = {}) => ({
      organisationId: built.organisations.civil.id,
      body: 'A comment sent through the API with a scoped token.',
      idempotencyKey: `scoped-${newId()}`,
      ...extra,
    });

    test('every refusal names its reason and writes nothing', async () => {
      const readOnly = await token({ scopes: ['read'] });
      const submitter = await token({ scopes: ['read', 'submit'] });
      const expired = await token(
        { scopes: ['read', 'submit'], expiresInDays: 1 },
        new Date('2026-06-01T00:00:00Z'),
      );
      const noRead = await token({ scopes: ['submit'] });
      const counts = await rowCounts(o);
      const refusals: [string, Response | Promise<Response>, number, string, RegExp][] = [
        ['no submit scope', submit(readOnly, submission()), 403, 'TOKEN_SCOPE_MISSING', /“submit”/],
        ['expired', submit(expired, submission()), 401, 'TOKEN_EXPIRED', /expired at 2026-06-02/],
        [
          'unknown field',
          submit(submitter, submission({ colour: 'red' })),
          422,
          'UNKNOWN_FIELD',
          /“colour”/,
        ],
        [
          'unknown field in an anchor',
          submit(submitter, submission({ anchors: [{ blockId: newId(), blokId: 'x' }] })),
          422,
          'UNKNOWN_FIELD',
          /anchors\.0\.blokId/,
        ],
        [
          'malformed JSON',
          submit(submitter, '{"body": "cut sh'),
          400,
          'INVALID_REQUEST',
          /not valid JSON/,
        ],
        [
          'over the limit',
          submit(submitter, JSON.stringify(submission({ body: 'x'.repeat(apiBodyLimit + 10) }))),
          413,
          'PAYLOAD_TOO_LARGE',
          /./,
        ],
        ['unknown token', submit('plenum_nothing', submission()), 401, 'SIGN_IN_REQUIRED', /token/],
        [
          'no read scope on a read',
          app.request('/api/processes', {
            headers: { authorization: `Bearer ${noRead}` },
          }),
          403,
          'TOKEN_SCOPE_MISSING',
          /“read”/,
        ],
      ];
      const wrong: string[] = [];
      for (const [name, pending, status, code, says] of refusals) {
        const res = await pending;
        const body = (await res.json()) as { error: { code: string; message: string } };
        if (res.status !== status || body.error.code !== code || !says.test(body.error.message))
          wrong.push(`${name}: ${res.status} ${JSON.stringify(body)}`);
      }
      assert.deepEqual(wrong, []);
      const afterCounts = await rowCounts(o);
      assert.deepEqual(afterCounts, counts);

      const accepted = await submit(submitter, submission());
      assert.equal(accepted.status, 201, 'the same token with its scope submits');
    });

    test('a token never has the admin scope unless its account is an administrator', async () => {
      await assert.rejects(token({ scopes: ['admin'] }), /scope “admin”/);
    });

    test('the account page makes a token with the scopes and lifetime chosen, and lists them', async () => {
      const page = new TestClient(app);
      await page.signIn(built.accounts.civil.email, 'correct horse battery');
      const form = await (await page.get('/account')).text();
      assert.match(form, /name="scopes" value="read" checked/);
      assert.doesNotMatch(form, /value="admin"/, 'no admin scope offered to a non-administrator');
      const res = await page.post('/account/tokens', {
        name: 'moderation bot',
        scopes: ['', 'read', 'moderate'],
        expiresInDays: '7',
      });
      assert.equal(res.status, 200);
      const secret = /<code>(plenum_[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())![1]!;
      const viewer = await viewerFromToken(o.db, secret, clock);
      assert.deepEqual(viewer?.scopes, ['read', 'moderate']);
      const listed = (await listApiTokens(o.db, built.accounts.civil.id)).find(
        (t) => t.name === 'moderation bot',
      )!;
      assert.equal(listed.expiresAt, new Date(clock.getTime() + 7 * 86_400_000).toISOString());
      const none = await page.post('/account/tokens', { name: 'nothing', scopes: [''] });
      assert.equal(none.status, 400, 'no scope ticked is refused by name');
      assert.match(await none.text(), /<code>scopes<\/code>: Choose at least 1/);
    });

    test('tokens are listed page by page through the API, each once, while new ones are made', async () => {
      const lister = await token({ scopes: ['read'] });
      const seen: string[] = [];
      let cursor: string | null = null;
      let made = 0;
      do {
        const res = await app.request(`/api/tokens?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { authorization: `Bearer ${lister}` },
        });
        assert.equal(res.status, 200);
        const page = (await res.json()) as { tokens: { id: string }[]; nextCursor: string | null };
        seen.push(...page.tokens.map((t) => t.id));
        cursor = page.nextCursor;
        // A token made between pages is newer: it is not on a later page, and none repeats.
        if (made++ < 2) await token({ scopes: ['read'] });
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, 'no token twice');
      const all = await listApiTokens(o.db, built.accounts.civil.id);
      const before = all.filter((t) => t.id <= seen[0]!).map((t) => t.id);
      assert.deepEqual(seen, before, 'every token that existed at the first page, once, in order');
      const bad = await app.request('/api/tokens?cursor=bm9wZQ', {
        headers: { authorization: `Bearer ${lister}` },
      });
      assert.equal(bad.status, 400);
    });

    test('a read answers 304 to If-None-Match with its ETag', async () => {
      const first = await app.request('/api/processes');
      const etag = first.headers.get('etag');
      assert.ok(etag);
      const again = await app.request('/api/processes', { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      const other = await app.request('/api/processes', { headers: { 'if-none-match': '"x"' } });
      assert.equal(other.status, 200);
    });

    test('a token revokes itself through the API and is refused from then on; uses are counted', async () => {
      const secret = await token({ scopes: ['read'] });
      const id = (await listApiTokens(o.db, built.accounts.civil.id))[0]!.id;
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await app.request('/api/processes', { headers: { authorization: `Bearer ${secret}` } }))
            .status,
          200,
        );
      const res = await app.request(`/api/tokens/${id}/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(res.status, 200);
      const listed = (await listApiTokens(o.db, built.accounts.civil.id)).find((t) => t.id === id)!;
      assert.ok(listed.revokedAt);
      assert.ok(listed.useCount >= 1, 'its use is counted');
      const after = await app.request('/api/processes', {
        headers: { authorization: `Bearer ${secret}` },
      });
      assert.equal(after.status, 401);
    });

    test('a token made before scopes (the migration default) keeps every scope and never expires', async () => {
      const id = newId();
      await sql`insert into api_tokens (id, account_id, name, token_hash, created_at) values (${id}, ${built.accounts.civil.id}, ${'old'}, ${'0'.repeat(64)}, ${'2026-01-01T00:00:00.000Z'})`.execute(
        o.db,
      );
      const old = (await listApiTokens(o.db, built.accounts.civil.id)).find((t) => t.id === id)!;
      assert.deepEqual(old.scopes, ['read', 'submit', 'moderate', 'secretariat', 'admin']);
      assert.equal(old.expiresAt, null);
      assert.equal(old.useCount, 0);
    });
  });
}
