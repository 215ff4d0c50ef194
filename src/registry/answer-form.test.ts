/**
 * The answer form on a round's page (issue 16, point 3), on both engines: a verified representative
 * of an invited government sees the questions in the reader's language (else the questionnaire's,
 * marked), saves a draft that is kept and shown again, submits and gets the receipt (the SHA-256
 * and the instant, as the API's); an answer in a language the questionnaire does not have is
 * accepted and marked; a refused form comes back filled in and leaves the stored draft as it was;
 * after the close the form is refused like a late submission. Nobody else sees the form.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
import { getOwnAnswer, grantMoreTime, requestMoreTime, saveAnswer } from './rounds.service.ts';
import { openTestRound, verifiedGovernment } from './round.builder.ts';

/**
 * What a browser posts from the form on a page whose action is `action`: each named input's value
 * (checked boxes only, no file or button), each textarea's text, each select's selected option.
 */
function browserForm(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `a form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const had = out[name];
    out[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  };
  const unescape = (t: string) =>
    t
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    // The form token is the client's to send.
    if (!name || name === '_csrf' || ['submit', 'button', 'file'].includes(type)) continue;
    if (type === 'checkbox' && !/\schecked\b/.test(tag)) continue;
    add(name, unescape(attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')));
  }
  for (const [, name, text] of form.matchAll(
    /<textarea\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g,
  ))
    add(name!, unescape(text!));
  for (const [, name, options] of form.matchAll(
    /<select\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const chosen =
      /<option value="([^"]*)"[^>]*\sselected/.exec(options!) ??
      /<option value="([^"]*)"/.exec(options!);
    if (chosen) add(name!, unescape(chosen[1]!));
  }
  return out;
}

for (const engine of testEngines()) {
  describe(`the answer form on a round's page (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let roundId = '';
    let shortRoundId = '';
    let clock = new Date('2026-06-10T12:00:00Z');
    let app: ReturnType<typeof createApp>;
    let rep: TestClient;

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      government = await verifiedGovernment(o.db, built);
      app = createApp({ db: o.db, engine, now: () => clock });
      const open = (title: string, closesAt: string) =>
        openTestRound(o.db, built, {
          title,
          questions: [
            {
              key: 'plans',
              texts: { en: 'What do you plan?', fr: 'Que prévoyez-vous ?' },
            },
            {
              key: 'localisation',
              kind: 'choice',
              texts: { en: 'Must data stay in the country?' },
              choices: ['yes', 'no'],
            },
          ],
          closesAt,
        });
      roundId = (await open('Practice on the public core, 2026', '2026-06-30T18:00')).id;
      shortRoundId = (await open('A short round', '2026-06-05T18:00')).id;
      rep = new TestClient(app);
      await rep.signIn(built.accounts.government.email, builtPassword);
    });
    after(() => o.close());

    const page = () => `/registry/rounds/${roundId}`;
    const form = (extra: Record<string, string>) => ({
      organisationId: built.organisations.government.id,
      language: 'pt',
      'answers.plans': 'Nenhum plano novo.',
      'answers.localisation': 'yes',
      action: 'draft',
      _page: page(),
      ...extra,
    });

    test('the representative sees the form; the questions in the reader’s language, else marked', async () => {
      const html = await (await rep.get(page())).text();
      assert.match(
        html,
        new RegExp(
          `<form class="stack" method="post" action="/registry/rounds/${roundId}/answers"`,
        ),
      );
      assert.match(html, /<textarea name="answers\.plans"/);
      assert.match(html, /<select name="answers\.localisation">/);
      assert.match(html, /Your answer for /);
      const french = new TestClient(app);
      await french.signIn(built.accounts.government.email, builtPassword);
      await french.get('/language/fr');
      const fr = await (await french.get(page())).text();
      assert.match(fr, /Que prévoyez-vous \?/);
      assert.match(
        fr,
        /<span lang="en" dir="ltr">Must data stay in the country\?<\/span>\s*<small class="other-language">\(indisponible dans votre langue ; en anglais\)/,
      );
      // Nobody else sees a form to answer.
      for (const who of [undefined, 'civil', 'secretariat'] as const) {
        const client = new TestClient(app);
        if (who) await client.signIn(built.accounts[who].email, builtPassword);
        assert.doesNotMatch(await (await client.get(page())).text(), /name="answers\.plans"/);
      }
    });

    test('a draft is kept and shown again; its language, not the questionnaire’s, is marked', async () => {
      const saved = await rep.post(`/registry/rounds/${roundId}/answers`, form({}));
      assert.equal(saved.status, 303);
      const html = await (await rep.get(page())).text();
      assert.match(html, /<textarea name="answers\.plans"[^>]*>Nenhum plano novo\.<\/textarea>/);
      assert.match(html, /<option value="yes" selected>yes<\/option>/);
      assert.match(html, /name="language" value="pt"/);
      assert.match(html, /Your draft is saved/);
      assert.match(html, /Answered in Portuguese, a language the questionnaire does not have/);
    });

    test('a draft’s measures declared through the API are kept when the form saves it', async () => {
      await o.db.transaction().execute((trx) =>
        saveAnswer(
          trx,
          government,
          roundId,
          {
            organisationId: built.organisations.government.id,
            language: 'pt',
            answers: { plans: 'Nenhum plano novo.', localisation: 'yes' },
            measures: [
              {
                title: 'Lei de infraestrutura crítica da Internet',
                titleLanguage: 'pt',
                instrument: 'law',
                status: 'adopted',
                statusDates: { adopted: '2026-03-01' },
                elements: ['routing'],
                kinds: ['routing-obligations'],
              },
            ],
          },
          clock,
        ),
      );
      // The form shows the measure in its fields; saving the form as drawn keeps it as it was.
      const drawn = await (await rep.get(page())).text();
      assert.match(drawn, /<legend>Measure 1<\/legend>/);
      const saved = await rep.post(`/registry/rounds/${roundId}/answers`, {
        ...browserForm(drawn, `/registry/rounds/${roundId}/answers`),
        action: 'draft',
        _page: page(),
      });
      assert.equal(saved.status, 303);
      const own = await getOwnAnswer(
        o.db,
        government,
        roundId,
        built.organisations.government.id,
        clock,
      );
      assert.deepEqual(own.answer?.measures, [
        {
          title: 'Lei de infraestrutura crítica da Internet',
          titleLanguage: 'pt',
          titleTranslations: {},
          instrument: 'law',
          status: 'adopted',
          statusDates: { adopted: '2026-03-01' },
          elements: ['routing'],
          kinds: ['routing-obligations'],
          reach: 'none',
        },
      ]);
    });

    const ownMeasures = async () =>
      (await getOwnAnswer(o.db, government, roundId, built.organisations.government.id, clock))
        .answer?.measures as Record<string, unknown>[];

    test('the form declares a measure, edits it and removes another, as the API would', async () => {
      const action = `/registry/rounds/${roundId}/answers`;
      let drawn = await (await rep.get(page())).text();
      assert.match(drawn, /<legend>Add a measure/);
      const added = await rep.post(action, {
        ...browserForm(drawn, action),
        'measures.1.title': 'Decreto de localização de dados',
        'measures.1.titleLanguage': 'pt',
        'measures.1.titleTranslations.en': 'Data localisation decree',
        'measures.1.instrument': 'decree',
        'measures.1.status': 'in_force',
        'measures.1.statusDates.adopted': '2026-01-10',
        'measures.1.statusDates.in_force': '2026-02-01',
        'measures.1.elements': ['naming-numbering', 'routing'],
        'measures.1.kinds': 'data-localisation',
        'measures.1.reach': 'partial',
        'measures.1.source.documentId': built.documentId,
        'measures.1.source.paragraphs': 'para 4, 5',
        'measures.1.note': 'Em vigor desde fevereiro.',
        action: 'draft',
        _page: page(),
      });
      assert.equal(added.status, 303);
      let measures = await ownMeasures();
      assert.equal(measures.length, 2);
      assert.deepEqual(measures[1], {
        title: 'Decreto de localização de dados',
        titleLanguage: 'pt',
        titleTranslations: { en: 'Data localisation decree' },
        instrument: 'decree',
        status: 'in_force',
        statusDates: { adopted: '2026-01-10', in_force: '2026-02-01' },
        elements: ['naming-numbering', 'routing'],
        kinds: ['data-localisation'],
        reach: 'partial',
        source: { documentId: built.documentId, paragraphs: ['para 4', '5'] },
        note: 'Em vigor desde fevereiro.',
      });
      // Drawn again in its fields; edited there.
      drawn = await (await rep.get(page())).text();
      assert.match(drawn, /name="measures\.1\.title" value="Decreto de localização de dados"/);
      assert.match(drawn, /name="measures\.1\.kinds" value="data-localisation" checked/);
      assert.match(drawn, /<option value="partial" selected>/);
      const edited = await rep.post(action, {
        ...browserForm(drawn, action),
        'measures.1.title': 'Decreto de localização de dados, revisto',
        action: 'draft',
        _page: page(),
      });
      assert.equal(edited.status, 303);
      measures = await ownMeasures();
      assert.equal(measures[1]!.title, 'Decreto de localização de dados, revisto');
      assert.deepEqual(measures[1]!.statusDates, { adopted: '2026-01-10', in_force: '2026-02-01' });
      // The first one removed: the second stays, alone.
      drawn = await (await rep.get(page())).text();
      const removed = await rep.post(action, {
        ...browserForm(drawn, action),
        'measures.0.remove': 'yes',
        action: 'draft',
        _page: page(),
      });
      assert.equal(removed.status, 303);
      measures = await ownMeasures();
      assert.deepEqual(
        measures.map((m) => m.title),
        ['Decreto de localização de dados, revisto'],
      );
    });

    test('a refused measure comes back on its own fields, typed text kept, the draft unchanged', async () => {
      const action = `/registry/rounds/${roundId}/answers`;
      const before = await ownMeasures();
      const drawn = await (await rep.get(page())).text();
      // The stored measure is drawn as measure 0; the new one (1) lacks the date of its status.
      const noDate = await rep.post(action, {
        ...browserForm(drawn, action),
        'measures.1.title': 'Plano nacional de raiz',
        'measures.1.titleLanguage': 'pt',
        'measures.1.instrument': 'plan',
        'measures.1.status': 'planned',
        'measures.1.elements': 'naming-numbering',
        action: 'draft',
        _page: page(),
      });
      assert.equal(noDate.status, 400);
      let html = await noDate.text();
      assert.match(html, /class="error-summary"/);
      assert.match(html, /name="measures\.1\.title" value="Plano nacional de raiz"/);
      assert.match(
        html,
        /<input[^>]*name="measures\.1\.statusDates\.planned"[^>]*aria-invalid="true"/,
      );
      assert.match(html, /give the date of the current status/);
      // A paragraph the document does not have is refused on the paragraphs' field.
      const badParagraph = await rep.post(action, {
        ...browserForm(drawn, action),
        'measures.0.source.documentId': built.documentId,
        'measures.0.source.paragraphs': 'para 999',
        action: 'draft',
        _page: page(),
      });
      assert.equal(badParagraph.status, 400);
      html = await badParagraph.text();
      assert.match(
        html,
        /<input[^>]*name="measures\.0\.source\.paragraphs"[^>]*aria-invalid="true"/,
      );
      assert.match(html, /value="para 999"/);
      assert.deepEqual(await ownMeasures(), before, 'the stored draft is as it was');
    });

    test('the measures’ fields are labelled in the reader’s language', async () => {
      const french = new TestClient(app);
      await french.signIn(built.accounts.government.email, builtPassword);
      await french.get('/language/fr');
      const fr = await (await french.get(page())).text();
      assert.match(fr, /Mesures que votre administration déclare/);
      assert.match(fr, /Ajouter une mesure/);
      const arabic = new TestClient(app);
      await arabic.signIn(built.accounts.government.email, builtPassword);
      await arabic.get('/language/ar');
      const ar = await (await arabic.get(page())).text();
      assert.match(ar, /التدابير التي تعلنها إدارتكم/);
    });

    test('a refused form comes back filled in and the stored draft stays as it was', async () => {
      const refused = await rep.post(
        `/registry/rounds/${roundId}/answers`,
        form({ 'answers.plans': 'Um plano escrito à mão.', 'answers.localisation': 'maybe' }),
      );
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.match(html, /class="error-summary"/);
      assert.match(html, /Um plano escrito à mão\./);
      assert.match(html, /<select[^>]*name="answers\.localisation"[^>]*aria-invalid="true"/);
      assert.match(html, /choose one of the choices/);
      const own = await getOwnAnswer(
        o.db,
        government,
        roundId,
        built.organisations.government.id,
        clock,
      );
      assert.deepEqual(own.answer?.answers, { plans: 'Nenhum plano novo.', localisation: 'yes' });
    });

    test('submitting shows the receipt: the SHA-256 of the answer and the instant, as the API’s', async () => {
      clock = new Date('2026-06-12T08:30:00Z');
      const sent = await rep.post(
        `/registry/rounds/${roundId}/answers`,
        form({ language: 'en', action: 'submit' }),
      );
      assert.equal(sent.status, 303);
      const own = await getOwnAnswer(
        o.db,
        government,
        roundId,
        built.organisations.government.id,
        clock,
      );
      assert.equal(own.answer?.status, 'submitted');
      assert.equal(own.answer?.submittedAt, '2026-06-12T08:30:00.000Z');
      assert.equal(own.answer?.languageMarked, false);
      const html = await (await rep.get(page())).text();
      assert.match(html, new RegExp(`<code class="receipt">${own.answer!.receipt}</code>`));
      assert.match(own.answer!.receipt!, /^[0-9a-f]{64}$/);
      assert.match(html, /Submitted on 12 Jun 2026/);
      assert.doesNotMatch(html, /name="answers\.plans"/, 'a submitted answer is final');
      // A submitted answer cannot be changed (as through the API).
      const again = await rep.post(`/registry/rounds/${roundId}/answers`, form({}));
      assert.equal(again.status, 409);
    });

    test('after the close the form is refused like a late submission, the typed text kept', async () => {
      const short = `/registry/rounds/${shortRoundId}`;
      const closed = await (await rep.get(short)).text();
      assert.match(closed, /The round is closed for your administration/);
      assert.doesNotMatch(closed, /name="answers\.plans"/);
      const late = await rep.post(`/registry/rounds/${shortRoundId}/answers`, {
        ...form({ 'answers.plans': 'Tarde demais, mas escrito.' }),
        _page: short,
      });
      assert.ok(late.status >= 400 && late.status < 500, `refused (${late.status})`);
      const html = await late.text();
      assert.match(html, /class="error-summary"/);
      assert.match(html, /Tarde demais, mas escrito\./);
      const own = await getOwnAnswer(
        o.db,
        government,
        shortRoundId,
        built.organisations.government.id,
        clock,
      );
      assert.equal(own.answer, undefined, 'nothing stored');
      // Given more time, the administration sees the form again until its new closing.
      await o.db
        .transaction()
        .execute((trx) =>
          requestMoreTime(
            trx,
            government,
            shortRoundId,
            { organisationId: built.organisations.government.id, reason: 'A bill.' },
            new Date('2026-06-04T12:00:00Z'),
          ),
        );
      await o.db
        .transaction()
        .execute((trx) =>
          grantMoreTime(
            trx,
            operatorViewer,
            shortRoundId,
            'BRA',
            { closesAt: '2026-06-20T18:00' },
            clock,
          ),
        );
      const extended = await (await rep.get(short)).text();
      assert.match(extended, /The round closes for your administration on 20 Jun 2026/);
      assert.match(extended, /name="answers\.plans"/);
      const inTime = await rep.post(`/registry/rounds/${shortRoundId}/answers`, {
        ...form({}),
        _page: short,
      });
      assert.equal(inTime.status, 303);
      clock = new Date('2026-06-21T12:00:00Z');
      const tooLate = await rep.post(`/registry/rounds/${shortRoundId}/answers`, {
        ...form({ 'answers.plans': 'Depois da prorrogação.' }),
        _page: short,
      });
      assert.equal(tooLate.status, 409);
      assert.match(await tooLate.text(), /Depois da prorrogação\./);
    });
  });
}
