/**
 * Where a comment went, for programs (issue 17, point 3): after Rev.1, a submission's API answer,
 * the JSON and CSV exports give each anchor's history (version, address, selector and outcome:
 * carried, moved, split, merged, lost quote, orphan), and the import report of Rev.1 (what
 * `importFile` answers, the API and the page) counts them and lists every comment orphaned or
 * that lost its quote. Both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  draftParagraphs,
  draftText,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import type { ImportReport } from '../imports/imports.schema.ts';
import { importFile } from '../imports/imports.service.ts';
import { TestClient } from '../test-client.ts';
import type { Submission } from './submissions.schema.ts';
import { moderateSubmission, submitComment } from './submissions.service.ts';

const now = new Date('2026-06-01T12:00:00Z');

/**
 * Rev.1 of the built draft: a paragraph inserted after para 1, para 2 rewritten so its quoted
 * words are gone, para 4 deleted, para 5 split in two, paras 6 and 7 merged, para 9 moved to the
 * end; the others kept word for word.
 */
function revisedParagraphs(): string[] {
  const p = draftParagraphs;
  return [
    p[0]!,
    'The Group underlines that the Internet is a global resource.',
    'The Group notes the importance of the general availability and integrity of the worldwide networks that everyone relies upon.',
    p[2]!,
    // Para 5, its words cut in two paragraphs.
    'Capacity-building should be demand-driven,',
    'sustainable and gender-sensitive.',
    `${p[5]!.slice(0, -1)}, and the Group welcomes the participation of stakeholders in its informal consultations.`,
    p[7]!,
    p[9]!,
    p[10]!,
    p[11]!,
    p[8]!,
  ];
}

