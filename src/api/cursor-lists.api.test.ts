/**
 * Cursor pages on the API's growing lists (issue 17, point 1): the organisations (by name) and an
 * account's watches (oldest first), a period's published submissions (newest first, the common
 * cursor beside their own `before`). Rows inserted between two pages, before and after the cursor,
 * never make a page skip or repeat a row that was there from the start; a made-up cursor is
 * refused by name. Both engines. (The tokens' and briefing jobs' pages are tested with them.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import { registerOrganisation } from '../organisations/organisations.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Json = any;

for (const engine of testEngines()) {
  describe(`cursor pages of the API's lists (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let token: string;
    let followers: Followers;
    const clock = new Date('2026-06-10T12:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      followers = new Followers(o.db, engine, allFollowers);
      app = createApp({ db: o.db, engine, followers, now: () => clock });
      token = (
        await makeApiToken(
          o.db,
          representativeViewer(built, 'civil'),
          { name: 'pages', scopes: ['read', 'submit'] },
          clock,
        )
      ).secret;
    });
    after(async () => {
      await followers.stop();
      await o.close();
    });

    const get = async (path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as Json };
    };

    /** Walks a list two at a time, calling `between` after each page; returns the ids seen. */
    const walk = async (path: string, field: string, between: (page: number) => Promise<void>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        const res: { status: number; body: Json } = await get(
          `${path}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.ok(res.body[field].length <= 2);
        seen.push(...res.body[field].map((x: Json) => x.id));
        cursor = res.body.nextCursor;
        await between(++page);
        assert.ok(page < 100, 'the walk ends');
      } while (cursor);
      return seen;
    };

    test('organisations registered between pages make no page skip or repeat one', async () => {
      const register = (name: string) =>
        registerOrganisation(o.db, representativeViewer(built, 'tech'), {
          name,
          stakeholderGroup: 'academia',
        });
      for (const name of ['Beta Institute', 'Delta Lab', 'Kappa Centre', 'Omega Forum'])
        await register(name);
      const atStart = (await get('/api/organisations?limit=500')).body.organisations.map(
        (x: Json) => x.id,
      );
      assert.ok(atStart.length >= 7, `${atStart.length} organisations`);
      const seen = await walk('/api/organisations', 'organisations', async (page) => {
        // One sorts before every page read so far, one after: neither disturbs the walk.
        if (page <= 2) {
          await register(`Aardvark Group ${page}`);
          await register(`Zulu Network ${page}`);
        }
      });
      assert.equal(new Set(seen).size, seen.length, 'no organisation is given twice');
      assert.deepEqual(
        atStart.filter((id: string) => !seen.includes(id)),
        [],
        'none of those there at the start is skipped',
      );
      const names = (await get('/api/organisations?limit=500')).body.organisations.map(
        (x: Json) => x.name,
      );
      assert.deepEqual(names, [...names].sort(), 'by name');
    });

    test('an account’s watches, with watches made between pages', async () => {
      const make = (name: string) =>
        app.request('/api/watches', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name, query: 'routing' }),
        });
      for (let i = 0; i < 5; i++) assert.equal((await make(`Watch ${i}`)).status, 201);
      const atStart = (await get('/api/watches?limit=500')).body.watches.map((w: Json) => w.id);
      assert.equal(atStart.length, 5);
      const seen = await walk('/api/watches', 'watches', async (page) => {
        if (page === 1) await make('Made between pages');
      });
      assert.equal(new Set(seen).size, seen.length, 'no watch is given twice');
      assert.deepEqual(seen.slice(0, 5), atStart, 'oldest first, none skipped');
      assert.equal(seen.length, 6, 'the watch made between pages comes on a later page');
    });

    test('a period’s submissions, with the common cursor, and one submitted between pages', async () => {
      const submit = (body: string) =>
        app.request(`/api/consultations/${built.period.id}/submissions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ organisationId: built.organisations.civil.slug, body }),
        });
      for (let i = 0; i < 5; i++) assert.equal((await submit(`Comment ${i}.`)).status, 201);
      const path = `/api/consultations/${built.period.id}/submissions`;
      const atStart = (await get(path)).body.submissions.map((x: Json) => x.id);
      assert.ok(atStart.length >= 5);
      const seen = await walk(path, 'submissions', async (page) => {
        if (page === 1) assert.equal((await submit('Between pages.')).status, 201);
      });
      assert.deepEqual(seen, atStart, 'newest first; the newer one is not on a later page');
      const viaBefore = await get(`${path}?limit=2`);
      const second = await get(`${path}?limit=2&before=${viaBefore.body.next}`);
      const third = await get(`${path}?limit=2&cursor=${viaBefore.body.nextCursor}`);
      assert.deepEqual(second.body.submissions, third.body.submissions, 'the same page either way');
    });

    test('a cursor plenum did not give is refused by name', async () => {
      for (const path of [
        '/api/organisations',
        '/api/watches',
        `/api/consultations/${built.period.id}/submissions`,
      ]) {
        const forged = Buffer.from(JSON.stringify({ after: 'not a key' })).toString('base64url');
        const res = await get(`${path}?cursor=${path === '/api/watches' ? 'x%25' : forged}`);
        assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.error.message, /cursor/);
      }
    });
  });
}
