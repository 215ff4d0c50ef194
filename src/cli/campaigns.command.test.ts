import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { submitComment } from '../submissions/submissions.service.ts';

let dir = '';
let db = '';
let built: BuiltConsultation;

function plenum(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PLENUM_DEMO: 'off' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const letter =
  'We ask the working group to keep the multistakeholder model in paragraph 12 and to publish every contribution received during the consultation.';

describe('plenum campaigns regroup', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-campaigns-'));
    db = join(dir, 'plenum.sqlite');
    const opened = await openDatabase(db);
    await migrateToLatest(opened.db);
    built = await buildConsultation(opened.db, { moderation: 'immediate' });
    const now = new Date('2026-06-01T12:00:00Z');
    const bodies = [letter, `${letter} Signed: Root Operators Forum.`, `Dear chair, ${letter}`];
    for (const [i, who] of (['civil', 'tech', 'government'] as const).entries())
      await submitComment(
        opened.db,
        representativeViewer(built, who),
        built.period.id,
        {
          organisationId: built.organisations[who].id,
          body: bodies[i]!,
          idempotencyKey: `regroup-${i}`,
        },
        [],
        now,
      );
    // No follower ran: only the regroup groups them.
    await opened.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('groups a period from its texts and prints the counts', () => {
    const run = plenum('campaigns', 'regroup', '--period', built.period.id, '--json', '--db', db);
    assert.equal(run.status, 0, run.stderr);
    const counts = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(counts.submissions, 3);
    assert.equal(counts.campaigns, 1);
    assert.equal(counts.inCampaigns, 3);
    const text = plenum('campaigns', 'regroup', '--period', built.period.id, '--db', db);
    assert.match(text.stdout, /regrouped 3 submissions .* 1 campaigns .* holding 3/);
  });

  it('refuses a missing period or a missing flag with a message, not a stack', () => {
    const missing = plenum(
      'campaigns',
      'regroup',
      '--period',
      '01900000-0000-7000-8000-000000000000',
      '--db',
      db,
    );
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /period/i);
    assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/);
    const usage = plenum('campaigns', 'regroup', '--db', db);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--period/);
    assert.match(plenum('help').stdout, /^ {2}campaigns /m);
  });
});
