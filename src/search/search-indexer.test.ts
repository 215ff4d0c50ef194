import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { SubmissionQueue } from '../submissions/submission-queue.ts';
import { SearchIndexer } from './search-indexer.ts';
import { searchPassages } from './search.service.ts';
import { indexQueueLength } from './search.store.ts';

/** Polls `check` until it holds (at most 5 s). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('timed out');
}

for (const engine of testEngines()) {
  describe(`indexing queued submissions (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    const now = new Date('2026-06-01T12:00:00Z');
    let n = 0;
    /** Submits through the group commit, as the web and the API do; nothing kicks an indexer. */
    const submit = async (queue: SubmissionQueue, body: string) =>
      queue.submit(
        civil,
        built.period.id,
        {
          organisationId: built.organisations.civil.id,
          body,
          idempotencyKey: `indexer-test-${(n += 1)}`,
        },
        [],
        now,
      );
    const found = async (q: string) => (await searchPassages(o.db, null, { q })).hits;
    const tagsOf = async (sourceId: string) =>
      (
        await o.db
          .selectFrom('concept_tags')
          .select('concept_id')
          .where('source_id', '=', sourceId)
          .execute()
      ).length;

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      civil = representativeViewer(built, 'civil', 'token');
    });
    after(async () => o.close());

    test('a receipt comes first; the submission is findable and tagged once the indexer ran', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const receipts = await Promise.all([
        submit(queue, 'The public core of the Internet must stay out of conflict. Zebrafinch one.'),
        submit(queue, 'Zebrafinch two: capacity building for developing states.'),
        submit(queue, 'Zebrafinch three: the DNS root servers.'),
      ]);
      assert.ok(receipts.every((r) => r.status === 'published' && !r.replayed));
      assert.equal((await indexQueueLength(o.db)).waiting, 3, 'queued with the submissions');
      assert.equal((await found('zebrafinch')).length, 0, 'not yet indexed');

      const indexer = new SearchIndexer(o.db, engine, { batchSize: 2 });
      await indexer.idle();
      assert.equal(indexer.indexed, 3, 'two batches: 2 + 1');
      assert.deepEqual(await indexQueueLength(o.db), { waiting: 0, oldestQueuedAt: null });
      const hits = await found('zebrafinch');
      assert.deepEqual(
        hits.map((h) => h.href).sort(),
        receipts.map((r) => `/submissions/${r.submissionId}`).sort(),
      );
      assert.ok((await tagsOf(receipts[0]!.submissionId)) > 0, 'tagged with its concepts');

      // Indexing again (a row queued twice, a second process) adds nothing.
      await o.db
        .insertInto('index_queue')
        .values({ source_id: receipts[1]!.submissionId, queued_at: now.toISOString() })
        .execute();
      await indexer.idle();
      assert.equal((await found('zebrafinch')).length, 3);
    });

    test('a batch that fails is rolled back and stays queued, then indexed on the next try', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const receipt = await submit(queue, 'Quokka: a comment indexed on the second try.');
      // Break the index for a moment: the batch's writes fail.
      await sql`alter table search_postings rename to search_postings_away`.execute(o.db);
      const indexer = new SearchIndexer(o.db, engine);
      const logged: unknown[] = [];
      const error = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        await indexer.idle();
      } finally {
        console.error = error;
        await sql`alter table search_postings_away rename to search_postings`.execute(o.db);
      }
      assert.equal(logged.length, 1, 'the failure is logged');
      assert.equal((await indexQueueLength(o.db)).waiting, 1, 'still queued');
      assert.equal(
        (
          await o.db
            .selectFrom('search_items')
            .select('seq')
            .where('source_id', '=', receipt.submissionId)
            .execute()
        ).length,
        0,
        'no half-indexed passage',
      );
      await indexer.idle();
      assert.equal((await indexQueueLength(o.db)).waiting, 0);
      assert.deepEqual(
        (await found('quokka')).map((h) => h.href),
        [`/submissions/${receipt.submissionId}`],
      );
    });

    test('two indexers draining one queue index each submission once', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const receipts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => submit(queue, `Wombat number ${i} comments.`)),
      );
      const [a, b] = [
        new SearchIndexer(o.db, engine, { batchSize: 7 }),
        new SearchIndexer(o.db, engine, { batchSize: 7 }),
      ];
      await Promise.all([a.idle(), b.idle()]);
      assert.equal(a.indexed + b.indexed, 40);
      const rows = await o.db
        .selectFrom('search_items')
        .select('source_id')
        .where(
          'source_id',
          'in',
          receipts.map((r) => r.submissionId),
        )
        .execute();
      assert.equal(rows.length, 40);
    });

    test('the group commit kicks the indexer', async () => {
      const indexer = new SearchIndexer(o.db, engine);
      const queue = new SubmissionQueue(o.db, engine, () => indexer.kick());
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => submit(queue, `Numbat ${i} is kicked.`)),
      );
      // A surge is over only once no submission has come for a moment.
      assert.equal(queue.busy, true, 'busy just after the last arrival');
      await new Promise((resolve) => setTimeout(resolve, SubmissionQueue.quietMs + 20));
      assert.equal(queue.busy, false, 'quiet after quietMs');
      // Nobody called the indexer: the commit's kick alone indexes them.
      await waitFor(async () => (await indexQueueLength(o.db)).waiting === 0);
      assert.equal((await found('numbat')).length, 20);
      assert.equal(indexer.indexed, 20);
      await indexer.stop();
    });

    test('receipts go first: the indexer waits while submissions are pending, but not forever', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      await Promise.all([submit(queue, 'Bilby one.'), submit(queue, 'Bilby two.')]);
      let busy = true;
      const patient = new SearchIndexer(o.db, engine, { busy: () => busy, maxDeferMs: 60_000 });
      patient.kick();
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal((await indexQueueLength(o.db)).waiting, 2, 'deferred while busy');
      busy = false;
      await patient.idle();
      assert.equal((await found('bilby')).length, 2);

      await submit(queue, 'Bilby three.');
      const started = Date.now();
      const bounded = new SearchIndexer(o.db, engine, { busy: () => true, maxDeferMs: 100 });
      await bounded.idle();
      assert.ok(Date.now() - started >= 100, 'waited up to maxDeferMs');
      assert.equal((await found('bilby')).length, 3, 'then indexed anyway');
      await Promise.all([patient.stop(), bounded.stop()]);
    });
  });
}
