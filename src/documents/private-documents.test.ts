/**
 * A document whose every version is in preparation, outside the JSON API: its pages answer
 * outsiders exactly as a missing document's, and no page, feed, export, calendar or briefing names
 * it, while its process staff still read it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import {
  buildHiddenDocument,
  secret,
  type BuiltHiddenDocument,
} from '../consultations/hidden-document.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { drain } from '../followers.ts';
import { createWatch } from '../watches/watches.service.ts';
import {
  getBlock,
  getBlocks,
  getDocument,
  getLanguageVersion,
  getVersion,
  publishVersion,
} from './documents.service.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { TestClient } from '../test-client.ts';

const now = new Date('2026-06-01T12:00:00Z');
type Who = 'anonymous' | 'reader' | 'otherSecretariat' | 'secretariat';
const outsiders: Who[] = ['anonymous', 'reader', 'otherSecretariat'];

const twice = (s: string) => encodeURIComponent(encodeURIComponent(s));

/** The form token and session cookies change between requests; nothing else may differ. */
function comparable(body: string): string {
  return body.replace(/name="_csrf" value="[^"]*"/g, '');
}

for (const engine of testEngines()) {
  describe(`private documents outside the API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let hidden: BuiltHiddenDocument;
    let app: ReturnType<typeof createApp>;
    let watchId = '';
    const clients = new Map<Who, TestClient>();

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      const reader = { ...built.accounts.outsider, name: 'reader', isAdmin: false, grants: [] };
      watchId = (
        await createWatch(
          o.db,
          { ...reader, via: 'session' },
          { name: 'Sealed', query: secret.word },
        )
      ).watch.id;
      hidden = await buildHiddenDocument(o.db, engine, built, now);
      app = createApp({ db: o.db, engine, now: () => now });
      const emails: Record<Who, string | undefined> = {
        anonymous: undefined,
        reader: built.accounts.outsider.email,
        otherSecretariat: hidden.elsewhere.email,
        secretariat: built.accounts.secretariat.email,
      };
      for (const [who, email] of Object.entries(emails) as [Who, string | undefined][]) {
        const client = new TestClient(app);
        if (email) await client.signIn(email, builtPassword);
        clients.set(who, client);
      }
    });
    after(async () => o.close());

    test('its pages answer outsiders exactly as a missing document’s', async () => {
      await drain(o.db, engine);
      const missing = { document: newId(), period: newId(), submission: newId() };
      const pairs: [string, string, string][] = [
        [`/documents/:d`, hidden.ids.document, missing.document],
        [`/documents/:d/v/1/en`, hidden.ids.document, missing.document],
        [`/documents/:d/v/1/en/import-report`, hidden.ids.document, missing.document],
        [`/documents/:d/compare?from=1&to=2&lang=en`, hidden.ids.document, missing.document],
        [`/consultations/:d`, hidden.periodId, missing.period],
        [`/consultations/:d/submit`, hidden.periodId, missing.period],
        [`/consultations/:d/submissions.csv`, hidden.periodId, missing.period],
        [`/consultations/:d/submissions.json`, hidden.periodId, missing.period],
        [`/consultations/:d/feed.atom`, hidden.periodId, missing.period],
        // Its submission is a campaign of its own once grouped (the test drains the followers).
        [`/consultations/:d/campaigns/${hidden.submissionId}`, hidden.periodId, missing.period],
        [`/submissions/:d`, hidden.submissionId, missing.submission],
        [`/submissions/:d/receipt.txt`, hidden.submissionId, missing.submission],
        [`/search?q=public+core&document=:d`, secret.symbol, 'TWG/NONE/9'],
      ];
      const wrong: string[] = [];
      for (const [pattern, hiddenRef, missingRef] of pairs) {
        const at = (ref: string) => pattern.replace(':d', encodeURIComponent(ref));
        for (const who of outsiders) {
          const client = clients.get(who)!;
          const [h, m] = [await client.get(at(hiddenRef)), await client.get(at(missingRef))];
          const hiddenBody = comparable(await h.text())
            .replaceAll(hiddenRef, missingRef)
            .replaceAll(encodeURIComponent(hiddenRef), encodeURIComponent(missingRef))
            // The language links carry the address back, encoded once more.
            .replaceAll(twice(hiddenRef), twice(missingRef));
          const missingBody = comparable(await m.text());
          if (h.status !== m.status || hiddenBody !== missingBody)
            wrong.push(`${pattern} as ${who}: ${h.status} ≠ ${m.status}`);
        }
        const staff = await clients.get('secretariat')!.get(at(hiddenRef));
        if (pattern !== '/documents/:d/compare?from=1&to=2&lang=en' && staff.status !== 200)
          wrong.push(`${pattern}: the secretariat gets ${staff.status}`);
      }
      assert.deepEqual(wrong, []);
    });

    test('no page, feed, export, calendar or briefing names it to outsiders', async () => {
      const paths = [
        '/',
        '/processes/twg',
        '/processes/twg/timeline',
        '/processes/twg/feed.atom',
        '/processes/twg/calendar.ics',
        `/organisations/${built.organisations.civil.slug}`,
        '/concepts',
        '/concepts/public-core',
        '/countries/KEN',
        `/consultations/${built.period.id}`,
        `/consultations/${built.period.id}/submissions.csv`,
        `/consultations/${built.period.id}/submissions.json`,
        `/consultations/${built.period.id}/feed.atom`,
        `/documents/${built.documentId}`,
        `/search?q=${secret.word}`,
        '/search?q=public+core',
        '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-12-31&format=md',
      ];
      const wrong: string[] = [];
      for (const path of paths) {
        for (const who of outsiders) {
          const res = await clients.get(who)!.get(path);
          const body = await res.text();
          const asked = decodeURIComponent(path);
          const named = Object.values(secret).filter((s) => body.includes(s) && !asked.includes(s));
          if (res.status !== 200) wrong.push(`${path} as ${who}: ${res.status}`);
          if (named.length > 0) wrong.push(`${path} as ${who} names ${named.join(', ')}`);
        }
      }
      assert.deepEqual(wrong, []);
      // The staff still see it, so the checks above could fail.
      for (const path of [
        '/processes/twg',
        '/processes/twg/timeline',
        `/search?q=${secret.word}`,
      ]) {
        const body = await (await clients.get('secretariat')!.get(path)).text();
        assert.ok(body.includes(secret.title), `${path}: the secretariat sees the document`);
      }
    });

    test('a hidden thing costs the reader the same queries as a missing one', async () => {
      let queries = 0;
      const counting = o.db.withPlugin({
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const cost = async (read: (db: typeof counting) => Promise<unknown>): Promise<number> => {
        queries = 0;
        await read(counting).catch(() => undefined);
        return queries;
      };
      const missing = newId();
      const reads: [
        string,
        string,
        string,
        (db: typeof counting, ref: string) => Promise<unknown>,
      ][] = [
        ['a document by id', hidden.ids.document, missing, (db, ref) => getDocument(db, ref)],
        ['a document by symbol', secret.symbol, 'TWG/NONE/9', (db, ref) => getDocument(db, ref)],
        ['a version', hidden.ids.version, missing, (db, ref) => getVersion(db, ref)],
        [
          'a version in a language',
          hidden.ids.version,
          missing,
          (db, ref) => getLanguageVersion(db, ref),
        ],
        [
          'a language version',
          hidden.ids.languageVersion,
          missing,
          (db, ref) => getLanguageVersion(db, ref),
        ],
        ['its blocks', hidden.ids.languageVersion, missing, (db, ref) => getBlocks(db, ref)],
        ['a block', hidden.ids.block, missing, (db, ref) => getBlock(db, ref)],
      ];
      const wrong: string[] = [];
      for (const [what, hiddenRef, missingRef, read] of reads) {
        const [h, m] = [
          await cost((db) => read(db, hiddenRef)),
          await cost((db) => read(db, missingRef)),
        ];
        if (h !== m) wrong.push(`${what}: ${h} queries hidden, ${m} missing`);
      }
      assert.deepEqual(wrong, []);
    });

    test('the home page counts only the documents the reader may know of', async () => {
      const count = async (who: Who) => {
        const html = await (await clients.get(who)!.get('/')).text();
        // The row of the process in the table of processes (other parts link to it too).
        const table = html.slice(html.lastIndexOf('<table class="list">'));
        const row = /href="\/processes\/twg"(?:(?!<\/tr>)[\s\S])*<td>(\d+)<\/td>\s*<\/tr>/.exec(
          table,
        );
        return Number(row?.[1]);
      };
      assert.deepEqual(
        [await count('anonymous'), await count('reader'), await count('otherSecretariat')],
        [1, 1, 1],
      );
      assert.equal(await count('secretariat'), 2);
    });

    test('no watch hears of it, nor of the comments on it, until it is published', async () => {
      const hits = async () =>
        (
          await o.db
            .selectFrom('watch_hits')
            .select('source_id')
            .where('watch_id', '=', watchId)
            .execute()
        ).length;
      assert.equal(await hits(), 0, 'neither the paragraph nor the comment');
      const secretariat = {
        ...built.accounts.secretariat,
        name: 'secretariat',
        isAdmin: false,
        via: 'session' as const,
        grants: [{ role: 'secretariat' as const, scopeId: built.process.id }],
      };
      await o.db
        .transaction()
        .execute((trx) => publishVersion(trx, secretariat, hidden.ids.version));
      await drain(o.db);
      assert.equal(await hits(), 2, 'the paragraph and the comment, once published');
    });
  });
}
