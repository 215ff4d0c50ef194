/**
 * Legal texts attached to a round's answer (issue 16, point 3), on both engines: the answer form
 * has a file field with its limits beside it; a PDF, a DOCX, an ODT, UTF-8 text or HTML is kept
 * with the draft, listed with a download link, removed on request; the API takes the same files
 * in base64; a file too large, of another kind or one too many is refused beside the field with
 * the typed text kept and nothing written; a draft's files are read only by the answering
 * government's representatives and the secretariat, a published answer's by everyone, and they
 * are listed on the measure's page and in the round's open-data ZIP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import { buildDocx, docxParagraph, docxRun } from '../imports/parser/docx.builder.ts';
import { TestClient } from '../test-client.ts';
import { attachmentMaxBytes } from '../submissions/attachments.ts';
import { getOwnAnswer, publishRound } from './rounds.service.ts';
import { openTestRound, verifiedGovernment } from './round.builder.ts';

const pdf = () =>
  new File([new TextEncoder().encode('%PDF-1.4\n% Lei 12.965\n%%EOF\n')], 'lei-12965.pdf');
const text = () =>
  new File([new TextEncoder().encode('Art. 1º Esta Lei estabelece princípios.\n')], 'lei.txt');
const htmlFile = () =>
  new File(
    [new TextEncoder().encode('<!DOCTYPE html><html lang="pt"><p>Decreto</p></html>')],
    'decreto.html',
  );
const binary = () => new File([new Uint8Array([0, 1, 2, 0, 255, 0, 7, 0])], 'disguised.pdf');
const base64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');

for (const engine of testEngines()) {
  describe(`legal texts attached to an answer (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let token = '';
    let roundId = '';
    let clock = new Date('2026-06-10T12:00:00Z');
    let app: ReturnType<typeof createApp>;
    let rep: TestClient;
    const page = () => `/registry/rounds/${roundId}`;
    const action = () => `/registry/rounds/${roundId}/answers`;
    const form = (extra: Record<string, string | File | File[] | string[]>) => ({
      organisationId: built.organisations.government.id,
      language: 'pt',
      'answers.plans': 'Nenhum plano novo.',
      action: 'draft',
      _page: page(),
      ...extra,
    });
    const own = async () =>
      (await getOwnAnswer(o.db, government, roundId, built.organisations.government.id, clock))
        .answer;
    const api = (body: unknown) =>
      app.request(`/api/registry-rounds/${roundId}/answers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const client = async (who?: 'civil' | 'secretariat' | 'government') => {
      const c = new TestClient(app);
      if (who) await c.signIn(built.accounts[who].email, builtPassword);
      return c;
    };

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      government = await verifiedGovernment(o.db, built);
      token = await createApiToken(o.db, government, 'answers');
      app = createApp({ db: o.db, engine, now: () => clock });
      roundId = (await openTestRound(o.db, built)).id;
      rep = await client('government');
    });
    after(() => o.close());

    test('the form has a file field with its limits beside it, in the reader’s language', async () => {
      const html = await (await rep.get(page())).text();
      assert.match(
        html,
        /action="\/registry\/rounds\/[^"]+\/answers" enctype="multipart\/form-data"/,
      );
      assert.match(
        html,
        /<input type="file" id="files" name="files" multiple accept="\.pdf,\.docx,\.odt,\.txt,\.html,\.htm,application\/pdf,[^"]*text\/plain,text\/html"/,
      );
      assert.match(html, new RegExp(`data-max-bytes="${attachmentMaxBytes}" data-max-count="5"`));
      assert.match(
        html,
        /PDF, DOCX, ODT, plain text \(UTF-8\) or HTML, up to 5 MB each, 5 at most on an answer/,
      );
      const fr = await client('government');
      await fr.get('/language/fr');
      assert.match(await (await fr.get(page())).text(), /Joindre des textes juridiques/);
      const ar = await client('government');
      await ar.get('/language/ar');
      assert.match(await (await ar.get(page())).text(), /أرفقوا النصوص القانونية/);
    });

    test('a draft keeps a PDF, a DOCX, text and HTML, each listed with its download', async () => {
      const docx = new File(
        [Buffer.from(await buildDocx(docxParagraph(docxRun('Regulamento da Anatel.'))))],
        'regulamento.docx',
      );
      const saved = await rep.post(action(), form({ files: [pdf(), docx, text(), htmlFile()] }));
      assert.equal(saved.status, 303, await saved.text());
      const answer = await own();
      assert.deepEqual(
        answer?.files.map((f) => [f.filename, f.mediaType]),
        // Sent together: listed by name.
        [
          ['decreto.html', 'text/html; charset=utf-8'],
          ['lei-12965.pdf', 'application/pdf'],
          ['lei.txt', 'text/plain; charset=utf-8'],
          [
            'regulamento.docx',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ],
        ],
      );
      const html = await (await rep.get(page())).text();
      for (const f of answer!.files) {
        assert.match(html, new RegExp(`<a href="${f.href}" download><bdi>${f.filename}</bdi></a>`));
        assert.match(html, new RegExp(`name="removeFiles" value="${f.id}"`));
      }
      const pdfFile = answer!.files[1]!;
      const got = await rep.get(pdfFile.href);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'application/pdf');
      assert.match(
        got.headers.get('content-disposition') ?? '',
        /^attachment; filename="lei-12965\.pdf"/,
      );
      assert.equal(
        Buffer.from(await got.arrayBuffer())
          .toString('latin1')
          .slice(0, 8),
        '%PDF-1.4',
      );
      const page2 = await rep.get(answer!.files[0]!.href);
      assert.equal(page2.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(page2.headers.get('content-disposition') ?? '', /^attachment;/);
      assert.equal(page2.headers.get('x-content-type-options'), 'nosniff');
    });

    test('a draft’s files: the representative and the secretariat read them, nobody else', async () => {
      const href = (await own())!.files[0]!.href;
      assert.equal((await (await client('secretariat')).get(href)).status, 200);
      assert.equal((await (await client('civil')).get(href)).status, 404);
      assert.equal((await (await client()).get(href)).status, 404);
      assert.equal((await (await client()).get('/registry/answer-files/not-an-id')).status, 404);
    });

    test('too large, of another kind, one too many: refused beside the field, text kept, nothing written', async () => {
      const fr = await client('government');
      await fr.get('/language/fr');
      const before = await rowCounts(o, ['rate_limits']);
      const stored = await own();
      const cases: [string, File[], number, RegExp][] = [
        [
          'too large',
          [new File([new Uint8Array(attachmentMaxBytes + 1).fill(65)], 'big.txt')],
          413,
          /&quot;big\.txt&quot; has 5\.0 MB; the limit is 5 MB/,
        ],
        [
          'another kind',
          [binary()],
          415,
          /&quot;disguised\.pdf&quot; is not a PDF, DOCX, ODT, TXT or HTML file/,
        ],
        ['one too many', [pdf()], 400, /the answer would carry 6 legal texts, 5 at most/],
        ['six at once', [pdf(), pdf(), pdf(), pdf(), pdf(), pdf()], 400, /6 files sent/],
      ];
      // Four are attached: a fifth would fit, so "one too many" sends two.
      cases[2]![1].push(text());
      for (const [what, files, status, detail] of cases) {
        const refused = await rep.post(
          action(),
          form({ 'answers.plans': `Escrito à mão (${what}).`, files }),
        );
        assert.equal(refused.status, status, what);
        const html = await refused.text();
        assert.match(html, /class="error-summary"/, what);
        assert.match(html, new RegExp(`Escrito à mão \\(${what}\\)\\.`), what);
        assert.match(html, /<input type="file"[^>]*name="files"[^>]*aria-invalid="true"/, what);
        assert.match(html, detail, what);
      }
      // In French, the reason is the catalogue's, translated.
      const refusedFr = await fr.post(action(), form({ files: [binary()] }));
      assert.match(
        await refusedFr.text(),
        /Un texte juridique doit être un fichier PDF, DOCX, ODT/,
      );
      assert.deepEqual(await rowCounts(o, ['rate_limits']), before);
      assert.deepEqual(await own(), stored);
    });

    test('through the API: files in base64 added, one removed; bad ones refused, nothing written', async () => {
      const answer = (await own())!;
      const removed = answer.files[3]!.id;
      const added = await api({
        organisationId: built.organisations.government.id,
        language: 'pt',
        answers: { plans: 'Nenhum plano novo.' },
        files: [{ name: 'portaria.txt', content: base64('Portaria nº 1, de 2026.') }],
        removeFiles: [removed],
      });
      assert.equal(added.status, 201, await added.clone().text());
      const body = (await added.json()) as {
        files: { id: string; filename: string; href: string }[];
      };
      assert.deepEqual(
        body.files.map((f) => f.filename),
        ['decreto.html', 'lei-12965.pdf', 'lei.txt', 'portaria.txt'],
      );
      assert.equal((await rep.get(`/registry/answer-files/${removed}`)).status, 404);
      const before = await rowCounts(o, ['rate_limits']);
      const refusals: [unknown, number, string][] = [
        [
          { files: [{ name: 'x.pdf', content: base64(new Uint8Array([0, 1, 2, 0, 255])) }] },
          415,
          'LEGAL_TEXT_TYPE',
        ],
        [{ files: [{ name: 'x.txt', content: 'not base64!' }] }, 400, 'INVALID_REQUEST'],
        [
          {
            files: [
              { name: 'a.txt', content: base64('a') },
              { name: 'b.txt', content: base64('b') },
            ],
          },
          400,
          'INVALID_REQUEST',
        ],
        [{ removeFiles: ['00000000-0000-4000-8000-000000000000'] }, 400, 'INVALID_REQUEST'],
      ];
      for (const [extra, status, code] of refusals) {
        const res = await api({
          organisationId: built.organisations.government.id,
          language: 'pt',
          answers: { plans: 'Mudado?' },
          ...(extra as object),
        });
        assert.equal(res.status, status, JSON.stringify(extra));
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
      }
      assert.deepEqual(await rowCounts(o, ['rate_limits']), before);
      assert.equal((await own())!.answers.plans, 'Nenhum plano novo.');
    });

    test('published: the files are everyone’s, on the round, the measure’s page and in the open data', async () => {
      const measure = {
        title: 'Marco Civil da Internet',
        titleLanguage: 'pt',
        instrument: 'law',
        status: 'in_force',
        statusDates: { in_force: '2014-06-23' },
        elements: ['routing'],
        kinds: ['routing-obligations'],
      };
      const submitted = await api({
        organisationId: built.organisations.government.id,
        language: 'pt',
        answers: { plans: 'Nenhum plano novo.' },
        measures: [measure],
        submit: true,
      });
      assert.equal(submitted.status, 201);
      const answer = (await own())!;
      assert.equal(answer.files.length, 4);
      const href = answer.files[0]!.href;
      assert.equal((await (await client()).get(href)).status, 404, 'not before publication');
      clock = new Date('2026-07-01T12:00:00Z');
      const published = await o.db
        .transaction()
        .execute((trx) => publishRound(trx, operatorViewer, roundId, clock));
      const anyone = await client();
      const got = await anyone.get(href);
      assert.equal(got.status, 200);
      const roundHtml = await (await anyone.get(page())).text();
      assert.match(roundHtml, /Published answers/);
      assert.match(roundHtml, new RegExp(`<a href="${href}" download>`));
      const measureHtml = await (
        await anyone.get(`/registry/measures/${published.measures[0]!.id}`)
      ).text();
      assert.match(measureHtml, /Legal texts the State attached to its answer/);
      assert.match(
        measureHtml,
        new RegExp(
          `<a href="/registry/rounds/${roundId}" dir="auto">Practice on the public core, 2026</a>`,
        ),
      );
      for (const f of answer.files)
        assert.match(measureHtml, new RegExp(`<a href="${f.href}" download>`));
      const zip = await JSZip.loadAsync(
        await (await anyone.get(`/registry/rounds/${roundId}/open-data.zip`)).arrayBuffer(),
      );
      const listing = await zip.file('files.csv')!.async('string');
      for (const f of answer.files) {
        assert.ok(listing.includes(`${f.id},${f.filename}`), f.filename);
        assert.ok(listing.includes(f.sha256));
      }
      const described = JSON.parse(await zip.file('datapackage.json')!.async('string')) as {
        resources: { path: string }[];
      };
      assert.ok(described.resources.some((r) => r.path === 'files.csv'));
    });

    test('the secretariat imports a legal text as a document of the process; nobody else may', async () => {
      const answer = (await own())!;
      const lawText = answer.files.find((f) => f.filename === 'lei.txt')!;
      const fakePdf = answer.files.find((f) => f.filename === 'lei-12965.pdf')!;
      const importPath = (id: string) => `/registry/answer-files/${id}/import`;
      const secretariat = await client('secretariat');
      assert.match(
        await (await secretariat.get(page())).text(),
        new RegExp(`action="${importPath(lawText.id)}"`),
        'the secretariat has a button per file',
      );
      assert.doesNotMatch(
        await (await (await client('civil')).get(page())).text(),
        /\/import"/,
        'nobody else has one',
      );
      const others = [await client('civil'), await client('government')];
      const before = await rowCounts(o, ['rate_limits']);
      for (const other of others)
        assert.equal((await other.post(importPath(lawText.id), {})).status, 403);
      // A file the importer cannot read (a PDF with no page) is refused with its reason.
      const unreadable = await secretariat.post(importPath(fakePdf.id), {});
      assert.ok(unreadable.status >= 400 && unreadable.status < 500, String(unreadable.status));
      assert.deepEqual(await rowCounts(o, ['rate_limits']), before, 'no refusal writes anything');

      const imported = await secretariat.post(importPath(lawText.id), {});
      assert.equal(imported.status, 303);
      const draft = imported.headers.get('location')!;
      assert.match(draft, /^\/import-drafts\/[0-9a-f-]{36}$/);
      const draftHtml = await (await secretariat.get(draft)).text();
      assert.match(draftHtml, /Esta Lei estabelece princípios/);
      assert.equal((await rowCounts(o, ['rate_limits'])).import_drafts, before.import_drafts! + 1);
    });
  });
}
