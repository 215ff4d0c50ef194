/**
 * The transparency log through the group commit, moderation and the public API, on both engines:
 * receipts' proofs verify against their signed tree heads, tree heads are signed and consistent,
 * entries about a draft in preparation show only their hash to outsiders, and two app instances
 * appending at once on PostgreSQL keep one tree.
 */
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { buildHiddenDocument } from '../consultations/hidden-document.builder.ts';
import { inWriteTransaction, openDatabase, type OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { SubmissionQueue } from '../submissions/submission-queue.ts';
import { moderateSubmission } from '../submissions/submissions.service.ts';
import type { Receipt } from '../submissions/submissions.schema.ts';
import { TestClient } from '../test-client.ts';
import { leafHash, rootOfLeaves, verifyConsistency, verifyInclusion } from './merkle.ts';
import {
  signedText,
  type Consistency,
  type InclusionProof,
  type LogEntry,
  type LogKey,
  type TreeHead,
} from './transparency.schema.ts';
import { transparencyFollower } from './transparency.follower.ts';
import { listEntries, listTreeHeads } from './transparency.service.ts';

const unhex = (h: string) => Buffer.from(h, 'hex');

/** True when the inclusion (of a receipt or the proof endpoint) proves this leaf hash. */
function proves(inclusion: InclusionProof, hash: Buffer): boolean {
  return verifyInclusion({
    leafIndex: inclusion.leafIndex,
    treeSize: inclusion.treeHead.treeSize,
    leafHash: hash,
    proof: inclusion.auditPath.map(unhex),
    root: unhex(inclusion.treeHead.rootHash),
  });
}

/** True when the tree head is signed by one of the keys. */
function signedBy(head: TreeHead, keys: LogKey[]): boolean {
  const key = keys.find((k) => k.keyId === head.keyId);
  if (!key) return false;
  const { signature, ...unsigned } = head;
  return verify(
    null,
    Buffer.from(signedText(unsigned)),
    createPublicKey(key.pem),
    Buffer.from(signature, 'base64'),
  );
}

/** Every signed tree head is the root of the prefix of the log's leaves it claims. */
async function checkOneTree(o: OpenDatabase): Promise<{ size: number }> {
  const entries = await listEntries(o.db, operatorViewer, { start: 0 });
  entries.forEach((e, i) => assert.equal(e.leafIndex, i, 'positions are contiguous from 0'));
  const leaves = entries.map((e) => leafHash(e.entry!));
  entries.forEach((e, i) => assert.equal(e.leafHash, leaves[i]!.toString('hex')));
  const { treeHeads } = await listTreeHeads(o.db, { limit: 1000 });
  for (const head of treeHeads)
    assert.equal(
      head.rootHash,
      rootOfLeaves(leaves.slice(0, head.treeSize)).toString('hex'),
      `the tree head of size ${head.treeSize}`,
    );
  assert.equal(treeHeads[0]?.treeSize, entries.length, 'the latest tree head holds every entry');
  return { size: entries.length };
}

for (const engine of testEngines()) {
  describe(`the transparency log (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    let app: ReturnType<typeof createApp>;
    const now = new Date('2026-06-01T12:00:00Z');
    const receipts: Receipt[] = [];

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'review' });
      civil = representativeViewer(built, 'civil', 'token');
      app = createApp({ db: o.db, engine, now: () => now });
      const queue = new SubmissionQueue(o.db, engine);
      // Two groups: the second appends to a tree that already has entries.
      for (const group of [0, 1]) {
        const sent = Array.from({ length: 13 }, (_, i) =>
          queue.submit(
            civil,
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: `Comment ${group}-${i} on the public core.`,
              idempotencyKey: `transparency-${group}-${i}`,
            },
            [],
            now,
          ),
        );
        receipts.push(...(await Promise.all(sent)));
      }
    });
    after(async () => o.close());

    test('each receipt carries its entry, the signed tree head of its group and a proof that verifies', async () => {
      const keys = (
        (await (await app.request('/api/transparency/key')).json()) as { keys: LogKey[] }
      ).keys;
      assert.equal(keys.length, 1);
      for (const receipt of receipts) {
        const log = receipt.transparency!;
        const entry = JSON.parse(log.entry) as Record<string, unknown>;
        assert.deepEqual(entry, {
          kind: 'received',
          submission: receipt.submissionId,
          receivedAt: receipt.receivedAt,
          period: built.period.id,
          contentSha256: receipt.contentSha256,
          status: 'in_review',
        });
        assert.ok(proves(log, leafHash(log.entry)), `leaf ${log.leafIndex}`);
        assert.ok(!proves(log, leafHash(log.entry.replace('in_review', 'published'))));
        assert.ok(signedBy(log.treeHead, keys));
        // The fingerprint covers the id and the instant.
        assert.equal(receipt.fingerprintVersion, 2);
        assert.ok(receipt.content.includes(`"id":"${receipt.submissionId}"`));
        assert.ok(receipt.content.includes(`"receivedAt":"${receipt.receivedAt}"`));
      }
      assert.equal(new Set(receipts.map((r) => r.transparency!.leafIndex)).size, receipts.length);
      assert.equal(new Set(receipts.map((r) => r.transparency!.treeHead.treeSize)).size, 2);
    });

    test('the receipt page and a replay give the same inclusion as the first receipt', async () => {
      const first = receipts[3]!;
      const replay = await new SubmissionQueue(o.db, engine).submit(
        civil,
        built.period.id,
        {
          organisationId: built.organisations.civil.id,
          body: 'Comment 0-3 on the public core.',
          idempotencyKey: 'transparency-0-3',
        },
        [],
        now,
      );
      assert.equal(replay.replayed, true);
      assert.deepEqual(replay.transparency, first.transparency);
      assert.equal(replay.contentSha256, first.contentSha256);
      const client = await signedIn(app, built, 'civil');
      const page = await client.get(`/submissions/${first.submissionId}/receipt`);
      assert.equal(page.status, 200);
      const text = await page.text();
      for (const hash of first.transparency!.auditPath) assert.ok(text.includes(hash));
    });

    test('a moderation decision is logged with its reason, and the tree stays one', async () => {
      const target = receipts[0]!;
      await inWriteTransaction(o.db, engine, (trx) =>
        moderateSubmission(
          trx,
          { ...operatorViewer },
          target.submissionId,
          { action: 'reject', reason: 'off_topic' },
          now,
        ),
      );
      const head = (await (await app.request('/api/transparency/tree-head')).json()) as TreeHead;
      const [last] = await listEntries(o.db, operatorViewer, { start: head.treeSize - 1 });
      assert.deepEqual(JSON.parse(last!.entry!), {
        kind: 'moderated',
        submission: target.submissionId,
        receivedAt: target.receivedAt,
        period: built.period.id,
        contentSha256: target.contentSha256,
        status: 'rejected',
        reason: 'off_topic',
        at: now.toISOString(),
      });
      await checkOneTree(o);
    });

    test('the API gives inclusion proofs by position and by hash, and consistency between tree heads', async () => {
      const { treeHeads } = (await (await app.request('/api/transparency/tree-heads')).json()) as {
        treeHeads: TreeHead[];
      };
      const latest = treeHeads[0]!;
      const oldest = treeHeads.at(-1)!;
      const log = receipts[20]!.transparency!;
      for (const leaf of [String(log.leafIndex), log.leafHash]) {
        const res = await app.request(`/api/transparency/proof?leaf=${leaf}`);
        assert.equal(res.status, 200);
        const proof = (await res.json()) as InclusionProof;
        assert.equal(proof.treeHead.treeSize, latest.treeSize);
        assert.ok(proves(proof, unhex(log.leafHash)));
      }
      const res = await app.request(
        `/api/transparency/consistency?first=${oldest.treeSize}&second=${latest.treeSize}`,
      );
      const consistency = (await res.json()) as Consistency;
      const check = (secondRoot: string) =>
        verifyConsistency({
          first: oldest.treeSize,
          second: latest.treeSize,
          firstRoot: unhex(oldest.rootHash),
          secondRoot: unhex(secondRoot),
          proof: consistency.proof.map(unhex),
        });
      assert.ok(check(latest.rootHash));
      assert.ok(!check(oldest.rootHash));
      for (const path of [
        '/api/transparency/proof?leaf=99999',
        `/api/transparency/proof?leaf=0&size=${latest.treeSize + 5}`,
        '/api/transparency/consistency?first=1&second=99999',
      ])
        assert.equal((await app.request(path)).status, 404, path);
      for (const path of [
        '/api/transparency/proof?leaf=not-a-leaf',
        '/api/transparency/entries?start=-1',
        '/api/transparency/entries?start=5&end=2',
        '/api/transparency/consistency?first=9&second=3',
      ])
        assert.equal((await app.request(path)).status, 400, path);
    });

    test('a proof by hash finds entries the follower has not indexed yet; the follower indexes each once', async () => {
      // The hash rows are written after the receipt's commit: here none is written yet.
      await o.db.deleteFrom('transparency_leaf_hashes').execute();
      await o.db.updateTable('transparency_hash_progress').set({ indexed_size: 0 }).execute();
      const hashRows = async () =>
        o.db
          .selectFrom('transparency_leaf_hashes')
          .select(['leaf_hash', 'leaf_index'])
          .orderBy('leaf_index')
          .execute();
      const proofByHash = async (hash: string) => {
        const res = await app.request(`/api/transparency/proof?leaf=${hash}`);
        assert.equal(res.status, 200, hash);
        return (await res.json()) as InclusionProof;
      };
      for (const receipt of [receipts[0]!, receipts[25]!]) {
        const log = receipt.transparency!;
        assert.equal((await proofByHash(log.leafHash)).leafIndex, log.leafIndex);
      }
      const entries = await listEntries(o.db, operatorViewer, { start: 0 });
      const index = () =>
        inWriteTransaction(o.db, engine, (trx) => transparencyFollower.handle(trx, [], now));
      await index();
      const rows = await hashRows();
      assert.deepEqual(
        rows.map((r) => [r.leaf_hash, Number(r.leaf_index)]),
        entries.map((e) => [e.leafHash, e.leafIndex]),
      );
      await index();
      assert.equal((await hashRows()).length, entries.length, 'indexed once');
      // Found through the table now, and refused when no entry has the hash.
      const log = receipts[7]!.transparency!;
      assert.equal((await proofByHash(log.leafHash)).leafIndex, log.leafIndex);
      const unknown = 'ab'.repeat(32);
      assert.equal((await app.request(`/api/transparency/proof?leaf=${unknown}`)).status, 404);
    });

    test('every proof verifies from the store: nodes below level 4 are made from their leaves, as before when stored', async () => {
      const { treeHeads } = (await (await app.request('/api/transparency/tree-heads')).json()) as {
        treeHeads: TreeHead[];
      };
      const entries = await listEntries(o.db, operatorViewer, { start: 0 });
      const every = async (label: string) => {
        for (const head of treeHeads) {
          for (let leaf = 0; leaf < head.treeSize; leaf++) {
            const res = await app.request(
              `/api/transparency/proof?leaf=${leaf}&size=${head.treeSize}`,
            );
            assert.equal(res.status, 200, `${label}: leaf ${leaf} of ${head.treeSize}`);
            const proof = (await res.json()) as InclusionProof;
            assert.equal(proof.treeHead.rootHash, head.rootHash);
            assert.ok(
              proves(proof, unhex(entries[leaf]!.leafHash)),
              `${label}: leaf ${leaf} in the tree head of size ${head.treeSize}`,
            );
          }
          for (const first of treeHeads.filter((h) => h.treeSize < head.treeSize)) {
            const res = await app.request(
              `/api/transparency/consistency?first=${first.treeSize}&second=${head.treeSize}`,
            );
            const { proof } = (await res.json()) as Consistency;
            assert.ok(
              verifyConsistency({
                first: first.treeSize,
                second: head.treeSize,
                firstRoot: unhex(first.rootHash),
                secondRoot: unhex(head.rootHash),
                proof: proof.map(unhex),
              }),
              `${label}: ${first.treeSize} to ${head.treeSize}`,
            );
          }
        }
      };
      assert.ok(treeHeads[0]!.treeSize > 16, 'a tree with a stored node of level 4');
      const levels = await o.db
        .selectFrom('transparency_nodes')
        .select('level')
        .distinct()
        .execute();
      assert.ok(levels.length > 0);
      assert.ok(
        levels.every((r) => Number(r.level) >= 4),
        'appends store no node below level 4',
      );
      await every('low nodes made from leaves');
      // A log written before kept every level: the stored low nodes serve the same proofs.
      const leaves = entries.map((e) => unhex(e.leafHash));
      const low = [];
      for (let level = 1; level < 4; level++)
        for (let index = 0; (index + 1) * 2 ** level <= leaves.length; index++)
          low.push({
            level,
            idx: index,
            hash: rootOfLeaves(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)).toString(
              'hex',
            ),
          });
      await o.db.insertInto('transparency_nodes').values(low).execute();
      await every('low nodes stored');
      await o.db.deleteFrom('transparency_nodes').where('level', '<', 4).execute();
    });

    test('the page, the feed and the entries are public; a draft in preparation shows only hashes', async () => {
      const hidden = await buildHiddenDocument(o.db, engine, built, now);
      const entriesOf = async (client: TestClient) =>
        (
          (await (await client.get('/api/transparency/entries?start=0')).json()) as {
            entries: LogEntry[];
          }
        ).entries;
      const outsider = await entriesOf(new TestClient(app));
      const staff = await entriesOf(await signedIn(app, built, 'secretariat'));
      assert.equal(outsider.length, staff.length);
      const about = (e: LogEntry) => e.entry?.includes(hidden.submissionId) ?? false;
      assert.ok(staff.some(about), 'the staff read the entry about the hidden submission');
      assert.ok(!outsider.some(about), 'outsiders do not');
      assert.ok(!JSON.stringify(outsider).includes(hidden.periodId));
      const redacted = outsider.filter((e) => e.entry === null);
      assert.ok(redacted.length > 0);
      for (const e of redacted) assert.equal(staff[e.leafIndex]!.leafHash, e.leafHash);

      const page = await app.request('/transparency');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /plenum verify/);
      const arabic = await app.request('/transparency', { headers: { 'accept-language': 'ar' } });
      assert.match(await arabic.text(), /dir="rtl"/);
      const feed = await app.request('/transparency/tree-heads.atom');
      assert.equal(feed.status, 200);
      const xml = await feed.text();
      const { treeHeads } = await listTreeHeads(o.db, { limit: 5 });
      assert.ok(xml.includes(treeHeads[0]!.rootHash));
    });

    if (engine === 'postgres') {
      test('two app instances appending at once keep one consistent tree', async () => {
        const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(o.db))
          .rows[0]!.s;
        const second = await openDatabase(process.env.PLENUM_TEST_POSTGRES_URL!, {
          pgSchema: schema,
          pgPoolSize: 4,
        });
        try {
          const queues = [
            new SubmissionQueue(o.db, engine),
            new SubmissionQueue(second.db, engine),
          ];
          const before = await checkOneTree(o);
          const sent = Array.from({ length: 120 }, (_, i) =>
            queues[i % 2]!.submit(
              civil,
              built.period.id,
              {
                organisationId: built.organisations.civil.id,
                body: `Concurrent comment ${i}.`,
                idempotencyKey: `concurrent-${i}`,
              },
              [],
              now,
            ),
          );
          const got = await Promise.all(sent);
          const after = await checkOneTree(o);
          assert.equal(after.size, before.size + 120);
          for (const receipt of got) {
            const log = receipt.transparency!;
            assert.ok(proves(log, leafHash(log.entry)));
          }
        } finally {
          await second.close();
        }
      });
    }
  });
}
