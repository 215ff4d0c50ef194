/**
 * Counts that are true (issue 19, point 4): the count beside a period's list of submissions is the
 * count of that list under its filters, for every filter; an unknown country is refused, not
 * shown as an empty list under a count of everything.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { TestClient } from '../test-client.ts';

const now = new Date('2026-06-10T12:00:00Z');

/** The number the count sentence says, and the number of submissions the list shows. */
function countAndItems(html: string): { said: number; listed: number } {
  const sentence = /<h2>Submissions<\/h2>\s*<p>(No|\d+) published submissions?/.exec(html);
  assert.ok(sentence, 'the count sentence is on the page');
  const list = /<ol class="submissions">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return {
    said: sentence[1] === 'No' ? 0 : Number(sentence[1]),
    listed: (list.match(/<li\b/g) ?? []).length,
  };
}

for (const engine of testEngines()) {
  describe(`the count beside a list is the count of the list (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      for (const who of ['civil', 'tech', 'government'] as const) {
        await o.db.transaction().execute((trx) =>
          submitComment(
            trx,
            representativeViewer(built, who),
            built.period.id,
            {
              organisationId: built.organisations[who].id,
              body: `A comment of ${who}.`,
              idempotencyKey: `counts-${who}`,
            },
            [],
            now,
          ),
        );
      }
      app = createApp({ db: o.db, engine, now: () => now });
    });
    after(() => o.close());

    test('under every filter the count says what the list shows', async () => {
      const reader = new TestClient(app);
      const queries = [
        '',
        'country=KEN',
        'country=NLD',
        'country=ISL',
        'group=civil_society',
        'group=government',
        'group=academia',
        'region=african',
        'language=fr',
        `organisation=${built.organisations.civil.slug}`,
      ];
      const seen = new Set<number>();
      for (const query of queries) {
        const res = await reader.get(`/consultations/${built.period.id}?${query}`);
        assert.equal(res.status, 200, query);
        const { said, listed } = countAndItems(await res.text());
        assert.equal(said, listed, `count and list agree for “${query}”`);
        seen.add(said);
      }
      assert.ok(seen.has(0) && seen.size > 2, 'the filters narrow the list (the test can fail)');
    });

    test('an unknown country is refused with a sentence, not shown as an empty list', async () => {
      const res = await new TestClient(app).get(`/consultations/${built.period.id}?country=XXX`);
      assert.equal(res.status, 400);
      assert.match(await res.text(), /XXX is not the ISO 3166-1 alpha-3 code/);
    });
  });
}
