/**
 * The offline check of a downloaded transparency log, done by `plenum verify`: every signed tree
 * head is signed by a published key and its root is the Merkle root of the downloaded entries up
 * to its size (so every tree head is consistent with every earlier one: one sequence explains
 * them all), every entry matches its leaf hash, and, against the JSON export of a consultation,
 * every published submission is in the log with the content it was logged with, and every logged
 * submission is published or has a logged rejection. Each problem names the leaf or submission.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { contentOfSubmission, sha256Hex } from '../submissions/fingerprint.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { appendLeaves, emptyFrontier, frontierRoot, leafHash } from '../transparency/merkle.ts';
import {
  signedText,
  type LogEntry,
  type LogKey,
  type TreeHead,
} from '../transparency/transparency.schema.ts';

/** A consultation's export, as `/consultations/:id/submissions.json` gives it. */
export interface ConsultationExport {
  period: { id: string };
  submissions: Submission[];
}

/** What the check found: problems (each names an entry or a submission) and what it counted. */
export interface Verdict {
  problems: string[];
  notes: string[];
  entries: number;
  treeHeads: number;
}

/** The signing keys by id, each checked against its id (SHA-256 of its DER). */
function keysById(keys: Pick<LogKey, 'keyId' | 'publicKey'>[], problems: string[]) {
  const byId = new Map<string, KeyObject>();
  for (const key of keys) {
    const der = Buffer.from(key.publicKey, 'base64');
    if (createHash('sha256').update(der).digest('hex') !== key.keyId) {
      problems.push(`key ${key.keyId}: its id is not the SHA-256 of the key`);
      continue;
    }
    byId.set(key.keyId, createPublicKey({ key: der, format: 'der', type: 'spki' }));
  }
  return byId;
}

/** The leaf hashes of the entries, in order; a gap, or an entry that is not its hash, is a problem. */
function leafHashesOf(entries: LogEntry[], problems: string[]): Buffer[] {
  const sorted = entries.toSorted((a, b) => a.leafIndex - b.leafIndex);
  const leaves: Buffer[] = [];
  for (const e of sorted) {
    if (e.leafIndex !== leaves.length) {
      problems.push(
        e.leafIndex < leaves.length
          ? `leaf ${e.leafIndex}: given twice`
          : `leaves ${leaves.length} to ${e.leafIndex - 1}: missing from the download`,
      );
      if (e.leafIndex < leaves.length) continue;
      break;
    }
    const given = Buffer.from(e.leafHash, 'hex');
    if (e.entry !== null && !leafHash(e.entry).equals(given))
      problems.push(`leaf ${e.leafIndex}: its entry is not the entry its leaf hash was made of`);
    leaves.push(given);
  }
  return leaves;
}

/**
 * Checks every tree head's signature and recomputes its root from the leaves, in size order: a
 * root that differs names the range of leaves where the log was changed.
 */
function checkTreeHeads(
  {
    treeHeads,
    leaves,
    keys,
  }: { treeHeads: TreeHead[]; leaves: Buffer[]; keys: Map<string, KeyObject> },
  problems: string[],
): void {
  let frontier = emptyFrontier;
  let lastGood = 0;
  let lastTime = '';
  for (const head of treeHeads.toSorted((a, b) => a.treeSize - b.treeSize)) {
    const key = keys.get(head.keyId);
    const { signature, ...unsigned } = head;
    if (!key) problems.push(`tree head of size ${head.treeSize}: signed by an unknown key`);
    else if (
      !verify(null, Buffer.from(signedText(unsigned)), key, Buffer.from(signature, 'base64'))
    )
      problems.push(`tree head of size ${head.treeSize}: its signature is not valid`);
    if (head.timestamp < lastTime)
      problems.push(`tree head of size ${head.treeSize}: signed before a smaller tree head`);
    lastTime = head.timestamp;
    if (head.treeSize > leaves.length) {
      problems.push(
        `tree head of size ${head.treeSize}: the download stops at ${leaves.length} entries`,
      );
      continue;
    }
    frontier = appendLeaves(frontier, leaves.slice(frontier.size, head.treeSize));
    if (frontierRoot(frontier).toString('hex') !== head.rootHash) {
      problems.push(
        `tree head of size ${head.treeSize}: the entries do not give its root; leaves ${lastGood} to ${head.treeSize - 1} were changed, removed or reordered`,
      );
    } else lastGood = head.treeSize;
  }
}

