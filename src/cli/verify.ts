/**
 * The offline check of a downloaded transparency log, done by `plenum verify`: every signed tree
 * head is signed by a published key and its root is the Merkle root of the downloaded entries up
 * to its size (so every tree head is consistent with every earlier one: one sequence explains
 * them all), every entry matches its leaf hash, and, against the JSON export of a consultation,
 * every published submission is in the log with the content it was logged with, and every logged
 * submission is published or has a logged rejection; every co-signature the export shows answered
 * is logged with that answer, and every logged answer is in the export. Each problem names the
 * leaf or submission.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { contentOfSubmission, sha256Hex } from '../submissions/fingerprint.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { CompactRange, emptyRoot, frontierRoot, leafHash } from '../transparency/merkle.ts';
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

interface Logged {
  leafIndex: number;
  fields: Record<string, unknown>;
}

/** The latest of two logged entries, by position. */
function later(before: Logged | undefined, next: Logged): Logged {
  return !before || before.leafIndex < next.leafIndex ? next : before;
}

/**
 * The logged entries of one period: each submission's receipt, its last decision (a moderation,
 * or a co-signer's answer, which may move it on), and each co-signer's last answer.
 */
function loggedOf(entries: LogEntry[], periodId: string) {
  const received = new Map<string, Logged>();
  const decided = new Map<string, Logged>();
  const answers = new Map<string, Map<string, Logged>>();
  for (const e of entries) {
    if (e.entry === null) continue;
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(e.entry) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (fields.period !== periodId || typeof fields.submission !== 'string') continue;
    const logged = { leafIndex: e.leafIndex, fields };
    const into = fields.kind === 'received' ? received : decided;
    into.set(fields.submission, later(into.get(fields.submission), logged));
    if (fields.kind === 'cosignature' && typeof fields.organisation === 'string') {
      let bySigner = answers.get(fields.submission);
      if (!bySigner) answers.set(fields.submission, (bySigner = new Map()));
      bySigner.set(fields.organisation, later(bySigner.get(fields.organisation), logged));
    }
  }
  return { received, decided, answers };
}

/**
 * Checks the co-signatures of an exported submission against the answers logged: each answered
 * one is logged with the same answer, none still invited has one, and each logged answer's
 * co-signer is in the export. `strict` is false for a submission received before the log held
 * any answer and with none of its own logged (its answers may all predate their logging, in an
 * installation older than co-signature entries): a missing answer is then a note.
 */
function checkCosignatures(
  s: Submission,
  logged: Map<string, Logged> | undefined,
  strict: boolean,
  { problems, notes }: { problems: string[]; notes: string[] },
): void {
  const shown = new Set<string>();
  for (const c of s.cosigners) {
    const org = c.organisation.id;
    shown.add(org);
    const answer = logged?.get(org);
    if (c.state === 'invited') {
      if (answer)
        problems.push(
          `submission ${s.id}: co-signer ${org} is shown as not having answered, but leaf ${answer.leafIndex} logged it ${String(answer.fields.answer)}`,
        );
    } else if (!answer) {
      if (strict)
        problems.push(
          `submission ${s.id}: co-signer ${org} is shown as ${c.state}, but the log holds no answer of it`,
        );
      else notes.push(`submission ${s.id}: co-signer ${org} answered before answers were logged`);
    } else if (answer.fields.answer !== c.state)
      problems.push(
        `submission ${s.id}: co-signer ${org} is shown as ${c.state}, but leaf ${answer.leafIndex} logged it ${String(answer.fields.answer)}`,
      );
  }
  for (const [org, answer] of logged ?? [])
    if (!shown.has(org))
      problems.push(
        `submission ${s.id}: the answer of co-signer ${org} logged at leaf ${answer.leafIndex} is missing from the export`,
      );
}

const notPublished = new Set(['rejected', 'returned']);

/** How a co-signer's answer is marked in an entry's canonical JSON. */
const cosignatureKind = '"kind":"cosignature"';

