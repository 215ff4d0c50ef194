import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Viewer } from './accounts/accounts.schema.ts';
import { installShippedConcepts } from './concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from './consultations/consultation.builder.ts';
import { inWriteTransaction, type OpenDatabase } from './db/database.ts';
import { openTestDatabase, testEngines } from './db/test-databases.ts';
import { recordEvent } from './events/events.store.ts';
import { FollowerFailure, Followers } from './events/followers.ts';
import { followerStatus } from './events/followers.service.ts';
import { allFollowers, drain } from './followers.ts';
import { passagesPerEvent, reindexRequested } from './search/search.follower.ts';
import { searchPassages } from './search/search.service.ts';
import { SubmissionQueue } from './submissions/submission-queue.ts';

/** Polls `check` until it holds (at most 5 s). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('timed out');
}

for (const engine of testEngines()) {
  describe(`followers of the event log (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    const now = new Date('2026-06-01T12:00:00Z');
    let n = 0;
    /** Submits through the group commit, as the web and the API do; nothing kicks a follower. */
    const submit = async (queue: SubmissionQueue, body: string) =>
      queue.submit(
        civil,
        built.period.id,
        {
          organisationId: built.organisations.civil.id,
          body,
          idempotencyKey: `follower-test-${(n += 1)}`,
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
    const searchStatus = async () => (await followerStatus(o.db)).find((s) => s.name === 'search')!;
    const followers = (options: ConstructorParameters<typeof Followers>[3] = {}) =>
      new Followers(o.db, engine, allFollowers, options);

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      civil = representativeViewer(built, 'civil', 'token');
      // The consultation's own document and events first.
      await drain(o.db, engine);
    });
    after(async () => o.close());

    test('a receipt comes first; the submission is findable and tagged once the followers ran', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const receipts = await Promise.all([
        submit(queue, 'The public core of the Internet must stay out of conflict. Zebrafinch one.'),
        submit(queue, 'Zebrafinch two: capacity building for developing states.'),
        submit(queue, 'Zebrafinch three: the DNS root servers.'),
      ]);
      assert.ok(receipts.every((r) => r.status === 'published' && !r.replayed));
      assert.equal((await searchStatus()).lagEvents, 3, 'logged with the submissions');
      assert.equal((await found('zebrafinch')).length, 0, 'not yet indexed');

      const runner = followers({ batchSize: 2 });
      await runner.drain();
      assert.equal(runner.handled.get('search'), 3, 'two batches: 2 + 1');
      assert.equal((await searchStatus()).lagEvents, 0);
      const hits = await found('zebrafinch');
      assert.deepEqual(
        hits.map((h) => h.href).sort(),
        receipts.map((r) => `/submissions/${r.submissionId}`).sort(),
      );
      assert.ok((await tagsOf(receipts[0]!.submissionId)) > 0, 'tagged with its concepts');

      // A second runner finds nothing left: each event is handled once.
      const again = followers();
      await again.drain();
      assert.equal(again.handled.get('search'), 0);
      assert.equal((await found('zebrafinch')).length, 3);
    });

    test('a batch that fails is rolled back, the event is reported and retried, never skipped', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const before = await submit(queue, 'Platypus: a comment logged before the failing one.');
      const receipt = await submit(queue, 'Quokka: a comment indexed on the second try.');
      // Break the index for a moment, for the second submission only.
      await sql`create table trap (source_id text)`.execute(o.db);
      await sql`insert into trap values (${receipt.submissionId})`.execute(o.db);
      await (
        engine === 'postgres'
          ? sql`create function trap() returns trigger language plpgsql as $$ begin
            if exists (select 1 from trap where source_id = new.source_id) then
              raise exception 'the index is broken';
            end if; return new; end $$;
            create trigger trap before insert on search_items for each row execute function trap()`
          : sql`create trigger trap before insert on search_items
            when exists (select 1 from trap where source_id = new.source_id)
            begin select raise(abort, 'the index is broken'); end`
      ).execute(o.db);
      const runner = followers({ retryDelayMs: () => 60_000 });
      const logged: unknown[] = [];
      const error = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        await assert.rejects(
          runner.drain(),
          (e) => e instanceof FollowerFailure && e.follower === 'search',
        );
      } finally {
        console.error = error;
      }
      assert.equal(logged.length, 1, 'the failure is logged');
      const status = await searchStatus();
      assert.equal(status.failing?.subject, `submission ${receipt.submissionId}`);
      assert.match(status.failing?.error ?? '', /the index is broken/);
      assert.equal(status.failing?.attempts, 1);
      assert.ok(status.lagEvents >= 1, 'the failing event is still ahead of the cursor');
      assert.deepEqual(
        (await found('platypus')).map((h) => h.href),
        [`/submissions/${before.submissionId}`],
        'the events before the failing one are handled',
      );
      const rows = await o.db
        .selectFrom('search_items')
        .select('seq')
        .where('source_id', '=', receipt.submissionId)
        .execute();
      assert.equal(rows.length, 0, 'no half-indexed passage');

      // Before its retry time nothing is tried; after it, the event is handled.
      await assert.rejects(runner.drain(), FollowerFailure);
      assert.equal((await searchStatus()).failing?.attempts, 1, 'waits for its retry time');
      await sql`drop table trap`.execute(o.db).catch(() => {});
      await (
        engine === 'postgres'
          ? sql`drop trigger trap on search_items; drop function trap(); drop table if exists trap`
          : sql`drop trigger trap`
      ).execute(o.db);
      await o.db
        .updateTable('follower_cursors')
        .set({ retry_at: new Date(0).toISOString() })
        .execute();
      await runner.drain();
      assert.equal((await searchStatus()).failing, null);
      assert.deepEqual(
        (await found('quokka')).map((h) => h.href),
        [`/submissions/${receipt.submissionId}`],
      );
    });

    test('two runners on one log handle each event once', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const receipts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => submit(queue, `Wombat number ${i} comments.`)),
      );
      const [a, b] = [followers({ batchSize: 7 }), followers({ batchSize: 7 })];
      await Promise.all([a.drain(), b.drain()]);
      assert.equal(a.handled.get('search')! + b.handled.get('search')!, 40);
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
      const logged = await o.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('action', '=', 'search.passages_indexed')
        .where('data', 'like', `%${receipts[0]!.submissionId}%`)
        .executeTakeFirstOrThrow();
      assert.equal(Number(logged.n), 1, 'indexed once, so logged once for the concept tagger');
    });

    test('a follower catches up after a restart, from its cursor', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      await submit(queue, 'Echidna before the stop.');
      const first = followers();
      await first.drain();
      await first.stop();
      await Promise.all([submit(queue, 'Echidna after the stop.'), submit(queue, 'Echidna too.')]);
      const second = followers();
      await second.drain();
      assert.equal(second.handled.get('search'), 2, 'only what was logged after the first stopped');
      assert.equal((await found('echidna')).length, 3);
    });

    test('the group commit kicks the followers', async () => {
      const runner = followers();
      const queue = new SubmissionQueue(o.db, engine, () => runner.kick());
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => submit(queue, `Numbat ${i} is kicked.`)),
      );
      // Nobody called drain: the commit's kick alone indexes them.
      await waitFor(async () => (await found('numbat')).length === 20);
      assert.equal(runner.handled.get('search'), 20);
      await runner.stop();
    });

    test('receipts go first: the followers wait while submissions are pending, but not forever', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      await Promise.all([submit(queue, 'Bilby one.'), submit(queue, 'Bilby two.')]);
      let busy = true;
      const patient = followers({ busy: () => busy, maxDeferMs: 60_000 });
      patient.kick();
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal((await found('bilby')).length, 0, 'deferred while busy');
      busy = false;
      await patient.drain();
      assert.equal((await found('bilby')).length, 2);

      await submit(queue, 'Bilby three.');
      const started = Date.now();
      const bounded = followers({ busy: () => true, maxDeferMs: 100 });
      await bounded.drain();
      assert.ok(Date.now() - started >= 100, 'waited up to maxDeferMs');
      assert.equal((await found('bilby')).length, 3, 'then indexed anyway');
      await Promise.all([patient.stop(), bounded.stop()]);
    });

    test('followers serving two queues wait while either is busy', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      await submit(queue, 'Cassowary one.');
      let first = true;
      const shared = followers({ maxDeferMs: 60_000 });
      shared.yieldTo(() => first);
      // A second app made with the same followers adds its queue; the first one still counts.
      shared.yieldTo(() => false);
      shared.kick();
      await new Promise((resolve) => setTimeout(resolve, 150));
      // Its own count: another test's runner may index the submission meanwhile.
      assert.equal(shared.handled.get('search'), 0, 'deferred while the first queue is busy');
      first = false;
      await shared.drain();
      assert.equal((await found('cassowary')).length, 1);
      await shared.stop();
    });

    test('an event that commits after a later one is not passed over', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const early = await submit(queue, 'Wallaby logged early, committed late.');
      const late = await submit(queue, 'Wallaby logged late, committed early.');
      await drain(o.db, engine);
      // Log a change of each submission; the first transaction commits only after the second
      // has committed and the followers have read past it (PostgreSQL runs both at once).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let logged = () => {};
      const loggedFirst = new Promise<void>((resolve) => (logged = resolve));
      const reject = async (submissionId: string) => {
        await o.db
          .updateTable('submissions')
          .set({ status: 'rejected' })
          .where('id', '=', submissionId)
          .execute();
      };
      const slow =
        engine === 'postgres'
          ? inWriteTransaction(o.db, engine, async (trx) => {
              await trx
                .updateTable('submissions')
                .set({ status: 'rejected' })
                .where('id', '=', early.submissionId)
                .execute();
              await recordEvent(trx, {
                actor: 'test',
                action: 'submission.rejected',
                subjectType: 'submission',
                subjectId: early.submissionId,
              });
              logged();
              await held;
            })
          : Promise.resolve(logged());
      await loggedFirst;
      await reject(late.submissionId);
      await recordEvent(o.db, {
        actor: 'test',
        action: 'submission.rejected',
        subjectType: 'submission',
        subjectId: late.submissionId,
      });
      try {
        // Not drain: it would wait for the transaction held open here.
        await followers().readOnce();
        // PostgreSQL: the late event waits behind the transaction still open; SQLite has one
        // writer, so there the early one is simply not logged yet.
        assert.deepEqual(
          (await found('wallaby')).map((h) => h.href).sort(),
          (engine === 'postgres' ? [early.submissionId, late.submissionId] : [early.submissionId])
            .map((id) => `/submissions/${id}`)
            .sort(),
        );
      } finally {
        release();
        await slow;
      }
      if (engine === 'sqlite') {
        await reject(early.submissionId);
        await recordEvent(o.db, {
          actor: 'test',
          action: 'submission.rejected',
          subjectType: 'submission',
          subjectId: early.submissionId,
        });
      }
      await drain(o.db, engine);
      assert.deepEqual((await found('wallaby')).length, 0, 'both taken out of the index');
    });

    test('a reindex request builds the index anew and logs every passage, in bounded events', async () => {
      const queue = new SubmissionQueue(o.db, engine);
      const receipt = await submit(queue, 'The public core of the Internet, Kookaburra.');
      await drain(o.db, engine);
      const itemsBefore = await o.db.selectFrom('search_items').select('source_id').execute();
      await o.db.deleteFrom('concept_tags').where('source_id', '=', receipt.submissionId).execute();
      const requestId = await recordEvent(o.db, {
        actor: 'plenum',
        action: reindexRequested,
        subjectType: 'search',
        subjectId: 'index',
      });
      const request = await o.db
        .selectFrom('events')
        .select('seq')
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      await drain(o.db, engine);
      const items = await o.db.selectFrom('search_items').select('source_id').execute();
      assert.deepEqual(
        items.map((i) => i.source_id).sort(),
        itemsBefore.map((i) => i.source_id).sort(),
        'the same passages, indexed anew',
      );
      const logged = await o.db
        .selectFrom('events')
        .select('data')
        .where('action', '=', 'search.passages_indexed')
        .where('seq', '>', request.seq)
        .execute();
      const named = logged.map((e) => (JSON.parse(e.data) as { sourceIds: string[] }).sourceIds);
      assert.ok(named.every((ids) => ids.length <= passagesPerEvent));
      assert.deepEqual(
        [...new Set(named.flat())].sort(),
        items.map((i) => i.source_id).sort(),
        'every passage logged as indexed',
      );
      assert.equal((await found('kookaburra')).length, 1);
      assert.ok((await tagsOf(receipt.submissionId)) > 0, 'tagged anew with its concepts');
    });
  });
}
