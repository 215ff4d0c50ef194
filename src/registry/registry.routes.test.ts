/**
 * The registry's pages and API over HTTP, on both engines: the State's own word apart from
 * reports, a measure's history and its page at a past date, a State's practice at a date, the
 * matrix and its indicator, the CSV without caps, in English and Arabic; bad input answers 400
 * or 404 naming the field, never 500, and leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { verifyRepresentative } from '../organisations/organisations.service.ts';
import { recordMeasure, reviseMeasure } from './registry.service.ts';

const now = new Date('2026-06-01T12:00:00Z');

for (const engine of testEngines()) {
  describe(`registry pages and API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let government: Viewer;
    let governmentToken: string;
    let civilToken: string;
    let lawId: string;

    const input = (extra: Record<string, unknown> = {}) => ({
      country: 'BRA',
      title: 'Lei da raiz nacional',
      titleLanguage: 'pt',
      titleTranslations: { en: 'National root act', ar: 'قانون الجذر الوطني' },
      instrument: 'law',
      status: 'adopted',
      statusDates: { adopted: '2026-03-01' },
      elements: ['naming-numbering'],
      kinds: ['national-root'],
      source: { documentId: built.documentId, paragraphs: ['para 4'] },
      organisationId: built.organisations.government.id,
      asState: true,
      ...extra,
    });

    const api = (path: string, token: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const page = (path: string, lang = 'en') =>
      app.request(path, { headers: { 'accept-language': lang } });

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => now });
      government = representativeViewer(built, 'government');
      await verifyRepresentative(
        o.db,
        operatorViewer,
        { organisation: built.organisations.government.id, accountId: government.id },
        { kind: 'email_domain', reason: 'itamaraty.example' },
      );
      governmentToken = await createApiToken(o.db, government, 'registry');
      civilToken = await createApiToken(o.db, representativeViewer(built, 'civil'), 'registry');
      const law = await o.db
        .transaction()
        .execute((trx) =>
          recordMeasure(trx, government, input(), new Date('2026-04-01T00:00:00Z')),
        );
      lawId = law.id;
      await o.db.transaction().execute((trx) =>
        reviseMeasure(
          trx,
          government,
          law.id,
          input({
            status: 'in_force',
            statusDates: { adopted: '2026-03-01', in_force: '2026-05-01' },
          }),
          new Date('2026-05-02T00:00:00Z'),
        ),
      );
    });
    after(() => o.close());

    test("the API records the State's own word and a report, apart", async () => {
      const state = await api(
        '/api/registry/measures',
        governmentToken,
        input({
          title: 'Decreto de localização',
          titleTranslations: {},
          kinds: ['data-localisation'],
        }),
      );
      assert.equal(state.status, 201);
      assert.equal(((await state.json()) as { voice: string }).voice, 'state');
      const claim = await api(
        '/api/registry/measures',
        civilToken,
        input({ organisationId: built.organisations.civil.id }),
      );
      assert.equal(claim.status, 403);
      assert.match(
        ((await claim.json()) as { error: { message: string } }).error.message,
        /asState:/,
      );
      const report = await api(
        '/api/registry/measures',
        civilToken,
        input({
          organisationId: built.organisations.civil.id,
          asState: false,
          title: 'Bloqueio de DNS',
          titleTranslations: {},
          kinds: ['dns-obligations'],
        }),
      );
      assert.equal(report.status, 201);
      const body = (await report.json()) as { voice: string; id: string };
      assert.equal(body.voice, 'reported');
      const practice = (await (await app.request('/api/registry/countries/BRA')).json()) as {
        state: { id: string }[];
        reported: { id: string }[];
      };
      assert.ok(practice.reported.some((m) => m.id === body.id));
      assert.ok(!practice.state.some((m) => m.id === body.id));
    });

    test('a paragraph that does not exist is refused with the field named, and nothing is stored', async () => {
      const before = await o.db.selectFrom('registry_measures').select('id').execute();
      const res = await api(
        '/api/registry/measures',
        governmentToken,
        input({ source: { documentId: built.documentId, paragraphs: ['para 40'] } }),
      );
      assert.equal(res.status, 400);
      assert.match(
        JSON.stringify(await res.json()),
        /source\.paragraphs: \\"para 40\\" is not a paragraph/,
      );
      assert.equal(
        (await o.db.selectFrom('registry_measures').select('id').execute()).length,
        before.length,
      );
    });

    test('the measure page shows the current version and, at a past date, the old one', async () => {
      const current = await (await page(`/registry/measures/${lawId}`)).text();
      assert.match(current, /Version 2 of 2/);
      assert.match(current, /in force/);
      assert.match(current, /the State’s own word/);
      assert.match(current, new RegExp(`href="/documents/${built.documentId}#para-4"`));
      const past = await page(`/registry/measures/${lawId}?at=2026-04-15`);
      assert.equal(past.status, 200);
      const pastText = await past.text();
      assert.match(pastText, /Version 1 of 2/);
      assert.doesNotMatch(pastText, /class="measure-status status-in_force"/);
      assert.equal((await page(`/registry/measures/${lawId}?at=2026-01-01`)).status, 404);
      assert.equal((await page(`/registry/measures/${lawId}?at=soon`)).status, 400);
      assert.equal((await page('/registry/measures/nothing')).status, 404);
    });

    test("a State's page lists its own word, then reports apart, at any date", async () => {
      const text = await (await page('/registry/countries/BRA')).text();
      const stateAt = text.indexOf('Stated by the State’s government');
      const reportedAt = text.indexOf('Reported by others');
      assert.ok(stateAt > 0 && reportedAt > stateAt);
      assert.ok(text.slice(stateAt, reportedAt).includes('National root act'));
      assert.ok(text.slice(reportedAt).includes('Bloqueio de DNS'));
      assert.ok(!text.slice(stateAt, reportedAt).includes('Bloqueio de DNS'));
      assert.match(text, /M49 076/);
      const early = await (await page('/registry/countries/BRA?at=2026-03-15')).text();
      assert.match(early, /has stated no measure here/);
      assert.equal((await page('/registry/countries/ZZZ')).status, 404);
    });

    test('the list filters, and bad filters answer 400 naming the field', async () => {
      const all = await (await page('/registry?country=&region=&status=')).text();
      assert.match(all, /National root act/);
      const filtered = await (await page('/registry?kind=dns-obligations')).text();
      assert.match(filtered, /Bloqueio de DNS/);
      assert.doesNotMatch(filtered, /National root act/);
      const bad = await page('/registry?status=rumoured');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /status/);
      assert.equal((await page('/registry?at=2026-99-99')).status, 400);
    });

    test('the matrix counts cells and shows the indicator with its inputs', async () => {
      const text = await (await page('/registry/compare?region=latin-american-caribbean')).text();
      assert.match(text, /Fragmentation indicator/);
      assert.match(text, /divided by the number of member States of the group/);
      assert.match(text, /<td>1 \(Brazil\)<\/td>\s*<td>33<\/td>\s*<td>3%<\/td>/);
      const json = (await (
        await app.request('/api/registry/matrix?region=latin-american-caribbean')
      ).json()) as {
        fragmentation: { element: string; region: string; fragmenting: string[]; states: number }[];
      };
      const naming = json.fragmentation.find(
        (f) => f.element === 'naming-numbering' && f.region === 'latin-american-caribbean',
      );
      assert.deepEqual(naming?.fragmenting, ['BRA']);
      assert.equal(naming?.states, 33);
    });

    test('the world map colours each State on the element, with the same in a table, no script', async () => {
      const res = await page('/registry/map?element=naming-numbering');
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(
        text,
        /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 960 470" role="img"/,
      );
      assert.doesNotMatch(text.slice(text.indexOf('<main')), /<script/);
      // Brazil's outline is coloured as fragmenting (a binding national root), France's as none.
      assert.match(
        text,
        /<path class="map-fragmenting" d="M[^"]+"><title>Brazil: a binding measure of a kind counted by the indicator<\/title>/,
      );
      assert.match(
        text,
        /<path class="map-none" d="M[^"]+"><title>France: no measure recorded<\/title>/,
      );
      // A State too small for the outlines is a dot, and every member State is in the table.
      assert.match(text, /<circle class="map-none" cx="[\d.]+" cy="[\d.]+" r="3"><title>Malta:/);
      assert.equal(
        text.match(/<tr><th scope="row"><a href="\/registry\/countries\//g)?.length,
        193,
      );
      assert.match(text, /Brazil<\/a><\/th><td>[^<]+<\/td><td>a binding measure of a kind counted/);
      const indicator = await (
        await page('/registry/map?element=naming-numbering&show=indicator')
      ).text();
      assert.match(indicator, /<title>Argentina: 3%/);
      assert.match(indicator, /<td>33<\/td><td>3%<\/td>/);
      // Before anything was recorded, Brazil is not coloured.
      const early = await (
        await page('/registry/map?element=naming-numbering&at=2026-01-01')
      ).text();
      assert.match(early, /<title>Brazil: no measure recorded<\/title>/);
      const bad = await page('/registry/map?element=satellites');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /element/);
      assert.equal((await page('/registry/map?show=colours')).status, 400);
    });

    test('two States side by side: what only one has, and the conflicts by the rules on the page', async () => {
      await o.db.transaction().execute((trx) =>
        recordMeasure(
          trx,
          representativeViewer(built, 'civil'),
          {
            country: 'FRA',
            title: 'Loi sur la portée des injonctions',
            titleLanguage: 'fr',
            titleTranslations: { en: 'Injunctions reach act' },
            instrument: 'law',
            status: 'in_force',
            statusDates: { in_force: '2025-01-01' },
            elements: ['naming-numbering'],
            kinds: ['extraterritorial-reach'],
            reach: 'stated',
            organisationId: built.organisations.civil.id,
          },
          now,
        ),
      );
      const text = await (await page('/registry/pair?a=BRA&b=FRA')).text();
      assert.match(text, /<h1>Brazil and France<\/h1>/);
      assert.match(text, /Only France: Stated extraterritorial reach/);
      assert.match(text, /Only Brazil: [^<]*National or alternative root|Only Brazil: [^<]*root/);
      assert.match(
        text,
        /<a href="#rule-localisation-reach">Localisation against extraterritorial reach<\/a>/,
      );
      assert.match(text, /<a href="#rule-national-root">National root against the IANA root<\/a>/);
      assert.match(text, /<dt id="rule-localisation-both">Two localisations<\/dt>/);
      // France and Germany: France's reach alone conflicts with nothing.
      const quiet = await (await page('/registry/pair?a=FRA&b=DEU')).text();
      assert.doesNotMatch(quiet, /href="#rule-/);
      assert.match(quiet, /No conflict by the rules below/);
      assert.equal((await page('/registry/pair')).status, 200);
      for (const bad of ['?a=BRA', '?a=BRA&b=BRA', '?a=BRA&b=XYZ', '?a=B&b=FRA']) {
        const res = await page(`/registry/pair${bad}`);
        assert.equal(res.status, 400, bad);
      }
    });

    test('the timeline counts entries into force per year and element, at any date', async () => {
      const text = await (await page('/registry/timeline?region=latin-american-caribbean')).text();
      assert.match(text, /<tr><th scope="row">2026<\/th><td>0<\/td><td>1<\/td>/);
      const before = await (
        await page('/registry/timeline?region=latin-american-caribbean&at=2026-04-15')
      ).text();
      assert.doesNotMatch(before, /<th scope="row">2026<\/th>/);
      assert.equal((await page('/registry/timeline?kind=x&status=rumoured')).status, 400);
    });

    test('the map, the pair and the timeline as JSON: the data the pages draw', async () => {
      const json = async (path: string) => {
        const res = await app.request(path);
        assert.equal(res.status, 200, path);
        return (await res.json()) as Record<string, unknown>;
      };
      const map = (await json('/api/registry/map?element=naming-numbering')) as {
        element: string;
        show: string;
        states: { country: string; category: string; share: number; region: string | null }[];
        indicator: { region: string; fragmenting: string[]; states: number; share: number }[];
      };
      assert.equal(map.element, 'naming-numbering');
      assert.equal(map.states.length, 193);
      const state = (c: string) => map.states.find((s) => s.country === c);
      assert.equal(state('BRA')?.category, 'fragmenting');
      assert.equal(state('DEU')?.category, 'none');
      assert.equal(state('ARG')?.region, 'latin-american-caribbean');
      const lac = map.indicator.find((f) => f.region === 'latin-american-caribbean');
      assert.deepEqual(lac?.fragmenting, ['BRA']);
      assert.equal(lac?.states, 33);
      assert.equal(state('ARG')?.share, lac?.share);
      const early = (await json('/api/registry/map?element=naming-numbering&at=2026-01-01')) as {
        states: { country: string; category: string }[];
      };
      assert.equal(early.states.find((s) => s.country === 'BRA')?.category, 'none');

      const pair = (await json('/api/registry/pair?a=bra&b=FRA')) as {
        a: string;
        b: string;
        elements: {
          element: string;
          a: { id: string; country: string }[];
          b: { id: string }[];
          onlyA: string[];
          onlyB: string[];
          conflicts: { rule: string; a: string[]; b: string[] }[];
        }[];
      };
      assert.equal(pair.a, 'BRA');
      const naming = pair.elements.find((e) => e.element === 'naming-numbering')!;
      assert.ok(naming.a.every((m) => m.country === 'BRA') && naming.a.length > 0);
      assert.ok(naming.onlyB.includes('extraterritorial-reach'));
      assert.ok(naming.onlyA.includes('national-root'));
      const root = naming.conflicts.find((k) => k.rule === 'national-root');
      assert.ok(root && root.a.every((id) => naming.a.some((m) => m.id === id)) && root.a.length);
      const refused = await app.request('/api/registry/pair?a=BRA&b=BRA');
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /INVALID_REQUEST/);

      const timeline = (await json('/api/registry/timeline?region=latin-american-caribbean')) as {
        elements: string[];
        years: { year: string; counts: Record<string, number>; total: number }[];
      };
      const y2026 = timeline.years.find((y) => y.year === '2026');
      assert.equal(y2026?.counts['naming-numbering'], 1);
      assert.ok(timeline.elements.includes('naming-numbering'));
      const before = (await json(
        '/api/registry/timeline?region=latin-american-caribbean&at=2026-04-15',
      )) as { years: { year: string }[] };
      assert.ok(!before.years.some((y) => y.year === '2026'));
      assert.equal((await app.request('/api/registry/timeline?status=rumoured')).status, 400);
    });

    test('the CSV has every measure that matches, and defuses formulas', async () => {
      const count = (await o.db.selectFrom('registry_measures').select('id').execute()).length;
      const res = await page('/registry.csv');
      assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
      assert.equal(lines.length, count + 1);
      assert.match(lines[0]!, /^id,version,recorded_at,country,m49/);
      await o.db
        .transaction()
        .execute((trx) => recordMeasure(trx, government, input({ title: '=HYPERLINK("x")' }), now));
      assert.match(await (await page('/registry.csv')).text(), /'=HYPERLINK/);
    });

    test('the pages speak Arabic, right to left', async () => {
      for (const path of [
        '/registry',
        `/registry/measures/${lawId}`,
        '/registry/countries/BRA',
        '/registry/compare',
        '/registry/terms',
        '/registry/map?element=naming-numbering',
        '/registry/map?element=naming-numbering&show=indicator',
        '/registry/pair?a=BRA&b=FRA',
        '/registry/timeline',
      ]) {
        const res = await page(path, 'ar');
        assert.equal(res.status, 200, path);
        const text = await res.text();
        assert.match(text, /<html lang="ar" dir="rtl">/, path);
        assert.match(text, /السجل|الممارسة التنظيمية الوطنية/, path);
      }
      const terms = await (await page('/registry/terms', 'ar')).text();
      assert.match(terms, /توطين البيانات/);
    });
  });
}
