/**
 * plenum verify on a real installation's log: what `plenum transparency` prints and the public
 * export of a consultation check out; a changed submission row, a changed log entry, a changed
 * stored leaf and a submission dropped from the export each fail, named; so do a co-signer's
 * answer changed or dropped in the download or in the stored log, a co-signature changed or
 * made up in the stored rows, and a submission its last co-signer published dropped from the export.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { inWriteTransaction, migrateToLatest, openDatabase } from '../db/database.ts';
import { SubmissionQueue } from '../submissions/submission-queue.ts';
import { answerCosignature, moderateSubmission } from '../submissions/submissions.service.ts';
import type { Receipt } from '../submissions/submissions.schema.ts';
import { leafHash } from '../transparency/merkle.ts';

let dir = '';
let db = '';
let built: BuiltConsultation;
let receipts: Receipt[] = [];
const now = new Date('2026-06-01T12:00:00Z');

function plenum(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATABASE_URL: '', PLENUM_DEMO: 'off' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Works on the installation's database, then closes it (the CLI opens it after). */
async function withDatabase<T>(work: (o: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const o = await openDatabase(db);
  try {
    return await work(o);
  } finally {
    await o.close();
  }
}

/** Downloads what a participant downloads: the entries, tree heads and key, and the export. */
async function download(): Promise<void> {
  for (const what of ['entries', 'tree-heads', 'key']) {
    const run = plenum('transparency', what, '--db', db);
    assert.equal(run.status, 0, run.stderr);
    writeFileSync(join(dir, `${what}.json`), run.stdout);
  }
  const exported = await withDatabase(async (o) => {
    const app = createApp({ db: o.db, engine: 'sqlite', now: () => now });
    const res = await app.request(`/consultations/${built.period.id}/submissions.json`);
    assert.equal(res.status, 200);
    return res.text();
  });
  writeFileSync(join(dir, 'export.json'), exported);
}

const verifyRun = (entries = 'entries.json') =>
  plenum(
    'verify',
    '--entries',
    join(dir, entries),
    '--tree-heads',
    join(dir, 'tree-heads.json'),
    '--key',
    join(dir, 'key.json'),
    '--export',
    join(dir, 'export.json'),
  );

describe('plenum verify', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-verify-'));
    db = join(dir, 'plenum.sqlite');
    await withDatabase(async (o) => {
      await migrateToLatest(o.db);
      built = await buildConsultation(o.db, { moderation: 'review' });
      const queue = new SubmissionQueue(o.db, 'sqlite');
      const civil = representativeViewer(built, 'civil', 'token');
      receipts = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          queue.submit(
            civil,
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: `Verified comment ${i} on the public core.`,
              idempotencyKey: `verify-${i}`,
            },
            [],
            now,
          ),
        ),
      );
      // Four published, one rejected, one left in review.
      for (const [i, r] of receipts.entries()) {
        if (i === 5) continue;
        const input = i === 4 ? { action: 'reject', reason: 'spam' } : { action: 'publish' };
        await inWriteTransaction(o.db, 'sqlite', (trx) =>
          moderateSubmission(trx, operatorViewer, r.submissionId, input, now),
        );
      }
    });
    await download();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('checks out a log, its tree heads and the export of the consultation', () => {
    const run = verifyRun();
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^11 entries, 6 signed tree heads checked\./m);
    assert.match(
      run.stdout,
      /4 published and in the log, 1 rejected or returned \(logged\), 1 awaiting a decision/,
    );
  });

  test('names the submission whose stored row was changed', async () => {
    const target = receipts[1]!.submissionId;
    await withDatabase((o) =>
      o.db
        .updateTable('submissions')
        .set({ body: 'A quietly softened text.' })
        .where('id', '=', target)
        .execute(),
    );
    await download();
    const run = verifyRun();
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      new RegExp(
        `PROBLEM: submission ${target}: its content is not the content its fingerprint was made of`,
      ),
    );
    assert.match(
      run.stdout,
      new RegExp(
        `PROBLEM: submission ${target}: its content differs from the content logged at leaf 1`,
      ),
    );
  });

  test('names the leaf whose entry was changed, in the download or in the database', async () => {
    const lines = readFileSync(join(dir, 'entries.json'), 'utf8').split('\n');
    lines[7] = lines[7]!.replace('"status\\":\\"published', '"status\\":\\"withdrawn');
    assert.match(lines[7]!, /withdrawn/);
    writeFileSync(join(dir, 'entries.json'), lines.join('\n'));
    let run = verifyRun();
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /PROBLEM: leaf 7: its entry is not the entry its leaf hash was made of/,
    );

    // The same change made in the stored log, leaf hash and all: the tree heads name the range.
    await withDatabase(async (o) => {
      const row = await o.db
        .selectFrom('transparency_entries')
        .selectAll()
        .where('leaf_index', '=', 7)
        .executeTakeFirstOrThrow();
      const entry = row.entry.replace('"status":"published"', '"status":"withdrawn"');
      await o.db
        .updateTable('transparency_entries')
        .set({ entry, leaf_hash: leafHash(entry).toString('hex') })
        .where('leaf_index', '=', 7)
        .execute();
    });
    await download();
    run = verifyRun();
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /PROBLEM: tree head of size 8: the entries do not give its root; leaves 7 to 7 were changed, removed or reordered/,
    );
  });

  test('names a published submission missing from the export', async () => {
    const exported = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')) as {
      submissions: { id: string }[];
    };
    const dropped = receipts[2]!.submissionId;
    exported.submissions = exported.submissions.filter((s) => s.id !== dropped);
    writeFileSync(join(dir, 'export.json'), JSON.stringify(exported));
    const run = verifyRun();
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      new RegExp(
        `PROBLEM: submission ${dropped} \\(leaf \\d+\\): logged as published, missing from the export`,
      ),
    );
  });
});