interface Logged {
  leafIndex: number;
  fields: Record<string, unknown>;
}

/** The logged entries of one period: each submission's receipt and its last decision. */
function loggedOf(entries: LogEntry[], periodId: string) {
  const received = new Map<string, Logged>();
  const decided = new Map<string, Logged>();
  for (const e of entries) {
    if (e.entry === null) continue;
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(e.entry) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (fields.period !== periodId || typeof fields.submission !== 'string') continue;
    const into = fields.kind === 'received' ? received : decided;
    const before = into.get(fields.submission);
    if (!before || before.leafIndex < e.leafIndex)
      into.set(fields.submission, { leafIndex: e.leafIndex, fields });
  }
  return { received, decided };
}

const notPublished = new Set(['rejected', 'returned']);

/** Checks one export against the log; returns counts for the summary. */
function checkExport(
  exported: ConsultationExport,
  entries: LogEntry[],
  { problems, notes }: { problems: string[]; notes: string[] },
): void {
  const periodId = exported.period.id;
  const { received, decided } = loggedOf(entries, periodId);
  const published = new Set<string>();
  for (const s of exported.submissions) {
    const sha = sha256Hex(contentOfSubmission(s));
    if (sha !== s.contentSha256)
      problems.push(
        `submission ${s.id}: its content is not the content its fingerprint was made of`,
      );
    const logged = received.get(s.id);
    if (!logged) {
      if (s.fingerprintVersion === 1) notes.push(`submission ${s.id}: received before the log`);
      else problems.push(`submission ${s.id}: in the export but not in the log`);
      continue;
    }
    if (logged.fields.contentSha256 !== sha)
      problems.push(
        `submission ${s.id}: its content differs from the content logged at leaf ${logged.leafIndex}`,
      );
    if (logged.fields.receivedAt !== s.receivedAt)
      problems.push(
        `submission ${s.id}: its received-at instant differs from leaf ${logged.leafIndex}`,
      );
    if (s.status !== 'published') continue;
    published.add(s.id);
    const decision = decided.get(s.id);
    if (decision && notPublished.has(decision.fields.status as string))
      problems.push(
        `submission ${s.id}: published, but the last decision logged (leaf ${decision.leafIndex}) is ${String(decision.fields.status)}`,
      );
  }
  let rejected = 0;
  let pending = 0;
  for (const [id, logged] of received) {
    if (published.has(id)) continue;
    const decision = decided.get(id);
    const status = (decision?.fields.status ?? logged.fields.status) as string;
    if (notPublished.has(status)) rejected += 1;
    else if (status === 'published')
      problems.push(
        `submission ${id} (leaf ${decision?.leafIndex ?? logged.leafIndex}): logged as published, missing from the export`,
      );
    else pending += 1;
  }
  notes.push(
    `period ${periodId}: ${published.size} published and in the log, ${rejected} rejected or returned (logged), ${pending} awaiting a decision`,
  );
}

/** Checks a downloaded log against its signed tree heads, its keys and consultation exports. */
export function verifyDownloadedLog(given: {
  entries: LogEntry[];
  treeHeads: TreeHead[];
  keys: Pick<LogKey, 'keyId' | 'publicKey'>[];
  exports: ConsultationExport[];
}): Verdict {
  const problems: string[] = [];
  const notes: string[] = [];
  const keys = keysById(given.keys, problems);
  const leaves = leafHashesOf(given.entries, problems);
  checkTreeHeads({ treeHeads: given.treeHeads, leaves, keys }, problems);
  for (const exported of given.exports) checkExport(exported, given.entries, { problems, notes });
  return { problems, notes, entries: leaves.length, treeHeads: given.treeHeads.length };
}
