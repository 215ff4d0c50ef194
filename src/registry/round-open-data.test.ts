/**
 * A round's open-data ZIP (issue 16, point 5), on both engines: the secretariat's alone before
 * publication (drafts included, marked), anyone's after (submitted answers only); read back, it
 * holds the answers as CSV and JSON, the declared measures as CSV and JSON, a README and a
 * Frictionless datapackage.json whose every resource is a file of the ZIP with the CSV's columns.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { TestClient } from '../test-client.ts';
import { publishRound, saveAnswer } from './rounds.service.ts';
import { openTestRound, verifiedGovernment } from './round.builder.ts';

for (const engine of testEngines()) {
  describe(`a round's open-data ZIP (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let roundId = '';
    let clock = new Date('2026-06-10T12:00:00Z');
    let app: ReturnType<typeof createApp>;
    let secretary: TestClient;
    const zipPath = () => `/registry/rounds/${roundId}/open-data.zip`;
    const readZip = async (res: Response) => {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/zip');
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename=".*\.zip"/);
      return JSZip.loadAsync(await res.arrayBuffer());
    };
    const text = async (zip: JSZip, path: string) => {
      const file = zip.file(path);
      assert.ok(file, `${path} is in the ZIP`);
      return file.async('string');
    };

    /** Brazil's answer: a draft, or sent with `submit`; its plans start with a formula's = sign. */
    const brazilAnswer = (extra: Record<string, unknown> = {}) => ({
      organisationId: built.organisations.government.id,
      language: 'pt',
      answers: { plans: '=Nenhum plano novo.' },
      measures: [
        {
          title: 'Lei da raiz nacional',
          titleLanguage: 'pt',
          titleTranslations: { en: 'National root act' },
          instrument: 'law',
          status: 'adopted',
          statusDates: { adopted: '2026-03-01' },
          elements: ['naming-numbering'],
          kinds: ['national-root'],
          source: { documentId: built.documentId, paragraphs: ['para 4'] },
        },
      ],
      ...extra,
    });

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      government = await verifiedGovernment(o.db, built);
      app = createApp({ db: o.db, engine, now: () => clock });
      roundId = (
        await openTestRound(o.db, built, {
          questions: [
            { key: 'plans', texts: { en: 'What do you plan?', fr: 'Que prévoyez-vous ?' } },
          ],
        })
      ).id;
      await o.db
        .transaction()
        .execute((trx) => saveAnswer(trx, government, roundId, brazilAnswer(), clock));
      secretary = new TestClient(app);
      await secretary.signIn(built.accounts.secretariat.email, builtPassword);
    });
    after(() => o.close());

    test('before publication only the secretariat gets it, the draft marked as a draft', async () => {
      assert.equal((await app.request(zipPath())).status, 401);
      const civil = new TestClient(app);
      await civil.signIn(built.accounts.civil.email, builtPassword);
      assert.equal((await civil.get(zipPath())).status, 403);
      const zip = await readZip(await secretary.get(zipPath()));
      const answers = JSON.parse(await text(zip, 'answers.json')) as {
        answers: { country: string; status: string }[];
      };
      assert.deepEqual(
        answers.answers.map((a) => [a.country, a.status]),
        [['BRA', 'draft']],
      );
      assert.match(await text(zip, 'README.md'), /Not yet published/);
      // The round page links to it.
      assert.match(
        await (await secretary.get(`/registry/rounds/${roundId}`)).text(),
        /open-data\.zip/,
      );
    });

    test('after publication anyone reads it back: answers, measures, README, datapackage.json', async () => {
      await o.db
        .transaction()
        .execute((trx) =>
          saveAnswer(trx, government, roundId, brazilAnswer({ submit: true }), clock),
        );
      clock = new Date('2026-07-01T09:00:00Z');
      await o.db.transaction().execute((trx) => publishRound(trx, operatorViewer, roundId, clock));
      const zip = await readZip(await app.request(zipPath()));
      const names = Object.keys(zip.files).toSorted();
      assert.deepEqual(names, [
        'README.md',
        'answers.csv',
        'answers.json',
        'datapackage.json',
        'files.csv',
        'measures.csv',
        'measures.json',
      ]);
      const pkg = JSON.parse(await text(zip, 'datapackage.json')) as {
        name: string;
        resources: { name: string; path: string; schema?: { fields: { name: string }[] } }[];
      };
      assert.equal(pkg.name, `plenum-round-${roundId}`);
      for (const resource of pkg.resources) {
        assert.ok(names.includes(resource.path), `${resource.path} is in the ZIP`);
        assert.match(resource.name, /^[a-z0-9._-]+$/, 'a Frictionless resource name');
        if (resource.schema) {
          const header = (await text(zip, resource.path)).split('\r\n')[0]!;
          assert.deepEqual(
            header.split(','),
            resource.schema.fields.map((f) => f.name),
            `${resource.path}: the columns the descriptor names`,
          );
        }
      }
      const answersCsv = await text(zip, 'answers.csv');
      assert.ok(!answersCsv.startsWith('\uFEFF'), 'UTF-8 without a byte-order mark, as described');
      const row = answersCsv.split('\r\n')[1]!;
      assert.match(row, /^BRA,076,/);
      assert.match(row, /,submitted,2026-06-10T12:00:00.000Z,[0-9a-f]{64},'=Nenhum plano novo\./);
      const measuresCsv = (await text(zip, 'measures.csv')).split('\r\n');
      assert.equal(measuresCsv.filter(Boolean).length, 2, 'a header and one measure');
      assert.match(
        measuresCsv[1]!,
        /^BRA,076,[^,]+,submitted,1,Lei da raiz nacional,pt,,,National root act,/,
      );
      assert.match(measuresCsv[1]!, /,national-root,none,[0-9a-f-]{36},para 4,$/);
      const measures = JSON.parse(await text(zip, 'measures.json')) as { title: string }[];
      assert.deepEqual(
        measures.map((m) => m.title),
        ['Lei da raiz nacional'],
      );
      const answers = JSON.parse(await text(zip, 'answers.json')) as {
        round: { questions: { texts: Record<string, string> }[] };
        answers: { status: string; receiptSha256: string }[];
      };
      assert.equal(answers.round.questions[0]!.texts.fr, 'Que prévoyez-vous ?');
      assert.equal(answers.answers[0]!.status, 'submitted');
      assert.match(answers.answers[0]!.receiptSha256, /^[0-9a-f]{64}$/);
      assert.match(await text(zip, 'README.md'), /Published 2026-07-01T09:00:00.000Z/);
      // The page links to it for everyone now.
      assert.match(
        await (await app.request(`/registry/rounds/${roundId}`)).text(),
        /open-data\.zip/,
      );
    });
  });
}