/** Runs work on the database, then puts the database back as it was before. */
async function thenRestore(work: () => Promise<void>): Promise<void> {
  copyFileSync(db, `${db}.before`);
  try {
    await work();
  } finally {
    copyFileSync(`${db}.before`, db);
  }
}

describe('plenum verify, co-signatures', () => {
  /** Joint submissions of civil: tech confirmed; tech confirmed and government declined; government confirmed, which published it. */
  const ids = { confirmed: '', mixed: '', byLast: '' };
  /** The downloaded entries, one JSON line each, by position. */
  const lines = () => readFileSync(join(dir, 'entries.json'), 'utf8').trimEnd().split('\n');
  const leafOf = (pattern: string) =>
    lines().findIndex((l) => ((JSON.parse(l) as { entry: string }).entry ?? '').includes(pattern));

  before(async () => {
    // This suite's own installation (the helpers above work on `dir` and `db`).
    dir = mkdtempSync(join(tmpdir(), 'plenum-verify-cosign-'));
    db = join(dir, 'plenum.sqlite');
    await withDatabase(async (o) => {
      await migrateToLatest(o.db);
      built = await buildConsultation(o.db, { moderation: 'review' });
      const queue = new SubmissionQueue(o.db, 'sqlite');
      const civil = representativeViewer(built, 'civil', 'token');
      const submit = async (key: string, cosigners: ('tech' | 'government')[]) =>
        (
          await queue.submit(
            civil,
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: `A joint comment on the public core (${key}).`,
              cosigners: cosigners.map((who) => built.organisations[who].id),
              idempotencyKey: key,
            },
            [],
            now,
          )
        ).submissionId;
      const answer = (who: 'tech' | 'government', id: string, confirm: boolean) =>
        inWriteTransaction(o.db, 'sqlite', (trx) =>
          answerCosignature(
            trx,
            representativeViewer(built, who),
            id,
            built.organisations[who].id,
            confirm,
            now,
          ),
        );
      const publish = (id: string) =>
        inWriteTransaction(o.db, 'sqlite', (trx) =>
          moderateSubmission(trx, operatorViewer, id, { action: 'publish' }, now),
        );
      ids.confirmed = await submit('joint-key-1', ['tech']);
      assert.equal(await answer('tech', ids.confirmed, true), 'in_review');
      await publish(ids.confirmed);
      ids.mixed = await submit('joint-key-2', ['tech', 'government']);
      assert.equal(await answer('tech', ids.mixed, true), 'awaiting_cosigners');
      assert.equal(await answer('government', ids.mixed, false), 'in_review');
      await publish(ids.mixed);
      // Without review, the last co-signer's answer publishes it: only its entry says so.
      await o.db
        .updateTable('comment_periods')
        .set({ moderation: 'immediate' })
        .where('id', '=', built.period.id)
        .execute();
      ids.byLast = await submit('joint-key-3', ['government']);
      assert.equal(await answer('government', ids.byLast, true), 'published');
    });
    await download();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('each answer is an entry, and the log and the export check out', () => {
    assert.equal(lines().length, 9);
    const declined = JSON.parse((JSON.parse(lines()[5]!) as { entry: string }).entry) as Record<
      string,
      unknown
    >;
    assert.deepEqual(declined, {
      kind: 'cosignature',
      submission: ids.mixed,
      receivedAt: declined.receivedAt,
      period: built.period.id,
      contentSha256: declined.contentSha256,
      organisation: built.organisations.government.id,
      answer: 'declined',
      status: 'in_review',
      at: now.toISOString(),
    });
    const run = verifyRun();
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^9 entries, 9 signed tree heads checked\./m);
    assert.match(
      run.stdout,
      /3 published and in the log, 0 rejected or returned \(logged\), 0 awaiting a decision/,
    );
  });

  test('names an answer changed or dropped in the download', () => {
    const leaf = leafOf('"answer":"declined"');
    assert.equal(leaf, 5);
    const changed = lines();
    changed[leaf] = changed[leaf]!.replace('\\"answer\\":\\"declined', '\\"answer\\":\\"confirmed');
    assert.match(changed[leaf]!, /confirmed/);
    writeFileSync(join(dir, 'entries-changed.json'), changed.join('\n'));
    let run = verifyRun('entries-changed.json');
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /PROBLEM: leaf 5: its entry is not the entry its leaf hash was made of/,
    );

    writeFileSync(join(dir, 'entries-dropped.json'), lines().toSpliced(leaf, 1).join('\n'));
    run = verifyRun('entries-dropped.json');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /PROBLEM: leaves 5 to 5: missing from the download/);
  });

  test('names an answer changed in the stored log, its leaf hash recomputed', async () => {
    await thenRestore(async () => {
      await withDatabase(async (o) => {
        const row = await o.db
          .selectFrom('transparency_entries')
          .selectAll()
          .where('leaf_index', '=', 5)
          .executeTakeFirstOrThrow();
        const entry = row.entry.replace('"answer":"declined"', '"answer":"confirmed"');
        assert.notEqual(entry, row.entry);
        await o.db
          .updateTable('transparency_entries')
          .set({ entry, leaf_hash: leafHash(entry).toString('hex') })
          .where('leaf_index', '=', 5)
          .execute();
      });
      await download();
      const run = verifyRun();
      assert.equal(run.status, 1);
      assert.match(
        run.stdout,
        /PROBLEM: tree head of size 6: the entries do not give its root; leaves 5 to 5 were changed, removed or reordered/,
      );
    });
  });

  test('names an answer dropped from the stored log, the later entries moved up', async () => {
    await thenRestore(async () => {
      await withDatabase(async (o) => {
        await o.db.deleteFrom('transparency_entries').where('leaf_index', '=', 5).execute();
        for (let i = 6; i < 9; i++)
          await o.db
            .updateTable('transparency_entries')
            .set({ leaf_index: i - 1 })
            .where('leaf_index', '=', i)
            .execute();
      });
      await download();
      const run = verifyRun();
      assert.equal(run.status, 1);
      assert.match(
        run.stdout,
        /PROBLEM: tree head of size 6: the entries do not give its root; leaves 5 to 5 were changed, removed or reordered/,
      );
      assert.match(run.stdout, /PROBLEM: tree head of size 9: the download stops at 8 entries/);
      // The export still shows the answer the log no longer holds.
      assert.match(
        run.stdout,
        new RegExp(
          `PROBLEM: submission ${ids.mixed}: co-signer ${built.organisations.government.id} is shown as declined, but the log holds no answer of it`,
        ),
      );
    });
  });

  test('names a co-signature changed in the stored rows, which the fingerprint does not cover', async () => {
    await thenRestore(async () => {
      await withDatabase((o) =>
        o.db
          .updateTable('submission_cosigners')
          .set({ state: 'confirmed' })
          .where('submission_id', '=', ids.mixed)
          .where('organisation_id', '=', built.organisations.government.id)
          .execute(),
      );
      await download();
      const run = verifyRun();
      assert.equal(run.status, 1);
      const problems = run.stdout.split('\n').filter((l) => l.startsWith('PROBLEM'));
      assert.deepEqual(problems, [
        `PROBLEM: submission ${ids.mixed}: co-signer ${built.organisations.government.id} is shown as confirmed, but leaf 5 logged it declined`,
      ]);
    });
  });

  test('names a co-signature shown that was never given', async () => {
    await thenRestore(async () => {
      await withDatabase((o) =>
        o.db
          .insertInto('submission_cosigners')
          .values({
            submission_id: ids.confirmed,
            organisation_id: built.organisations.government.id,
            state: 'confirmed',
            responded_at: now.toISOString(),
            responded_by: built.accounts.government.id,
          })
          .execute(),
      );
      await download();
      const run = verifyRun();
      assert.equal(run.status, 1);
      assert.match(
        run.stdout,
        new RegExp(
          `PROBLEM: submission ${ids.confirmed}: co-signer ${built.organisations.government.id} is shown as confirmed, but the log holds no answer of it`,
        ),
      );
    });
  });

  test('names a submission its last co-signer published that is missing from the export', async () => {
    await download();
    const exported = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')) as {
      submissions: { id: string }[];
    };
    exported.submissions = exported.submissions.filter((s) => s.id !== ids.byLast);
    writeFileSync(join(dir, 'export.json'), JSON.stringify(exported));
    const run = verifyRun();
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      new RegExp(
        `PROBLEM: submission ${ids.byLast} \\(leaf 8\\): logged as published, missing from the export`,
      ),
    );
  });
});
