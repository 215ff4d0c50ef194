/**
 * The floor of a submission's commit on SQLite: better-sqlite3 alone, with statements prepared
 * once by hand, writing plenum's own write set for a submission, in groups of 32, each group one
 * transaction committed durably. No HTTP, no checks, no query builder, no hashing: only the rows
 * and the fsync, which any design of the submission path has to pay for.
 *
 * It writes into a copy of the benchmark's own database (VACUUM INTO: the same schema, the same
 * secondary indexes, the rows the runs before it wrote), opened with the pragmas plenum uses
 * (WAL, synchronous=FULL, foreign keys). The rows are copies of a submission plenum wrote over
 * HTTP: per submission its row, its anchor, its event (whose trigger numbers it in the log), its
 * transparency entry and its paragraph's count; per group the period's counts, the log's head,
 * three tree nodes and a signed tree head.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';

/** What the floor reached. */
export interface FloorResult {
  perSecond: number;
  submissions: number;
  /** Median time of a COMMIT (the fsync of the WAL), ms. */
  commitMs: number;
}

type Row = Record<string, unknown>;

/** Writes groups of `groupSize` submissions for `durationMs` into a copy of `db` (a SQLite file). */
export async function writeFloor(
  db: Db,
  { groupSize, durationMs }: { groupSize: number; durationMs: number },
): Promise<FloorResult> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-floor-'));
  const file = join(dir, 'floor.sqlite');
  try {
    await sql`vacuum into ${file}`.execute(db);
    const raw = new SqliteDatabase(file);
    try {
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.pragma('foreign_keys = ON');
      raw.pragma('busy_timeout = 5000');
      raw.pragma('cache_size = -262144');
      return writeGroups(raw, { groupSize, durationMs });
    } finally {
      raw.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The insert of a row with every column of `template`. */
function insertOf(raw: SqliteDatabase.Database, table: string, template: Row) {
  const columns = Object.keys(template);
  return raw.prepare(
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
}

function writeGroups(
  raw: SqliteDatabase.Database,
  { groupSize, durationMs }: { groupSize: number; durationMs: number },
): FloorResult {
  // A published submission plenum wrote over HTTP, with its anchor, event and log entry.
  const submission = raw
    .prepare(
      `select * from submissions where status = 'published' and idempotency_key like '%-%' order by id desc limit 1`,
    )
    .get() as Row;
  const anchor = raw
    .prepare('select * from submission_anchors where submission_id = ?')
    .get(submission.id) as Row;
  const event = raw.prepare('select * from events where subject_id = ?').get(submission.id) as Row;
  const entry = raw
    .prepare('select * from transparency_entries where subject_id = ?')
    .get(submission.id) as Row;
  const treeHead = raw
    .prepare('select * from transparency_tree_heads order by tree_size desc limit 1')
    .get() as Row;
  delete event.seq; // numbered by the trigger, as plenum's are
  delete event.txid;

  const insertSubmission = insertOf(raw, 'submissions', submission);
  const insertAnchor = insertOf(raw, 'submission_anchors', anchor);
  const insertEvent = insertOf(raw, 'events', event);
  const insertEntry = insertOf(raw, 'transparency_entries', entry);
  const insertTreeHead = insertOf(raw, 'transparency_tree_heads', treeHead);
  const countParagraph = raw.prepare(
    `insert into paragraph_counts (version_id, address, direct, carried) values (?, ?, 1, 0)
     on conflict do update set direct = direct + 1`,
  );
  const countStatus = raw.prepare(
    `insert into period_status_counts (period_id, status, reason, n) values (?, 'published', '', ?)
     on conflict do update set n = n + excluded.n`,
  );
  const countDay = raw.prepare(
    `insert into period_day_counts (period_id, day, organisation_id, language, n) values (?, ?, ?, ?, ?)
     on conflict do update set n = n + excluded.n`,
  );
  const saveHead = raw.prepare('update transparency_head set size = ?, frontier = ? where id = 1');
  const saveNode = raw.prepare(
    'insert into transparency_nodes (level, idx, hash) values (?, ?, ?) on conflict do update set hash = excluded.hash',
  );
  const begin = raw.prepare('begin immediate');
  const commit = raw.prepare('commit');
  let leaf = Number(
    (
      raw
        .prepare('select coalesce(max(leaf_index), -1) + 1 as n from transparency_entries')
        .get() as { n: number }
    ).n,
  );
  const frontier = Array.from({ length: 20 }, () => randomBytes(32).toString('hex')).join(',');

  const commits: number[] = [];
  let written = 0;
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    const at = new Date().toISOString();
    begin.run();
    for (let i = 0; i < groupSize; i++, n++) {
      const id = randomUUID();
      insertSubmission.run({
        ...submission,
        id,
        idempotency_key: `floor-${n}`,
        received_at: at,
        published_at: at,
        updated_at: at,
      });
      insertAnchor.run({ ...anchor, id: randomUUID(), submission_id: id });
      insertEvent.run({ ...event, id: randomUUID(), at, subject_id: id });
      insertEntry.run({
        ...entry,
        leaf_index: leaf++,
        leaf_hash: randomBytes(32).toString('hex'),
        subject_id: id,
      });
      countParagraph.run(anchor.version_id, anchor.address);
    }
    countStatus.run(submission.period_id, groupSize);
    countDay.run(
      submission.period_id,
      at.slice(0, 10),
      submission.organisation_id,
      submission.language,
      groupSize,
    );
    for (let level = 1; level <= 3; level++)
      saveNode.run(level, Math.floor(leaf / 2 ** level), randomBytes(32).toString('hex'));
    saveHead.run(leaf, frontier);
    insertTreeHead.run({ ...treeHead, tree_size: leaf, timestamp: at });
    const t = performance.now();
    commit.run();
    commits.push(performance.now() - t);
    written += groupSize;
  }
  const elapsed = performance.now() - started;
  const sorted = commits.toSorted((a, b) => a - b);
  return {
    perSecond: (written * 1000) / elapsed,
    submissions: written,
    commitMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
  };
}
