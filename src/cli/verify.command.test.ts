/**
 * plenum verify on a real installation's log: what `plenum transparency` prints and the public
 * export of a consultation check out; a changed submission row, a changed log entry, a changed
 * stored leaf and a submission dropped from the export each fail, named.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { moderateSubmission } from '../submissions/submissions.service.ts';
import type { Receipt } from '../submissions/submissions.schema.ts';

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

const verifyRun = () =>
  plenum(
    'verify',
    '--entries',
    join(dir, 'entries.json'),
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
      const { leafHash } = await import('../transparency/merkle.ts');
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
