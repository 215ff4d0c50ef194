/**
 * The transparency log's costs: what the log adds to a submission on the group-commit path, how
 * long `plenum verify` takes over 1,000,000 entries, and how long an inclusion proof takes from
 * the store of a log of 1,000,000 leaves. Run alone with `node bench/transparency.ts`.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatorViewer } from '../src/accounts/accounts.schema.ts';
import { verifyCommand } from '../src/cli/verify.command.ts';
import {
  buildConsultation,
  representativeViewer,
} from '../src/consultations/consultation.builder.ts';
import { inWriteTransaction, type Engine } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { fingerprintContent, sha256Hex } from '../src/submissions/fingerprint.ts';
import { SubmissionQueue } from '../src/submissions/submission-queue.ts';
import type { Submission } from '../src/submissions/submissions.schema.ts';
import { canonicalJson } from '../src/transparency/canonical-json.ts';
import { appendLeaves, emptyFrontier, frontierRoot, leafHash } from '../src/transparency/merkle.ts';
import { signedText, type TreeHead } from '../src/transparency/transparency.schema.ts';
import {
  appendToLog,
  getInclusionProof,
  listEntries,
  type NewLogEntry,
} from '../src/transparency/transparency.service.ts';
import { insertLeavesAndNodes, saveHead } from '../src/transparency/transparency.store.ts';
import type { TransparencyNodeTable } from '../src/transparency/transparency.table.ts';
import { openBenchDatabase } from './databases.ts';

const ms = (n: number): string => `${n.toFixed(3)} ms`;
const int = (n: number): string => n.toLocaleString('en-GB');
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** A `received` entry like the submissions' (the kind and the fields the service logs). */
function receivedEntry(i: number, period: string): NewLogEntry {
  const id = `01a2${i.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`;
  return {
    kind: 'received',
    subjectId: id,
    versionId: null,
    fields: {
      submission: id,
      receivedAt: new Date(Date.UTC(2026, 5, 1) + i).toISOString(),
      period,
      contentSha256: createHash('sha256').update(String(i)).digest('hex'),
      status: 'published',
    },
  };
}

/**
 * What the log adds to a submission: submissions through the group commit (checked, stored,
 * logged, committed: groups of up to 256), then the log's own append alone, in transactions of
 * the same size, timed inside the transaction (the commit is shared with the submission's). The
 * added cost is the append's time over the rest of the submission's.
 */
async function benchSubmissionCost(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    const built = await buildConsultation(o.db, { moderation: 'immediate' });
    const civil = representativeViewer(built, 'civil', 'token');
    const queue = new SubmissionQueue(o.db, engine);
    const rounds = 4;
    const perRound = 2048;
    const submit = async (round: number) =>
      Promise.all(
        Array.from({ length: perRound }, (_, i) =>
          queue.submit(
            civil,
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: `Bench comment ${round}-${i}: the public core of the Internet deserves protection.`,
              idempotencyKey: `bench-log-${round}-${i}`,
            },
            [],
            new Date(),
          ),
        ),
      );
    await submit(-1); // warm-up
    let wall = 0;
    let cpu = 0;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await submit(r);
      cpu += cpuMs(c);
      wall += performance.now() - t;
    }
    const n = rounds * perRound;
    let appendWall = 0;
    let appendCpu = 0;
    for (let g = 0; g < n / 256; g++) {
      await inWriteTransaction(o.db, engine, async (trx) => {
        const entries = Array.from({ length: 256 }, (_, i) =>
          receivedEntry(g * 256 + i, built.period.id),
        );
        const t = performance.now();
        const c = process.cpuUsage();
        await appendToLog(trx, entries, new Date());
        appendCpu += cpuMs(c);
        appendWall += performance.now() - t;
      });
    }
    const perSubmission = { wall: wall / n, cpu: cpu / n };
    const perAppend = { wall: appendWall / n, cpu: appendCpu / n };
    const added = (part: number, whole: number) =>
      `${((100 * part) / (whole - part)).toFixed(1)} %`;
    console.log(
      `transparency log on ${engine}: a submission through the group commit (${int(n)}, groups of up to 256, log included) ${ms(perSubmission.wall)} wall, ${ms(perSubmission.cpu)} CPU of this process; ` +
        `the log's append alone ${ms(perAppend.wall)} wall, ${ms(perAppend.cpu)} CPU per entry: it adds ${added(perAppend.wall, perSubmission.wall)} (wall), ${added(perAppend.cpu, perSubmission.cpu)} (CPU) to the rest of a submission  [target ≤ 10 %]`,
    );
  } finally {
    await o.close();
  }
}