/** Checks one export against the log; returns counts for the summary. */
function checkExport(
  exported: ConsultationExport,
  entries: LogEntry[],
  firstCosignature: number,
  { problems, notes }: { problems: string[]; notes: string[] },
): void {
  const periodId = exported.period.id;
  const { received, decided, answers } = loggedOf(entries, periodId);
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
    // Received after the log began to hold answers, or with an answer logged: every answer it
    // had was given once answers were logged, so each must be in the log.
    const strict = logged.leafIndex > firstCosignature || answers.has(s.id);
    checkCosignatures(s, answers.get(s.id), strict, { problems, notes });
    if (s.status !== 'published') continue;
    published.add(s.id);
    const decision = decided.get(s.id);
    const last = decision ?? logged;
    const status = String(last.fields.status);
    if (notPublished.has(status))
      problems.push(
        `submission ${s.id}: published, but the last decision logged (leaf ${last.leafIndex}) is ${status}`,
      );
    else if (status !== 'published' && (strict || status !== 'awaiting_cosigners'))
      problems.push(
        `submission ${s.id}: published, but the log holds no decision that published it (leaf ${last.leafIndex} leaves it ${status.replace('_', ' ')})`,
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

/**
 * Checks a log entry by entry, in one pass and little memory (a million entries are read from a
 * file as they come): each entry against its leaf hash, each signed tree head against the root
 * of the entries up to its size when the log reaches it (so all of them are explained by one
 * sequence, which is their consistency), and at the end the exports against the entries of
 * their periods, the only ones kept.
 */
export class LogVerifier {
  private readonly problems: string[] = [];
  private readonly notes: string[] = [];
  private readonly keys: Map<string, KeyObject>;
  private readonly treeHeads: TreeHead[];
  private readonly exports: ConsultationExport[];
  private readonly periods: string[];
  private readonly kept: LogEntry[] = [];
  private readonly range = new CompactRange();
  private nextHead = 0;
  private lastGood = 0;
  private lastTime = '';
  /** Where the log first holds a co-signer's answer (Infinity while it holds none). */
  private firstCosignature = Number.POSITIVE_INFINITY;

  constructor(given: {
    treeHeads: TreeHead[];
    keys: Pick<LogKey, 'keyId' | 'publicKey'>[];
    exports: ConsultationExport[];
  }) {
    this.keys = keysById(given.keys, this.problems);
    this.treeHeads = given.treeHeads.toSorted((a, b) => a.treeSize - b.treeSize);
    this.exports = given.exports;
    this.periods = given.exports.map((e) => e.period.id);
  }

  /** The next entry of the log (entries must come in order of position). */
  add(e: LogEntry): void {
    const expected = this.range.size;
    if (e.leafIndex !== expected) {
      this.problems.push(
        e.leafIndex < expected
          ? `leaf ${e.leafIndex}: given twice or out of order`
          : `leaves ${expected} to ${e.leafIndex - 1}: missing from the download`,
      );
      if (e.leafIndex < expected) return;
      // The missing leaves are filled with a hash no entry has: roots past the gap fail.
      while (this.range.size < e.leafIndex) this.range.push(emptyRoot);
    }
    const given = Buffer.from(e.leafHash, 'hex');
    if (e.entry !== null) {
      if (!leafHash(e.entry).equals(given))
        this.problems.push(
          `leaf ${e.leafIndex}: its entry is not the entry its leaf hash was made of`,
        );
      if (this.periods.some((id) => e.entry!.includes(id))) this.kept.push(e);
      // Canonical JSON (keys sorted, no spaces): the kind is found without parsing every entry.
      if (this.firstCosignature === Number.POSITIVE_INFINITY && e.entry.includes(cosignatureKind))
        this.firstCosignature = e.leafIndex;
    }
    this.range.push(given);
    while (this.treeHeads[this.nextHead]?.treeSize === this.range.size) {
      this.checkTreeHead(this.treeHeads[this.nextHead]!);
      this.nextHead += 1;
    }
  }

  /** A tree head's signature, time and root, once the log has reached its size. */
  private checkTreeHead(head: TreeHead): void {
    const key = this.keys.get(head.keyId);
    const { signature, ...unsigned } = head;
    if (!key) this.problems.push(`tree head of size ${head.treeSize}: signed by an unknown key`);
    else if (
      !verify(null, Buffer.from(signedText(unsigned)), key, Buffer.from(signature, 'base64'))
    )
      this.problems.push(`tree head of size ${head.treeSize}: its signature is not valid`);
    if (head.timestamp < this.lastTime)
      this.problems.push(`tree head of size ${head.treeSize}: signed before a smaller tree head`);
    this.lastTime = head.timestamp;
    if (frontierRoot(this.range.frontier()).toString('hex') !== head.rootHash) {
      this.problems.push(
        `tree head of size ${head.treeSize}: the entries do not give its root; leaves ${this.lastGood} to ${head.treeSize - 1} were changed, removed or reordered`,
      );
    } else this.lastGood = head.treeSize;
  }

  /** What was found, once every entry was added. */
  finish(): Verdict {
    for (const head of this.treeHeads.slice(this.nextHead))
      this.problems.push(
        `tree head of size ${head.treeSize}: the download stops at ${this.range.size} entries`,
      );
    for (const exported of this.exports)
      checkExport(exported, this.kept, this.firstCosignature, {
        problems: this.problems,
        notes: this.notes,
      });
    return {
      problems: this.problems,
      notes: this.notes,
      entries: this.range.size,
      treeHeads: this.treeHeads.length,
    };
  }
}

/** Checks a downloaded log (all in memory) against its signed tree heads, keys and exports. */
export function verifyDownloadedLog(given: {
  entries: LogEntry[];
  treeHeads: TreeHead[];
  keys: Pick<LogKey, 'keyId' | 'publicKey'>[];
  exports: ConsultationExport[];
}): Verdict {
  const verifier = new LogVerifier(given);
  for (const e of given.entries.toSorted((a, b) => a.leafIndex - b.leafIndex)) verifier.add(e);
  return verifier.finish();
}
