import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Viewer } from '../accounts/accounts.schema.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { SubmissionQueue } from './submission-queue.ts';

for (const engine of testEngines()) {
  describe(`group commit of submissions (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      civil = representativeViewer(built, 'civil', 'token');
    });
    after(async () => o.close());

    test('200 submissions at once: the good ones stored once each, the bad ones refused alone', async () => {
      const queue = new SubmissionQueue(o.db, engine);
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