/** Writes a generated log of `count` entries with a signed tree head every 256, and an export. */
async function writeGeneratedLog(dir: string, count: number, exported: number): Promise<void> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const keyId = createHash('sha256').update(spki).digest('hex');
  writeFileSync(
    join(dir, 'key.json'),
    JSON.stringify({ keys: [{ keyId, publicKey: spki.toString('base64') }] }),
  );
  const period = newId();
  // The rest belong to other consultations, as on a real installation.
  const elsewhere = newId();
  const submissions: Submission[] = [];
  const out = createWriteStream(join(dir, 'entries.jsonl'));
  const treeHeads: TreeHead[] = [];
  let frontier = emptyFrontier;
  let lines: string[] = [];
  let leaves: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const entry = receivedEntry(i, i < exported ? period : elsewhere);
    if (i < exported) {
      // The first ones are a consultation's published submissions, fingerprinted for real.
      const s = {
        id: entry.subjectId,
        periodId: period,
        organisation: { id: 'org-1' },
        cosigners: [],
        title: null,
        body: `Generated comment ${i} on the public core.`,
        language: 'en',
        status: 'published',
        anchors: [],
        attachments: [],
        fingerprintVersion: 2,
        receivedAt: entry.fields.receivedAt as string,
      } as unknown as Submission;
      s.contentSha256 = sha256Hex(
        fingerprintContent(
          {
            periodId: period,
            organisationId: 'org-1',
            affiliation: null,
            cosignerIds: [],
            title: null,
            body: s.body,
            language: 'en',
            anchors: [],
            attachments: [],
          },
          { version: 2, id: s.id, receivedAt: s.receivedAt },
        ),
      );
      entry.fields.contentSha256 = s.contentSha256;
      submissions.push(s);
    }
    const text = canonicalJson({ ...entry.fields, kind: entry.kind });
    const hash = leafHash(text);
    leaves.push(hash);
    lines.push(JSON.stringify({ leafIndex: i, leafHash: hash.toString('hex'), entry: text }));
    if (leaves.length === 256 || i === count - 1) {
      frontier = appendLeaves(frontier, leaves);
      const head = {
        treeSize: frontier.size,
        rootHash: frontierRoot(frontier).toString('hex'),
        timestamp: new Date(Date.UTC(2026, 5, 1) + i).toISOString(),
        keyId,
      };
      treeHeads.push({
        ...head,
        signature: sign(null, Buffer.from(signedText(head)), privateKey).toString('base64'),
      });
      if (!out.write(`${lines.join('\n')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      lines = [];
      leaves = [];
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  writeFileSync(join(dir, 'tree-heads.json'), JSON.stringify({ treeHeads: treeHeads.reverse() }));
  writeFileSync(join(dir, 'export.json'), JSON.stringify({ period: { id: period }, submissions }));
}

/** plenum verify over a generated log of a million entries and an export of 10,000 of them. */
async function benchVerify(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-bench-verify-'));
  try {
    const count = Number(process.env.PLENUM_BENCH_LOG_ENTRIES ?? 1_000_000);
    await writeGeneratedLog(dir, count, 10_000);
    const t = performance.now();
    const code = await verifyCommand([
      '--entries',
      join(dir, 'entries.jsonl'),
      '--tree-heads',
      join(dir, 'tree-heads.json'),
      '--key',
      join(dir, 'key.json'),
      '--export',
      join(dir, 'export.json'),
    ]);
    const took = performance.now() - t;
    console.log(
      `plenum verify over ${int(count)} entries, ${int(Math.ceil(count / 256))} signed tree heads and an export of 10,000 submissions: ${(took / 1000).toFixed(1)} s, exit code ${code}  [target ≤ 30 s]`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Inclusion proofs from the store of a log of a million leaves: the leaves and nodes are written
 * in bulk (as a million appends would leave them), then a last append signs a real tree head.
 */
async function benchProofs(engine: Engine): Promise<void> {
  const o = await openBenchDatabase(engine);
  try {
    const count = Number(process.env.PLENUM_BENCH_LOG_ENTRIES ?? 1_000_000);
    const period = newId();
    let frontier = emptyFrontier;
    const t0 = performance.now();
    for (let start = 0; start < count; start += 65_536) {
      const entries = Array.from({ length: Math.min(65_536, count - start) }, (_, i) =>
        receivedEntry(start + i, period),
      );
      const texts = entries.map((e) => canonicalJson({ ...e.fields, kind: e.kind }));
      const leaves = texts.map((t) => leafHash(t));
      const nodes: TransparencyNodeTable[] = [];
      frontier = appendLeaves(frontier, leaves, (node, hash) => {
        if (node.level > 0)
          nodes.push({ level: node.level, idx: node.index, hash: hash.toString('hex') });
      });
      await inWriteTransaction(o.db, engine, async (trx) => {
        await insertLeavesAndNodes(trx, {
          entries: entries.map((e, i) => ({
            leaf_index: start + i,
            leaf_hash: leaves[i]!.toString('hex'),
            entry: texts[i]!,
            kind: e.kind,
            subject_id: e.subjectId,
            version_id: null,
          })),
          nodes,
        });
        await saveHead(trx, { size: frontier.size, frontier: frontier.hashes });
      });
    }
    const built = performance.now() - t0;
    await inWriteTransaction(o.db, engine, (trx) =>
      appendToLog(trx, [receivedEntry(count, period)], new Date()),
    );
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const leaf = String(Math.floor(Math.random() * count));
      const t = performance.now();
      await getInclusionProof(o.db, { leaf });
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const [check] = await listEntries(o.db, operatorViewer, { start: count, end: count + 1 });
    console.log(
      `inclusion proof from the store of ${int(count + 1)} leaves on ${engine} (written in ${(built / 1000).toFixed(0)} s): median ${ms(samples[1000]!)}, p95 ${ms(samples[1900]!)}, slowest ${ms(samples.at(-1)!)} over 2,000 random leaves${check ? '' : ' (LAST ENTRY MISSING)'}  [target ≤ 1 ms]`,
    );
  } finally {
    await o.close();
  }
}

/** The transparency benchmarks on each engine. */
export async function benchTransparency(engine: Engine, { verify }: { verify: boolean }) {
  await benchSubmissionCost(engine);
  await benchProofs(engine);
  if (verify) await benchVerify();
}

if (import.meta.main) {
  const only = process.argv[2];
  const engines: Engine[] = process.env.PLENUM_TEST_POSTGRES_URL
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  if (only === 'cost') for (const e of engines) await benchSubmissionCost(e);
  else if (only === 'verify') await benchVerify();
  else if (only === 'proofs') for (const e of engines) await benchProofs(e);
  else for (const [i, e] of engines.entries()) await benchTransparency(e, { verify: i === 0 });
}
