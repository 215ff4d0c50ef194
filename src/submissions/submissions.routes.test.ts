import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  builtPassword,
  signedIn,
  draftParagraphs,
  draftText,
  paragraphBlock,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import { TestClient } from '../test-client.ts';
import { buildDocx, docxParagraph, docxRun } from '../imports/parser/docx.builder.ts';

async function count(
  o: OpenDatabase,
  table: 'submissions' | 'attachments' | 'submission_anchors' | 'events',
): Promise<number> {
  const row = await o.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The comment bar right under a paragraph of a document page ('' when it has none). */
function commentBar(page: string, anchor: string): string {
  const at = page.indexOf(`id="${anchor}"`);
  if (at < 0) throw new Error(`no ${anchor} on the page`);
  const rest = page.slice(page.indexOf('</p>', at) + 4);
  return rest.startsWith('<div class="comment-bar"') ? rest.slice(0, rest.indexOf('</div>')) : '';
}

for (const engine of testEngines()) {
  describe(`a consultation from opening to revised draft (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let clock = new Date('2026-06-01T12:00:00Z');
    let app: ReturnType<typeof createApp>;
    const as = (who: keyof BuiltConsultation['accounts']) => signedIn(app, built, who);

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => clock });
    });
    after(async () => o.close());

    test('the secretariat opens a comment period from the form, in a named time zone', async () => {
      const secretariat = await as('secretariat');
      const form = await secretariat.get(`/processes/twg/consultations/new`);
      assert.equal(form.status, 200);
      const res = await secretariat.post('/processes/twg/consultations', {
        versionId: built.versionId,
        title: 'Second round of comments',
        description: '',
        opensAt: '2026-06-01T08:00',
        closesAt: '2026-06-30T23:59',
        timeZone: 'America/New_York',
        moderation: 'immediate',
      });
      assert.equal(res.status, 303);
      const page = await (await secretariat.get(res.headers.get('location')!)).text();
      assert.match(page, /Second round of comments/);
      assert.match(page, /America\/New_York/);
      // 23:59 in New York on 30 June is 03:59 UTC on 1 July.
      assert.match(page, /datetime="2026-07-01T03:59:00.000Z"/);
    });

    test('anyone else is refused: an outsider, a moderator, and an anonymous reader', async () => {
      for (const who of ['outsider', 'moderator'] as const) {
        const client = await as(who);
        const res = await client.post('/processes/twg/consultations', {
          versionId: built.versionId,
          title: 'x',
          opensAt: '2026-06-01T08:00',
          closesAt: '2026-06-30T23:59',
          timeZone: 'UTC',
        });
        assert.equal(res.status, 403, who);
      }
      const anonymous = new TestClient(app);
      const res = await anonymous.post('/processes/twg/consultations', {
        versionId: built.versionId,
        title: 'x',
        opensAt: '2026-06-01T08:00',
        closesAt: '2026-06-30T23:59',
        timeZone: 'UTC',
      });
      assert.equal(res.status, 401);
    });

    test('a quote with two paragraphs chosen is refused with the reason, the form kept, nothing stored (issue 19)', async () => {
      const civil = await as('civil');
      const para3 = await paragraphBlock(o.db, built.versionId, 'para 3');
      const para4 = await paragraphBlock(o.db, built.versionId, 'para 4');
      const before = await count(o, 'submissions');
      const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        blockId: [para3, para4],
        quote: 'harm the technical infrastructure',
        body: 'A comment typed with care about two paragraphs.',
        idempotencyKey: 'two-paragraphs-quoted',
        _page: `/consultations/${built.period.id}/submit`,
      });
      assert.equal(res.status, 422);
      const page = await res.text();
      assert.match(page, /quoted words are anchored to one paragraph, and 2 are chosen/);
      assert.match(page, /A comment typed with care about two paragraphs\./);
      assert.equal(await count(o, 'submissions'), before);
    });

    test('the paragraph picker: a checkbox per paragraph with its address in words and whole opening words, the chosen one first and checked, without script (issue 19, point 6)', async () => {
      const civil = await as('civil');
      const para3 = await paragraphBlock(o.db, built.versionId, 'para 3');
      const page = await (
        await civil.get(`/consultations/${built.period.id}/submit?block=${para3}`)
      ).text();
      assert.doesNotMatch(page, /<select name="blockId"/);
      const choices = [
        ...page.matchAll(
          /<label class="choice paragraph" data-search="([^"]*)"><input type="checkbox" name="blockId" value="([^"]+)"( checked)? \/> <strong class="address">([^<]+)<\/strong> <span class="opening" dir="auto">([^<]*)<\/span><\/label>/g,
        ),
      ].map(([, search, id, checked, address, opening]) => ({
        search: search!.replace(/&#39;/g, "'"),
        id,
        checked: checked !== undefined,
        address,
        opening: opening!.replace(/&#39;/g, "'"),
      }));
      // Every paragraph of the draft, the chosen one first and the only one checked.
      assert.equal(choices.length, draftParagraphs.length);
      assert.deepEqual(
        choices.map((c) => c.checked),
        draftParagraphs.map((_, i) => i === 0),
      );
      assert.equal(choices[0]!.id, para3);
      assert.equal(choices[0]!.address, 'para 3');
      assert.deepEqual(
        choices.map((c) => c.search),
        [draftParagraphs[2], ...draftParagraphs.filter((_, i) => i !== 2)],
      );
      for (const c of choices) {
        // Whole words: the paragraph itself, or its opening cut between two words, marked "…".
        if (c.opening === c.search) continue;
        assert.ok(c.opening.endsWith('…'), c.opening);
        const kept = c.opening.slice(0, -1);
        assert.ok(c.search.startsWith(kept), c.opening);
        assert.match(c.search.slice(kept.length), /^[\s,.;]/, `cut inside a word: ${c.opening}`);
      }
      // The filter box is there for the script, hidden without it; the help says what to do.
      assert.match(
        page,
        /<input type="search" class="choice-filter" aria-label="Find a paragraph by its words"[^>]* hidden/,
      );
      assert.doesNotMatch(page, /Ctrl or Cmd/);
    });

    let spanSubmission = '';
    test('a representative comments on a span; the receipt comes once, even when the form is sent twice', async () => {
      const civil = await as('civil');
      const block = await paragraphBlock(o.db, built.versionId, 'para 3');
      const formPage = await (
        await civil.get(`/consultations/${built.period.id}/submit?block=${block}`)
      ).text();
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(formPage)?.[1];
      assert.ok(key);
      assert.match(
        formPage,
        new RegExp(`<input type="checkbox" name="blockId" value="${block}" checked`),
      );
      const form = {
        organisationId: built.organisations.civil.id,
        blockId: block,
        quote: 'harm the technical infrastructure',
        body: 'Protecting the public core must come first.\n\nWe propose "must not" instead of "should not".',
        language: '',
        idempotencyKey: key,
      };
      const first = await civil.post(`/consultations/${built.period.id}/submissions`, form);
      assert.equal(first.status, 201);
      const receipt = await first.text();
      const id = /<code>([0-9a-f-]{36})<\/code>/.exec(receipt)?.[1];
      const hash = /class="hash">([0-9a-f]{64})</.exec(receipt)?.[1];
      assert.ok(id && hash);
      const second = await civil.post(`/consultations/${built.period.id}/submissions`, form);
      assert.equal(second.status, 200);
      assert.match(await second.text(), new RegExp(id));
      assert.equal(await count(o, 'submissions'), 1);
      spanSubmission = id;
      const anchor = await o.db
        .selectFrom('submission_anchors')
        .selectAll()
        .executeTakeFirstOrThrow();
      assert.equal(anchor.exact, 'harm the technical infrastructure');
      assert.equal(anchor.address, 'para 3');
      assert.equal(
        draftParagraphs[2]!.slice(Number(anchor.start), Number(anchor.end)),
        'harm the technical infrastructure',
      );
      // The downloadable receipt holds the content whose SHA-256 it gives.
      const text = await (await civil.get(`/submissions/${id}/receipt.txt`)).text();
      const content = text.split('\n').find((l) => l.startsWith('{'))!;
      const { createHash } = await import('node:crypto');
      assert.equal(createHash('sha256').update(content).digest('hex'), hash);
    });

    test('a joint submission waits for its co-signer, then for the moderator', async () => {
      const tech = await as('tech');
      const res = await tech.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.tech.id,
        blockId: [
          await paragraphBlock(o.db, built.versionId, 'para 4'),
          await paragraphBlock(o.db, built.versionId, 'para 5'),
        ],
        body: 'The root server system is operated by the technical community and must stay so.',
        cosigners: built.organisations.government.id,
        idempotencyKey: 'joint-submission-1',
      });
      assert.equal(res.status, 201);
      const id = /<code>([0-9a-f-]{36})<\/code>/.exec(await res.text())![1]!;
      const anonymous = new TestClient(app);
      assert.equal(
        (await anonymous.get(`/submissions/${id}`)).status,
        404,
        'not public before publication',
      );
      // Only the co-signer's representative may confirm.
      const outsider = await as('outsider');
      assert.equal(
        (
          await outsider.post(`/submissions/${id}/cosign`, {
            organisationId: built.organisations.government.id,
            answer: 'confirm',
          })
        ).status,
        403,
      );
      const government = await as('government');
      const page = await (await government.get(`/submissions/${id}`)).text();
      assert.match(page, /Confirm co-signature/);
      assert.equal(
        (
          await government.post(`/submissions/${id}/cosign`, {
            organisationId: built.organisations.government.id,
            answer: 'confirm',
          })
        ).status,
        303,
      );
      const row = await o.db
        .selectFrom('submissions')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'in_review');
      // The moderator publishes both.
      const moderator = await as('moderator');
      const queue = await (
        await moderator.get(`/consultations/${built.period.id}/moderation`)
      ).text();
      assert.match(queue, /Open Net Collective/);
      for (const s of [spanSubmission, id]) {
        assert.equal(
          (await moderator.post(`/submissions/${s}/moderate`, { action: 'publish' })).status,
          303,
        );
      }
      // A representative cannot moderate.
      assert.equal(
        (await tech.post(`/submissions/${id}/moderate`, { action: 'reject', reason: 'spam' }))
          .status,
        403,
      );
      const govPage = await (
        await anonymous.get(`/organisations/${built.organisations.government.slug}`)
      ).text();
      assert.match(govPage, /root server system is operated/, 'listed under the co-signer');
    });

    test('an anonymous reader finds the comments on their paragraphs and filters them', async () => {
      const reader = new TestClient(app);
      const page = await (await reader.get(`/documents/${built.documentId}`)).text();
      assert.match(commentBar(page, 'para-3'), />1 comment</);
      assert.match(commentBar(page, 'para-4'), />1 comment</);
      assert.doesNotMatch(commentBar(page, 'para-2'), /comment</);
      const open = await (
        await reader.get(
          `/documents/${built.documentId}/v/1/en?comments=${encodeURIComponent('para 3')}`,
        )
      ).text();
      assert.match(open, /Protecting the public core must come first/);
      assert.match(open, /harm the technical infrastructure/);
      const filtered = await (
        await reader.get(`/documents/${built.documentId}/v/1/en?group=government`)
      ).text();
      assert.doesNotMatch(
        commentBar(filtered, 'para-3'),
        />1 comment</,
        'civil society is not a government',
      );
      assert.doesNotMatch(
        commentBar(filtered, 'para-4'),
        />1 comment</,
        'filters go by the submitting organisation',
      );
      const consultation = await (
        await reader.get(`/consultations/${built.period.id}?region=african`)
      ).text();
      assert.match(consultation, /Open Net Collective/);
      assert.doesNotMatch(consultation, /Root Operators Forum<\/a>/);
    });

    test('a rejected submission leaves a public count by reason', async () => {
      const civil = await as('civil');
      const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        body: 'Buy cheap watches',
        idempotencyKey: 'spam-submission-1',
      });
      const id = /<code>([0-9a-f-]{36})<\/code>/.exec(await res.text())![1]!;
      const moderator = await as('moderator');
      assert.equal(
        (await moderator.post(`/submissions/${id}/moderate`, { action: 'reject' })).status,
        400,
        'a reason is required',
      );
      assert.equal(
        (await moderator.post(`/submissions/${id}/moderate`, { action: 'reject', reason: 'spam' }))
          .status,
        303,
      );
      const page = await (
        await new TestClient(app).get(`/consultations/${built.period.id}`)
      ).text();
      assert.match(page, /spam: 1/);
      assert.doesNotMatch(page, /cheap watches/);
      const mine = await (await civil.get('/account')).text();
      assert.match(mine, /rejected/);
    });

    test('a comment taken down after publication leaves its paragraph count', async () => {
      const civil = await as('civil');
      const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        blockId: await paragraphBlock(o.db, built.versionId, 'para 2'),
        body: 'A comment that will be taken down.',
        idempotencyKey: 'taken-down-1',
      });
      const id = /<code>([0-9a-f-]{36})<\/code>/.exec(await res.text())![1]!;
      const moderator = await as('moderator');
      await moderator.post(`/submissions/${id}/moderate`, { action: 'publish' });
      const reader = new TestClient(app);
      const shown = await (await reader.get(`/documents/${built.documentId}/v/1/en`)).text();
      assert.match(commentBar(shown, 'para-2'), />1 comment</);
      await moderator.post(`/submissions/${id}/moderate`, { action: 'reject', reason: 'abuse' });
      const gone = await (await reader.get(`/documents/${built.documentId}/v/1/en`)).text();
      assert.doesNotMatch(commentBar(gone, 'para-2'), /comment</);
    });

    test('script and markup in every text field stay inert', async () => {
      const civil = await as('civil');
      const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        title: evil,
        body: evil,
        idempotencyKey: 'evil-submission-1',
      });
      const id = /<code>([0-9a-f-]{36})<\/code>/.exec(await res.text())![1]!;
      const moderator = await as('moderator');
      await moderator.post(`/submissions/${id}/moderate`, { action: 'publish' });
      for (const path of [
        `/submissions/${id}`,
        `/consultations/${built.period.id}`,
        `/organisations/${built.organisations.civil.slug}`,
      ]) {
        const html = await (await new TestClient(app).get(path)).text();
        assert.doesNotMatch(html, /<script>alert/, path);
        assert.doesNotMatch(html, /<img src=x/, path);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, path);
      }
      const feed = await (
        await new TestClient(app).get(`/consultations/${built.period.id}/feed.atom`)
      ).text();
      assert.doesNotMatch(feed, /<script>alert/);
    });

    test('markup in every other text field stays inert too: organisation, period, quote, file name', async () => {
      const evil = '<script>alert(3)</script><b onmouseover=alert(4)>x</b>';
      const outsider = await as('outsider');
      const registered = await outsider.post('/organisations', {
        name: `Evil ${evil}`,
        stakeholderGroup: 'civil_society',
        website: 'https://example.org/',
      });
      assert.equal(registered.status, 303);
      const secretariat = await as('secretariat');
      const opened = await secretariat.post('/processes/twg/consultations', {
        versionId: built.versionId,
        title: `Round ${evil}`,
        description: evil,
        opensAt: '2026-06-01T00:00',
        closesAt: '2026-12-31T00:00',
        timeZone: 'UTC',
        moderation: 'immediate',
      });
      const periodPath = opened.headers.get('location')!;
      const block = await paragraphBlock(o.db, built.versionId, 'para 1');
      const orgId = (
        await o.db
          .selectFrom('organisations')
          .select('id')
          .where('name', 'like', 'Evil%')
          .executeTakeFirstOrThrow()
      ).id;
      const pdf = new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], `${evil}.pdf`);
      const submitted = await outsider.post(`${periodPath}/submissions`, {
        organisationId: orgId,
        blockId: block,
        quote: 'international law',
        body: 'Fine.',
        idempotencyKey: 'evil-fields-1',
        attachments: pdf,
      });
      assert.equal(submitted.status, 201);
      for (const path of [
        registered.headers.get('location')!,
        periodPath,
        '/organisations',
        `/documents/${built.documentId}/v/1/en?comments=${encodeURIComponent('para 1')}`,
      ]) {
        const html = await (await new TestClient(app).get(path)).text();
        assert.doesNotMatch(html, /<script>alert/, path);
        assert.doesNotMatch(html, /<b onmouseover/, path);
      }
    });

    test('form posts without the form token are refused and store nothing', async () => {
      const civil = await as('civil');
      const before = await count(o, 'submissions');
      const res = await civil.post(
        `/consultations/${built.period.id}/submissions`,
        {
          organisationId: built.organisations.civil.id,
          body: 'No token',
          idempotencyKey: 'no-token-1',
        },
        { csrf: false },
      );
      assert.equal(res.status, 403);
      assert.match(await res.text(), /CSRF_FAILED/);
      assert.equal(await count(o, 'submissions'), before);
      // Every other form too.
      const secretariat = await as('secretariat');
      const forms: [TestClient, string, Record<string, string>][] = [
        [
          new TestClient(app),
          '/sign-in',
          { email: built.accounts.civil.email, password: builtPassword },
        ],
        [
          new TestClient(app),
          '/sign-up',
          { email: 'new@example.org', name: 'New', password: 'long enough password' },
        ],
        [civil, '/organisations', { name: 'Sneaky', stakeholderGroup: 'academia' }],
        [civil, '/account/password', { current: builtPassword, password: 'another long password' }],
        [civil, '/account/tokens', { name: 'sneaky' }],
        [
          secretariat,
          `/consultations/${built.period.id}/extend`,
          { closesAt: '2031-06-01T00:00', reason: 'sneaky' },
        ],
        [
          secretariat,
          '/processes/twg/consultations',
          {
            versionId: built.versionId,
            title: 'Sneaky',
            opensAt: '2026-06-01T00:00',
            closesAt: '2026-12-31T00:00',
            timeZone: 'UTC',
          },
        ],
        [civil, '/sign-out', {}],
      ];
      for (const [client, path, form] of forms) {
        assert.equal((await client.post(path, form, { csrf: false })).status, 403, path);
      }
      assert.equal(
        (await civil.get('/account')).status,
        200,
        'still signed in: the sign-out without a token was refused',
      );
    });

    test('oversized and disguised attachments are refused with a clear message; nothing is stored', async () => {
      const civil = await as('civil');
      const before = [await count(o, 'submissions'), await count(o, 'attachments')];
      const disguised = new File(
        [new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(100).fill(7)])],
        'report.pdf',
        { type: 'application/pdf' },
      );
      const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        body: 'See attached',
        idempotencyKey: 'disguised-1',
        attachments: disguised,
      });
      assert.equal(res.status, 415);
      assert.match(await res.text(), /not a PDF, DOCX or ODT/);
      const big = new File([new Uint8Array(6 * 1024 * 1024)], 'big.pdf');
      const res2 = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        body: 'See attached',
        idempotencyKey: 'big-1',
        attachments: big,
      });
      assert.equal(res2.status, 413);
      assert.deepEqual([await count(o, 'submissions'), await count(o, 'attachments')], before);
      // A real DOCX and a PDF are accepted, and served back as downloads.
      const docx = new File(
        [new Uint8Array(await buildDocx(docxParagraph(docxRun('Our position paper.'))))],
        'position.docx',
      );
      const pdf = new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'annex.pdf');
      const ok = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        body: 'See attached',
        idempotencyKey: 'good-attachments-1',
        attachments: [docx, pdf],
      });
      assert.equal(ok.status, 201);
      assert.equal(await count(o, 'attachments'), before[1]! + 2);
    });

    test('version 2 carries the comments of version 1 to their new paragraphs', async () => {
      const revised = [...draftParagraphs];
      revised.splice(1, 0, 'The Group underlines that the Internet is a global resource.');
      revised[3] = revised[3]!.replace('should not conduct', 'must not conduct');
      await importFile(o.db, new TextEncoder().encode(draftText(revised)), {
        process: 'twg',
        document: built.documentId,
        version: 'Rev.1',
        language: 'en',
        format: 'text',
      });
      const page = await (
        await new TestClient(app).get(`/documents/${built.documentId}/v/2/en`)
      ).text();
      // Old para 3 (the span) is para 4 now; old paras 4 and 5 are 5 and 6.
      assert.match(commentBar(page, 'para-4'), />1 comment on the previous draft</);
      assert.match(commentBar(page, 'para-5'), />1 comment on the previous draft</);
      assert.match(commentBar(page, 'para-6'), />1 comment on the previous draft</);
      assert.doesNotMatch(
        commentBar(page, 'para-2'),
        /previous draft/,
        'the new paragraph has none',
      );
      const carried = await o.db.selectFrom('carried_anchors').selectAll().execute();
      const span = carried.find((c) => c.method === 'exact');
      assert.ok(span, 'the quoted span was found again');
      assert.equal(span.address, 'para 4');
      const compare = await (
        await new TestClient(app).get(`/documents/${built.documentId}/compare?from=1&to=2&lang=en`)
      ).text();
      assert.match(compare, /<ins[^>]*>must<\/ins>/);
      assert.match(compare, /renumbered/);
      const open = await (
        await new TestClient(app).get(
          `/documents/${built.documentId}/v/2/en?comments=${encodeURIComponent('para 4')}`,
        )
      ).text();
      assert.match(open, /Protecting the public core must come first/);
    });

    test('after the close a late submission is refused and nothing of it is stored', async () => {
      clock = new Date('2031-01-01T00:00:00Z');
      const civil = await as('civil');
      const before = await count(o, 'submissions');
      const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        body: 'Too late',
        idempotencyKey: 'late-submission-1',
        _page: `/consultations/${built.period.id}/submit`,
      });
      assert.equal(res.status, 409);
      const refused = await res.text();
      assert.match(refused, /has closed/);
      assert.match(
        refused,
        /<textarea name="body"[^>]*>Too late<\/textarea>/,
        'what was typed comes back',
      );
      assert.equal(await count(o, 'submissions'), before);
      const page = await (await civil.get(`/consultations/${built.period.id}`)).text();
      assert.match(page, /closed/);
    });

    test('exports list every published submission with co-signers, as CSV and JSON, and the Atom feed validates as XML', async () => {
      const reader = new TestClient(app);
      const bytes = new Uint8Array(
        await (await reader.get(`/consultations/${built.period.id}/submissions.csv`)).arrayBuffer(),
      );
      assert.deepEqual(
        [...bytes.slice(0, 3)],
        [0xef, 0xbb, 0xbf],
        'a UTF-8 byte order mark for spreadsheets',
      );
      const csv = new TextDecoder().decode(bytes);
      assert.match(csv, /^id,received_at/);
      assert.match(csv, /Ministry of Digital Affairs of Ruritania/);
      assert.doesNotMatch(csv, /cheap watches/);
      const json = JSON.parse(
        await (await reader.get(`/consultations/${built.period.id}/submissions.json`)).text(),
      ) as { submissions: { status: string }[] };
      assert.ok(json.submissions.length >= 3);
      assert.ok(json.submissions.every((s) => s.status === 'published'));
      const moderator = await as('moderator');
      const all = JSON.parse(
        await (await moderator.get(`/consultations/${built.period.id}/submissions.json`)).text(),
      ) as { submissions: { status: string }[] };
      assert.ok(
        all.submissions.some((s) => s.status === 'rejected'),
        'staff export every status',
      );
      const feed = await (await reader.get(`/processes/twg/feed.atom`)).text();
      assert.match(feed, /^<\?xml/);
      assert.match(feed, /<entry>/);
    });
  });
}
