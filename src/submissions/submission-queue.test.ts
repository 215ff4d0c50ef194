import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { SubmissionQueue } from './submission-queue.ts';
import { SqliteWriterThread } from './submission-writer.ts';
import { KnownBlocks } from './submissions.service.ts';

/**
 * Each engine writing on the queue's own connection, and a SQLite file written by a writer
 * thread (submission-writer.ts), as `plenum serve` does: the same behaviour is asked of all.
 */
const variants = [
  ...testEngines().map((engine) => ({ engine, thread: false })),
  { engine: 'sqlite' as const, thread: true },
];

for (const { engine, thread } of variants) {
  describe(`group commit of submissions (${engine}${thread ? ', file written by a writer thread' : ''})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    let dir: string | undefined;
    const writers: SqliteWriterThread[] = [];
    /** A queue as a server process has it (a thread of its own for the file, when tested). */
    const newQueue = (): SubmissionQueue => {
      if (!thread) return new SubmissionQueue(o.db, engine);
      const writer = new SqliteWriterThread(o.location);
      writers.push(writer);
      return new SubmissionQueue(o.db, engine, undefined, writer);
    };
    before(async () => {
      if (thread) {
        dir = mkdtempSync(join(tmpdir(), 'plenum-writer-'));
        o = await openDatabase(join(dir, 'plenum.sqlite'));
        await migrateToLatest(o.db);
      } else o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      civil = representativeViewer(built, 'civil', 'token');
    });
    after(async () => {
      for (const writer of writers) await writer.close();
      await o.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('200 submissions at once: the good ones stored once each, the bad ones refused alone', async () => {
      const queue = newQueue();
      const now = new Date('2026-06-01T12:00:00Z');
      const attempts = Array.from({ length: 200 }, (_, i) => {
        const bad = i % 10 === 3; // an organisation the account does not represent
        const repeat = i % 10 === 7; // the same key as the one before: a double click
        return queue.submit(
          civil,
          built.period.id,
          {
            organisationId: bad ? built.organisations.tech.id : built.organisations.civil.id,
            body: repeat ? `Comment ${i - 1}` : `Comment ${i}`,
            idempotencyKey: `queue-test-${repeat ? i - 1 : i}`,
          },
          [],
          now,
        );
      });
      const results = await Promise.allSettled(attempts);
      const refused = results.filter((r) => r.status === 'rejected');
      assert.equal(refused.length, 20);
      assert.ok(refused.every((r) => isPlenumError((r as PromiseRejectedResult).reason)));
      const receipts = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      assert.equal(receipts.length, 180);
      assert.equal(
        receipts.filter((r) => r.replayed).length,
        20,
        'double clicks get the first receipt',
      );
      const ids = new Set(receipts.map((r) => r.submissionId));
      assert.equal(ids.size, 160);
      const row = await o.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 160, 'every receipt is a stored submission, and nothing else is');
    });

    test('one group of 300 with anchors: every row written once, keys replayed or refused in order', async () => {
      const queue = newQueue();
      const now = new Date('2026-06-02T12:00:00Z');
      const blocks = await o.db
        .selectFrom('blocks')
        .innerJoin('language_versions', 'language_versions.id', 'blocks.language_version_id')
        .select(['blocks.id', 'blocks.text'])
        .where('language_versions.version_id', '=', built.versionId)
        .where('blocks.kind', '=', 'paragraph')
        .orderBy('blocks.seq')
        .limit(3)
        .execute();
      assert.equal(blocks.length, 3);
      const form = (i: number, body = `Anchored comment ${i}`) => ({
        organisationId: built.organisations.civil.id,
        body,
        // Two whole paragraphs and a span of the third: three anchors each, 900 in the group.
        anchors: [
          { blockId: blocks[0]!.id },
          { blockId: blocks[1]!.id },
          { blockId: blocks[2]!.id, exact: blocks[2]!.text.slice(0, 12) },
        ],
        idempotencyKey: `group-test-${i}`,
      });
      // A key stored before the group: sent again in it, the first receipt comes back.
      const before = await queue.submit(civil, built.period.id, form(0), [], now);
      const attempts = [
        queue.submit(civil, built.period.id, form(0), [], now),
        ...Array.from({ length: 297 }, (_, i) =>
          queue.submit(civil, built.period.id, form(i + 1), [], now),
        ),
        // The same key twice in the group: the same content is a replay, other content a conflict.
        queue.submit(civil, built.period.id, form(5), [], now),
        queue.submit(civil, built.period.id, form(6, 'Something else entirely'), [], now),
      ];
      const results = await Promise.allSettled(attempts);
      const first = results[0]!;
      assert.ok(first.status === 'fulfilled' && first.value.replayed);
      assert.equal(first.value.submissionId, before.submissionId);
      // Keys 5 and 6 are sent twice, the second time last; they may fall in two groups, which
      // PostgreSQL can commit in either order (one per pooled connection). Whichever is stored
      // first holds the key: the same content sent again is a replay of it, other content a conflict.
      type Receipt = { submissionId: string; replayed: boolean };
      const ok = (r: PromiseSettledResult<Receipt>) =>
        r.status === 'fulfilled' ? r.value : undefined;
      const pairs = new Set([5, 6, 298, 299]);
      assert.ok(
        results
          .slice(1, 298)
          .every((r, i) => pairs.has(i + 1) || (ok(r) !== undefined && !ok(r)!.replayed)),
        'every other submission is stored, not replayed',
      );
      const [five, replay] = [ok(results[5]!), ok(results[298]!)];
      assert.ok(five && replay, 'both sendings of key 5 have a receipt');
      assert.equal(five.submissionId, replay.submissionId);
      assert.equal([five, replay].filter((r) => r.replayed).length, 1, 'one of them a replay');
      const six = [results[6]!, results[299]!];
      const refused = six.filter((r) => r.status === 'rejected');
      assert.equal(refused.length, 1, 'one sending of key 6 stored, the other refused');
      assert.equal(
        ((refused[0] as PromiseRejectedResult).reason as { code: string }).code,
        'IDEMPOTENCY_CONFLICT',
      );
      // The stored submissions: one per key.
      const fresh = results.slice(1, 300).filter((r) => ok(r) !== undefined && !ok(r)!.replayed);
      assert.equal(fresh.length, 297);
      const ids = fresh.map((r) => (r as PromiseFulfilledResult<{ submissionId: string }>).value);
      const stored = ids.map((r) => r.submissionId).concat(before.submissionId);
      const count = async (
        table: 'submissions' | 'submission_anchors' | 'events',
        column: 'id' | 'submission_id' | 'subject_id',
      ) => {
        const row = await o.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column, 'in', stored)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      assert.equal(await count('submissions', 'id'), 298);
      assert.equal(await count('submission_anchors', 'submission_id'), 298 * 3);
      assert.equal(
        await count('events', 'subject_id'),
        298,
        'one event per stored submission: search follows it',
      );
      const span = await o.db
        .selectFrom('submission_anchors')
        .select(['exact', 'start', 'end', 'block_id'])
        .where('submission_id', '=', ids[41]!.submissionId)
        .where('exact', 'is not', null)
        .executeTakeFirstOrThrow();
      assert.deepEqual(span, {
        exact: blocks[2]!.text.slice(0, 12),
        start: 0,
        end: 12,
        block_id: blocks[2]!.id,
      });
    });

    test('two servers given the same keys at once: one submission per key, both get its receipt', async () => {
      // Two queues on one database, as two `plenum serve` processes: on PostgreSQL their groups
      // commit in parallel, so a key may be committed by the other after it was checked.
      const queues = [newQueue(), newQueue()];
      const now = new Date('2026-06-03T12:00:00Z');
      const attempts = Array.from({ length: 120 }, (_, i) =>
        queues.map((queue) =>
          queue.submit(
            civil,
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: `Sent to both servers ${i}`,
              idempotencyKey: `two-servers-${i}`,
            },
            [],
            now,
          ),
        ),
      );
      const pairs = await Promise.all(attempts.map((pair) => Promise.all(pair)));
      for (const [a, b] of pairs) {
        assert.equal(a!.submissionId, b!.submissionId);
        assert.equal(a!.replayed !== b!.replayed, true, 'one stored it, the other replayed it');
      }
      const row = await o.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('idempotency_key', 'like', 'two-servers-%')
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 120);
    });

    test('paragraphs read once are known to later groups, and only for their own version', async () => {
      const known = new KnownBlocks(2);
      const blocks = await o.db
        .selectFrom('blocks')
        .innerJoin('language_versions', 'language_versions.id', 'blocks.language_version_id')
        .select(['blocks.id'])
        .where('language_versions.version_id', '=', built.versionId)
        .orderBy('blocks.seq')
        .limit(3)
        .execute();
      const ids = blocks.map((b) => b.id);
      const first = await known.find(o.db, built.versionId, [ids[0]!]);
      const second = await known.find(o.db, built.versionId, [ids[1]!.toUpperCase(), ids[0]!]);
      assert.deepEqual([...first.keys()], [ids[0]]);
      assert.deepEqual([...second.keys()].toSorted(), [ids[0], ids[1]].toSorted());
      // Read from memory now: a database that is gone cannot be asked.
      const closed = await openDatabase(':memory:');
      await closed.close();
      const again = await known.find(closed.db, built.versionId, [ids[1]!, ids[0]!]);
      assert.deepEqual([...again.keys()].toSorted(), [ids[0], ids[1]].toSorted());
      // Another version does not have these blocks, known or not.
      const other = await known.find(o.db, '018f0000-0000-7000-8000-000000000000', [ids[0]!]);
      assert.equal(other.size, 0);
      // Bounded: a third block pushes out the first one read.
      await known.find(o.db, built.versionId, [ids[2]!]);
      await assert.rejects(known.find(closed.db, built.versionId, [ids[0]!]));
    });

    test('one submission the database refuses among 100: 100 receipts and one clear error', async () => {
      // A database refusal that the door lets through, made by a trigger on the table.
      if (engine === 'sqlite') {
        await sql`create trigger refuse_poison before insert on submissions
          when new.body like '%poison%'
          begin select raise(abort, 'refused by a test trigger'); end`.execute(o.db);
      } else {
        await sql`create function refuse_poison() returns trigger language plpgsql as $$
          begin
            if new.body like '%poison%' then raise exception 'refused by a test trigger'; end if;
            return new;
          end $$`.execute(o.db);
        await sql`create trigger refuse_poison before insert on submissions
          for each row execute function refuse_poison()`.execute(o.db);
      }
      try {
        const queue = newQueue();
        const now = new Date('2026-06-04T12:00:00Z');
        const results = await Promise.allSettled(
          Array.from({ length: 101 }, (_, i) =>
            queue.submit(
              civil,
              built.period.id,
              {
                organisationId: built.organisations.civil.id,
                body: i === 37 ? 'A poison comment' : `Isolated comment ${i}`,
                idempotencyKey: `isolation-${i}`,
              },
              [],
              now,
            ),
          ),
        );
        const receipts = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        assert.equal(receipts.length, 100);
        const refused = results[37]!;
        assert.equal(refused.status, 'rejected');
        assert.equal((refused.reason as { code: string }).code, 'SUBMISSION_NOT_STORED');
        const stored = await o.db
          .selectFrom('submissions')
          .select(['id', 'body'])
          .where('idempotency_key', 'like', 'isolation-%')
          .execute();
        assert.deepEqual(
          stored.map((r) => r.id).toSorted(),
          receipts.map((r) => r.submissionId).toSorted(),
          'every receipt is a stored submission, and the refused one is not stored',
        );
      } finally {
        await sql`drop trigger refuse_poison ${sql.raw(engine === 'sqlite' ? '' : 'on submissions')}`.execute(
          o.db,
        );
      }
    });

    test('a group that fails is acknowledged to nobody', async () => {
      // A database without plenum's tables: the group fails as a whole, and none gets a receipt.
      const broken = await openDatabase(':memory:');
      const queue = new SubmissionQueue(broken.db, 'sqlite');
      const results = await Promise.allSettled(
        [1, 2, 3].map((i) =>
          queue.submit(
            civil,
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: 'x',
              idempotencyKey: `broken-${i}-key`,
            },
            [],
            new Date(),
          ),
        ),
      );
      assert.ok(results.every((r) => r.status === 'rejected'));
      await broken.close();
    });
  });
}