for (const engine of testEngines()) {
  describe(`anchor history after a revision (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let rev1: ImportReport;
    const ids: Record<string, string> = {};

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      app = createApp({ db: o.db, engine, now: () => now });
      let n = 0;
      const submit = async (name: string, address: string, exact?: string): Promise<void> => {
        n += 1;
        const blockId = await paragraphBlock(o.db, built.versionId, address);
        const receipt = await o.db.transaction().execute((trx) =>
          submitComment(
            trx,
            representativeViewer(built, 'civil'),
            built.period.id,
            {
              organisationId: built.organisations.civil.id,
              body: `Comment ${name} on ${address}.`,
              idempotencyKey: `anchor-history-${n}`,
              anchors: [{ blockId, ...(exact ? { exact } : {}) }],
            },
            [],
            now,
          ),
        );
        ids[name] = receipt.submissionId;
      };
      await submit('kept', 'para 3', 'should not conduct');
      await submit('lostQuote', 'para 2', 'public core of the Internet');
      await submit('orphan', 'para 4');
      await submit('split', 'para 5');
      await submit('merged', 'para 7');
      await submit('moved', 'para 9');
      await submit('unchanged', 'para 1');
      // A rejected comment is not listed in the report (only published comments are).
      await submit('rejected', 'para 4');
      await o.db
        .transaction()
        .execute((trx) =>
          moderateSubmission(
            trx,
            operatorViewer,
            ids.rejected!,
            { action: 'reject', reason: 'spam' },
            now,
          ),
        );
      rev1 = await importFile(o.db, new TextEncoder().encode(draftText(revisedParagraphs())), {
        process: 'twg',
        document: built.documentId,
        version: 'Rev.1',
        language: 'en',
        format: 'text',
      });
    });
    after(() => o?.close());

    const submission = async (name: string): Promise<Submission> => {
      const res = await app.request(`/api/submissions/${ids[name]}`);
      assert.equal(res.status, 200);
      return ((await res.json()) as { submission: Submission }).submission;
    };

    test('the API answer gives each anchor its step in Rev.1 with the outcome', async () => {
      const expected: Record<string, [string | null, string]> = {
        kept: ['para 4', 'carried'],
        unchanged: ['para 1', 'carried'],
        lostQuote: ['para 3', 'lost_quote'],
        orphan: [null, 'orphan'],
        split: ['para 5', 'split'],
        merged: ['para 7', 'merged'],
        moved: ['para 12', 'moved'],
      };
      for (const [name, [address, outcome]] of Object.entries(expected)) {
        const [anchor] = (await submission(name)).anchors;
        assert.equal(anchor?.history.length, 1, name);
        const step = anchor.history[0]!;
        assert.deepEqual(
          [step.versionId, step.versionSeq, step.versionLabel, step.address, step.outcome],
          [rev1.ids.version, 2, 'Rev.1', address, outcome],
          name,
        );
        assert.equal(step.blockId === null, outcome === 'orphan', name);
      }
      // A quote found again has its selector in Rev.1; a lost one has none.
      const kept = (await submission('kept')).anchors[0]!.history[0]!;
      assert.equal(kept.selector?.textQuote.exact, 'should not conduct');
      assert.equal(kept.selector?.textQuote.prefix, 'States ');
      assert.deepEqual(
        [kept.selector?.textPosition.start, kept.selector?.textPosition.end],
        [7, 25],
      );
      assert.equal((await submission('lostQuote')).anchors[0]!.history[0]!.selector, null);
    });

    test('the JSON and CSV exports carry the same history', async () => {
      const reader = new TestClient(app);
      const exported = (await (
        await reader.get(`/consultations/${built.period.id}/submissions.json`)
      ).json()) as { submissions: Submission[] };
      const byId = new Map(exported.submissions.map((s) => [s.id, s]));
      for (const name of ['kept', 'orphan', 'split', 'merged', 'moved', 'lostQuote'])
        assert.deepEqual(byId.get(ids[name]!)?.anchors, (await submission(name)).anchors, name);

      const csv = await (
        await reader.get(`/consultations/${built.period.id}/submissions.csv`)
      ).text();
      const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
      assert.match(header!, /,anchor_history$/);
      const line = (name: string) => lines.find((l) => l.startsWith(`${ids[name]},`)) ?? '';
      assert.match(line('moved'), /,para 9 → Rev\.1: para 12 \(moved\)$/);
      assert.match(line('orphan'), /,para 4 → Rev\.1: — \(orphan\)$/);
      assert.match(line('lostQuote'), /,para 2 → Rev\.1: para 3 \(lost quote\)$/);
    });

    test('the import report of Rev.1 counts the outcomes and lists every comment that lost its place', async () => {
      const expected = {
        from: { versionSeq: 1, versionLabel: 'Zero draft' },
        anchors: 7,
        counts: { carried: 2, moved: 1, split: 1, merged: 1, lostQuote: 1, orphan: 1 },
        lost: [
          {
            submissionId: ids.lostQuote!,
            outcome: 'lost_quote',
            fromAddress: 'para 2',
            address: 'para 3',
            exact: 'public core of the Internet',
          },
          {
            submissionId: ids.orphan!,
            outcome: 'orphan',
            fromAddress: 'para 4',
            address: null,
            exact: null,
          },
        ].toSorted((a, b) => (a.submissionId < b.submissionId ? -1 : 1)),
      };
      assert.deepEqual(rev1.carried, expected, 'what the import answers (plenum import --json)');
      const api = (await (
        await app.request(`/api/language-versions/${rev1.ids.languageVersion}`)
      ).json()) as { importReport: ImportReport };
      assert.deepEqual(api.importReport.carried, expected, 'the API');

      const page = await (
        await new TestClient(app).get(`/documents/${built.documentId}/v/2/en/import-report`)
      ).text();
      assert.match(page, /Comments carried from Zero draft \(7\)/);
      assert.match(
        page,
        /2 carried to the paragraph their paragraph became, 1 moved, 1 on a paragraph that was split/,
      );
      assert.match(page, /Comments orphaned or that lost their quote \(2\)/);
      assert.ok(page.includes(`/submissions/${ids.orphan}`), 'the orphan is linked');
      assert.ok(page.includes(`/submissions/${ids.lostQuote}`), 'the lost quote is linked');
      assert.ok(!page.includes(`/submissions/${ids.rejected}`), 'a rejected comment is not listed');

      // The first version's report has nothing carried.
      const { id: firstLv } = await o.db
        .selectFrom('language_versions')
        .select('id')
        .where('version_id', '=', built.versionId)
        .executeTakeFirstOrThrow();
      const first = (await (await app.request(`/api/language-versions/${firstLv}`)).json()) as {
        importReport: ImportReport;
      };
      assert.equal(first.importReport.carried, null);
    });
  });
}
