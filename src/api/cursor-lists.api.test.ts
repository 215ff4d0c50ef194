/**
 * Cursor pages on the API's growing lists (issue 17, point 1): the organisations (by name) and an
 * account's watches (oldest first), a period's published submissions (newest first, the common
 * cursor beside their own `before`), the processes, a process's documents, periods and meetings,
 * a State's stances, the registry's measures, the transparency log's entries and tree heads, and
 * search results (by relevance and by newest). Rows inserted between two pages, before and after
 * the cursor, never make a page skip or repeat a row that was there from the start; a made-up
 * cursor and a limit over the maximum are refused by name. Both engines. (The tokens' and briefing
 * jobs' pages are tested with them.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import {
  buildConsultation,
  draftText,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import { openCommentPeriod } from '../consultations/consultations.service.ts';
import { importFile } from '../imports/imports.service.ts';
import { createMeeting } from '../meetings/meetings.service.ts';
import { createProcess } from '../processes/processes.service.ts';
import { recordMeasure } from '../registry/registry.service.ts';
import { recordStance } from '../stances/stances.service.ts';
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

    /**
     * Walks a list `size` at a time (two unless given), calling `between` after each page;
     * returns the ids seen (`idOf` of each item, its `id` unless given).
     */
    const walk = async (
      path: string,
      field: string,
      between: (page: number) => Promise<void>,
      options: { size?: number; idOf?: (x: Json) => string } = {},
    ) => {
      const size = options.size ?? 2;
      const idOf = options.idOf ?? ((x: Json) => x.id as string);
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        const res: { status: number; body: Json } = await get(
          `${path}${path.includes('?') ? '&' : '?'}limit=${size}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.ok(res.body[field].length <= size);
        seen.push(...res.body[field].map(idOf));
        cursor = res.body.nextCursor;
        await between(++page);
        assert.ok(page < 200, 'the walk ends');
      } while (cursor);
      return seen;
    };

    /** Asserts a walk gave each item once and none of those there at the start is missing. */
    const onceEach = (seen: string[], atStart: string[], what: string) => {
      assert.equal(new Set(seen).size, seen.length, `no ${what} is given twice`);
      assert.deepEqual(
        atStart.filter((id) => !seen.includes(id)),
        [],
        `none of the ${what}s there at the start is skipped`,
      );
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

    test('processes made between pages make no page skip or repeat one', async () => {
      const make = (slug: string, name: string) =>
        createProcess(o.db, {
          slug,
          name,
          shortName: slug,
          parentBody: 'Test Assembly',
          mandate: 'Paging in tests.',
          aliases: [],
        });
      for (const [slug, name] of [
        ['mid-one', 'Middle Group One'],
        ['mid-two', 'Middle Group Two'],
        ['mid-three', 'Middle Group Three'],
      ])
        await make(slug!, name!);
      const atStart = (await get('/api/processes?limit=500')).body.processes.map((x: Json) => x.id);
      assert.ok(atStart.length >= 4, `${atStart.length} processes`);
      const seen = await walk('/api/processes', 'processes', async (page) => {
        if (page <= 2) {
          await make(`aaa-${page}`, `Aaa Group ${page}`);
          await make(`zzz-${page}`, `Zzz Group ${page}`);
        }
      });
      onceEach(seen, atStart, 'process');
      const names = (await get('/api/processes?limit=500')).body.processes.map((x: Json) => x.name);
      assert.deepEqual(names, [...names].sort(), 'by name');
    });

    test('a process’s documents, with documents imported between pages', async () => {
      const slug = built.process.slug;
      let n = 0;
      const importOne = async () =>
        importFile(o.db, new TextEncoder().encode(draftText()), {
          process: slug,
          symbol: `TWG/pages/${++n}`,
          version: 'Zero draft',
          language: 'en',
          format: 'text',
        });
      for (let i = 0; i < 4; i++) await importOne();
      const path = `/api/processes/${slug}/documents`;
      const atStart = (await get(`${path}?limit=500`)).body.documents.map((x: Json) => x.id);
      assert.equal(atStart.length, 5, 'the built draft and four more');
      const seen = await walk(path, 'documents', async (page) => {
        if (page === 1) await importOne();
      });
      onceEach(seen, atStart, 'document');
      assert.deepEqual(seen.slice(0, 5), atStart, 'oldest first');
      assert.equal(seen.length, 6, 'the one imported between pages comes on a later page');
    });

    test('a process’s comment periods, with periods opened between pages', async () => {
      const open = (day: number) =>
        o.db.transaction().execute((trx) =>
          openCommentPeriod(
            trx,
            operatorViewer,
            built.process.id,
            {
              versionId: built.versionId,
              title: `Round ${day}`,
              description: '',
              // Two on the same opening: the id orders them.
              opensAt: `2026-0${1 + (day % 5)}-01T00:00`,
              closesAt: '2030-12-31T23:59',
              timeZone: 'UTC',
              moderation: 'review',
            },
            clock,
          ),
        );
      for (let day = 0; day < 6; day++) await open(day);
      const path = `/api/processes/${built.process.slug}/consultations`;
      const atStart = (await get(`${path}?limit=500`)).body.periods.map((x: Json) => x.id);
      assert.equal(atStart.length, 7);
      const seen = await walk(path, 'periods', async (page) => {
        if (page <= 2) await open(page + 3);
      });
      onceEach(seen, atStart, 'period');
      const all = (await get(`${path}?limit=500`)).body.periods.map((x: Json) => x.opensAt);
      assert.deepEqual(all, [...all].sort().reverse(), 'newest first');
    });

    test('a process’s meetings, with meetings planned between pages', async () => {
      const plan = (day: number) =>
        createMeeting(
          o.db,
          operatorViewer,
          built.process.id,
          {
            title: `Session ${day}`,
            session: '',
            kind: 'formal',
            format: 'in_person',
            place: 'Geneva',
            startsAt: `2026-07-${String(10 + (day % 4)).padStart(2, '0')}T10:00`,
            endsAt: `2026-07-${String(10 + (day % 4)).padStart(2, '0')}T18:00`,
            timeZone: 'Europe/Zurich',
          },
          clock,
        );
      for (let day = 0; day < 6; day++) await plan(day);
      const path = `/api/processes/${built.process.slug}/meetings`;
      const atStart = (await get(`${path}?limit=500`)).body.meetings.map((x: Json) => x.id);
      assert.equal(atStart.length, 6);
      const seen = await walk(path, 'meetings', async (page) => {
        if (page <= 2) await plan(page === 1 ? 0 : 3);
      });
      onceEach(seen, atStart, 'meeting');
    });

    test('a State’s stances, with stances recorded between pages', async () => {
      const block = await paragraphBlock(o.db, built.versionId, 'para 2');
      await installShippedConcepts(o.db);
      await followers.drain(); // a stance quotes an indexed passage
      const record = (saidOn: string, stance: 'supports' | 'neutral' = 'supports') =>
        recordStance(o.db, representativeViewer(built, 'tech'), {
          source: block,
          concept: 'public-core',
          stance,
          exact: 'the public core of the Internet',
          country: 'KEN',
          saidOn,
        });
      // Two on one day: the id orders them.
      await record('2026-01-05', 'neutral');
      for (const day of ['2026-01-05', '2026-02-01', '2026-03-01', '2026-04-01']) await record(day);
      const path = '/api/countries/KEN/stances';
      const atStart = (await get(`${path}?limit=500`)).body.stances.map((x: Json) => x.id);
      assert.equal(atStart.length, 5);
      const seen = await walk(path, 'stances', async (page) => {
        if (page <= 2) await record(page === 1 ? '2025-12-01' : '2026-05-01');
      });
      onceEach(seen, atStart, 'stance');
    });

    test('a concept’s mentions, with passages tagged between pages', async () => {
      await installShippedConcepts(o.db);
      const submit = async (body: string) => {
        const res = await app.request(`/api/consultations/${built.period.id}/submissions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ organisationId: built.organisations.civil.slug, body }),
        });
        assert.equal(res.status, 201);
        await followers.drain();
        await tagIndexedPassages(o.db);
      };
      for (let i = 0; i < 5; i++) await submit(`The public core of the Internet, point ${i}.`);
      const path = '/api/concepts/public-core';
      const idOf = (x: Json) => `${x.href}|${x.language}`;
      const atStart = (await get(`${path}?limit=500`)).body.mentions.map(idOf);
      assert.ok(atStart.length >= 5, `${atStart.length} mentions`);
      const seen = await walk(
        path,
        'mentions',
        async (page) => {
          if (page <= 2) await submit(`The public core again, between pages ${page}.`);
        },
        { idOf },
      );
      onceEach(seen, atStart, 'mention');
      assert.deepEqual(seen, atStart, 'newest first; the newer ones are on a fresh first page');
    });

    test('the registry’s measures, with measures recorded between pages', async () => {
      const civil = { ...representativeViewer(built, 'civil'), via: 'session' as const };
      const report = (country: string) =>
        o.db.transaction().execute((trx) =>
          recordMeasure(
            trx,
            civil,
            {
              country,
              title: `A measure of ${country}`,
              titleLanguage: 'en',
              instrument: 'law',
              status: 'adopted',
              statusDates: { adopted: '2026-02-01' },
              elements: ['routing'],
              kinds: ['routing-obligations'],
            },
            clock,
          ),
        );
      for (const country of ['KEN', 'KEN', 'FRA', 'BRA', 'CHN']) await report(country);
      const atStart = (await get('/api/registry/measures?limit=500')).body.measures.map(
        (x: Json) => x.id,
      );
      assert.equal(atStart.length, 5);
      const seen = await walk('/api/registry/measures', 'measures', async (page) => {
        if (page <= 2) await report(page === 1 ? 'ARG' : 'ZAF');
      });
      onceEach(seen, atStart, 'measure');
      const filtered = await walk(
        '/api/registry/measures?country=KEN',
        'measures',
        async () => {},
        {
          size: 1,
        },
      );
      assert.equal(filtered.length, 2, 'a filtered walk gives the matching ones only');
    });

    test('the transparency log’s entries and tree heads, with entries logged between pages', async () => {
      await followers.drain();
      const atStart = (await get('/api/transparency/entries?limit=1000')).body.entries.map(
        (x: Json) => String(x.leafIndex),
      );
      assert.ok(atStart.length >= 5, `${atStart.length} entries`);
      let n = 0;
      const seen = await walk(
        '/api/transparency/entries',
        'entries',
        async (page) => {
          if (page <= 2) {
            await registerOrganisation(o.db, representativeViewer(built, 'tech'), {
              name: `Logged Between ${++n}`,
              stakeholderGroup: 'academia',
            });
            await followers.drain();
          }
        },
        { size: 5, idOf: (x) => String(x.leafIndex) },
      );
      onceEach(seen, atStart, 'entry');
      assert.deepEqual(
        seen.map(Number),
        seen.map((_, i) => i),
        'by position, one after another',
      );
      const oldForm = await get('/api/transparency/entries?start=2&end=4');
      assert.deepEqual(
        oldForm.body.entries.map((x: Json) => x.leafIndex),
        [2, 3],
        'start and end still work',
      );
      const heads = (await get('/api/transparency/tree-heads?limit=1000')).body.treeHeads.map(
        (x: Json) => String(x.treeSize),
      );
      const walked = await walk('/api/transparency/tree-heads', 'treeHeads', async () => {}, {
        idOf: (x) => String(x.treeSize),
      });
      assert.deepEqual(walked, heads, 'tree heads by cursor, largest first');
    });

    for (const sort of ['relevance', 'newest'])
      test(`search results by ${sort}, with passages indexed between pages`, async () => {
        const submit = (body: string) =>
          app.request(`/api/consultations/${built.period.id}/submissions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ organisationId: built.organisations.civil.slug, body }),
          });
        const word = `resilience${sort}`;
        // Scores that differ: the word once, twice, three times in passages of other lengths.
        for (let i = 1; i <= 7; i++)
          assert.equal(
            (
              await submit(
                `${`${word} `.repeat(1 + (i % 3))}matters for ${'network '.repeat(i)}operators.`,
              )
            ).status,
            201,
          );
        await followers.drain();
        const path = `/api/search?q=${word}&sort=${sort}`;
        const atStart = (await get(`${path}&limit=100`)).body.hits.map((x: Json) => x.id);
        assert.equal(atStart.length, 7);
        const seen = await walk(
          path,
          'hits',
          async (page) => {
            if (page <= 2) {
              // Every word's rarity moves: one with the word, one without.
              assert.equal((await submit(`${word} ${word} ${word} between pages.`)).status, 201);
              assert.equal((await submit('Unrelated words between pages.')).status, 201);
              await followers.drain();
            }
          },
          { idOf: (x) => x.id as string },
        );
        onceEach(seen, atStart, 'result');
        assert.deepEqual(seen, atStart, 'in the first page’s order; the newer ones left out');
        const second = await get(
          `${path}&limit=2&cursor=${encodeURIComponent((await get(`${path}&limit=2`)).body.nextCursor)}`,
        );
        assert.equal(second.body.total, atStart.length + 2, 'total counts every result found');
        const other = sort === 'newest' ? 'relevance' : 'newest';
        const first = await get(`${path}&limit=2`);
        const mixed = await get(
          `/api/search?q=${word}&sort=${other}&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        );
        assert.equal(mixed.status, 400, 'a cursor of another sort is refused');
        assert.match(mixed.body.error.message, /cursor/);
        assert.equal((await get(`${path}&page=2`)).body.nextCursor, null, 'page is kept');
      });

    test('a limit over the maximum is refused, naming it', async () => {
      for (const path of [
        '/api/processes?limit=501',
        `/api/processes/${built.process.slug}/documents?limit=501`,
        `/api/processes/${built.process.slug}/consultations?limit=501`,
        `/api/processes/${built.process.slug}/meetings?limit=501`,
        '/api/countries/KEN/stances?limit=501',
        '/api/registry/measures?limit=501',
        '/api/transparency/entries?limit=1001',
        '/api/transparency/tree-heads?limit=1001',
        '/api/search?q=routing&limit=101',
        '/api/concepts/public-core?limit=501',
      ]) {
        const res = await get(path);
        assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
        assert.match(JSON.stringify(res.body.error), /limit/, path);
      }
    });

    test('a cursor plenum did not give is refused by name', async () => {
      for (const path of [
        '/api/organisations',
        '/api/watches',
        `/api/consultations/${built.period.id}/submissions`,
        '/api/processes',
        `/api/processes/${built.process.slug}/documents`,
        `/api/processes/${built.process.slug}/consultations`,
        `/api/processes/${built.process.slug}/meetings`,
        '/api/countries/KEN/stances',
        '/api/registry/measures',
        '/api/transparency/entries',
        '/api/transparency/tree-heads',
        '/api/search?q=routing',
        '/api/concepts/public-core',
      ]) {
        const forged = Buffer.from(JSON.stringify({ after: 'not a key' })).toString('base64url');
        const res = await get(
          `${path}${path.includes('?') ? '&' : '?'}cursor=${path === '/api/watches' ? 'x%25' : forged}`,
        );
        assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.error.message, /cursor/);
      }
    });
  });
}
