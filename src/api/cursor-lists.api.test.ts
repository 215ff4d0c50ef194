/**
 * Cursor pages on the API's growing lists (issue 17, point 1): the organisations (by name) and an
 * account's watches (oldest first). Rows inserted between two pages, before and after the cursor,
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
import { registerOrganisation } from '../organisations/organisations.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
type Json = any;

for (const engine of testEngines()) {
  describe(`cursor pages of the API's lists (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let token: string;
    const clock = new Date('2026-06-10T12:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => clock });
      token = (
        await makeApiToken(
          o.db,
          representativeViewer(built, 'civil'),
          { name: 'pages', scopes: ['read', 'submit'] },
          clock,
        )
      ).secret;
    });
    after(async () => o.close());

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

    test('a cursor plenum did not give is refused by name', async () => {
      for (const path of ['/api/organisations', '/api/watches']) {
        const forged = Buffer.from(JSON.stringify({ after: 'not a key' })).toString('base64url');
        const res = await get(`${path}?cursor=${path === '/api/watches' ? 'x%25' : forged}`);
        assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.error.message, /cursor/);
      }
    });
  });
}
