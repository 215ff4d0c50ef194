/**
 * Fictional States in the registry (issue 16, point 6), on both engines: a user-assigned code
 * XAA–XZZ is a State's code only once an administrator marks that State fictional (a real-looking
 * XAB is refused before); ZZZ and real codes are never marked; a fictional State is named with
 * "(fictional)" in the six languages; its measures leave the 193 Member States' figures (the
 * fragmentation indicator and the map) exactly as they were.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { isPlenumError } from '../errors.ts';
import { openTestDatabase, rowCounts, testEngines } from '../db/test-databases.ts';
import { countryName } from '../organisations/countries.ts';
import { markFictionalState } from '../organisations/fictional-states.service.ts';
import { getMap } from './compare.service.ts';
import { getMatrix, recordMeasure } from './registry.service.ts';
import { openRound } from './rounds.service.ts';

const names = {
  ar: 'إكسابلاند',
  en: 'Xabland',
  es: 'Xablandia',
  fr: 'Xablande',
  ru: 'Ксабландия',
  zh: '克萨布兰',
};

for (const engine of testEngines()) {
  describe(`fictional States in the registry (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    let app: ReturnType<typeof createApp>;
    const now = new Date('2026-06-10T12:00:00Z');
    const localisation = (country: string) => ({
      country,
      title: 'Data Residency Act',
      titleLanguage: 'en',
      instrument: 'law',
      status: 'in_force',
      statusDates: { in_force: '2026-01-01' },
      elements: ['data-centres'],
      kinds: ['data-localisation'],
    });
    const refused = async (p: Promise<unknown>, code: string, detail: RegExp) =>
      assert.rejects(p, (e: unknown) => {
        assert.ok(isPlenumError(e), String(e));
        assert.equal(e.code, code);
        assert.match(e.message, detail);
        return true;
      });

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      civil = representativeViewer(built, 'civil');
      app = createApp({ db: o.db, engine, now: () => now });
    });
    after(() => o.close());

    test('a real-looking XAB is refused as a State until it is marked fictional; ZZZ and real codes never are', async () => {
      const counts = await rowCounts(o);
      await refused(
        o.db.transaction().execute((trx) => recordMeasure(trx, civil, localisation('XAB'), now)),
        'INVALID_REQUEST',
        /country: "XAB" is not a UN member State/,
      );
      await refused(
        o.db.transaction().execute((trx) =>
          openRound(
            trx,
            operatorViewer,
            built.process.id,
            {
              title: 'A round',
              questions: [{ key: 'q', texts: { en: 'Q?' } }],
              invited: ['XAB'],
              opensAt: '2026-06-11T09:00',
              closesAt: '2026-06-30T18:00',
              timeZone: 'UTC',
            },
            now,
          ),
        ),
        'INVALID_REQUEST',
        /invited: "XAB"/,
      );
      for (const iso3 of ['ZZZ', 'BRA', 'QMA', 'XA'])
        await refused(
          o.db
            .transaction()
            .execute((trx) => markFictionalState(trx, operatorViewer, { iso3, names }, now)),
          'INVALID_REQUEST',
          /iso3: a fictional State takes a user-assigned code from XAA to XZZ/,
        );
      await refused(
        o.db
          .transaction()
          .execute((trx) => markFictionalState(trx, civil, { iso3: 'XAB', names }, now)),
        'FORBIDDEN',
        /administrators/,
      );
      assert.deepEqual(await rowCounts(o), counts, 'nothing written by any refusal');
      await o.db
        .transaction()
        .execute((trx) => markFictionalState(trx, operatorViewer, { iso3: 'xab', names }, now));
      const measure = await o.db
        .transaction()
        .execute((trx) => recordMeasure(trx, civil, localisation('XAB'), now));
      assert.equal(measure.country, 'XAB');
      await refused(
        o.db.transaction().execute((trx) => recordMeasure(trx, civil, localisation('ZZZ'), now)),
        'INVALID_REQUEST',
        /country: "ZZZ"/,
      );
    });

    test('a fictional State is named with "(fictional)" in the six languages, on its pages too', async () => {
      assert.equal(countryName('XAB', 'en'), 'Xabland (fictional)');
      assert.equal(countryName('XAB', 'fr'), 'Xablande (fictif)');
      assert.equal(countryName('XAB', 'es'), 'Xablandia (ficticio)');
      assert.equal(countryName('XAB', 'ru'), 'Ксабландия (вымышленное)');
      assert.equal(countryName('XAB', 'zh'), '克萨布兰（虚构）');
      assert.equal(countryName('XAB', 'ar'), 'إكسابلاند (دولة خيالية)');
      const page = await app.request('/registry/countries/XAB', {
        headers: { 'accept-language': 'fr' },
      });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Xablande \(fictif\)/);
      const list = await (await app.request('/registry')).text();
      assert.match(list, /Xabland \(fictional\)/);
    });

    test('the map’s and the indicator’s denominators and figures are unchanged by a fictional State', async () => {
      const figures = async () => {
        const matrix = await getMatrix(o.db, {});
        const map = await getMap(o.db, { element: 'data-centres' });
        return {
          fragmentation: matrix.fragmentation,
          categories: [...map.categories].toSorted(),
        };
      };
      // A real State's fragmenting measure, then the same measure by two fictional States.
      await o.db
        .transaction()
        .execute((trx) => recordMeasure(trx, civil, localisation('KEN'), now));
      const before = await figures();
      await o.db
        .transaction()
        .execute((trx) =>
          markFictionalState(
            trx,
            operatorViewer,
            { iso3: 'XAC', names: { ...names, en: 'Xacland' } },
            now,
          ),
        );
      await o.db
        .transaction()
        .execute((trx) => recordMeasure(trx, civil, localisation('XAC'), now));
      const afterwards = await figures();
      assert.deepEqual(afterwards, before);
      const africa = afterwards.fragmentation.find(
        (f) => f.element === 'data-centres' && f.region === 'african',
      )!;
      assert.equal(africa.states, 54);
      assert.deepEqual(africa.fragmenting, ['KEN'], 'the real State counts: the test can fail');
      const total = afterwards.fragmentation
        .filter((f) => f.element === 'data-centres')
        .reduce((n, f) => n + f.states, 0);
      assert.equal(total, 193, 'the 193 Member States, no more');
      assert.ok(!afterwards.categories.some(([c]) => c.startsWith('X')));
    });

    test('the map shows fictional States apart, by the same rule, and the JSON says so', async () => {
      const map = await getMap(o.db, { element: 'data-centres' });
      assert.deepEqual(
        map.fictional.find((f) => f.iso3 === 'XAC'),
        { iso3: 'XAC', category: 'fragmenting' },
        'its localisation measure binds, as KEN’s does',
      );
      const html = await (await app.request('/registry/map?element=data-centres')).text();
      const apart = html.slice(html.indexOf('<div class="fictional-states">'));
      assert.match(apart, /have no outline on the map and no place in the indicator/);
      assert.match(apart, /<a href="\/registry\/countries\/XAC">Xacland \(fictional\)<\/a>: /);
      assert.ok(!/<path class="[^"]*"[^>]*><title>Xacland/.test(html), 'no shape drawn for it');
      const byIndicator = await (
        await app.request('/registry/map?element=data-centres&show=indicator')
      ).text();
      assert.match(byIndicator, /Xacland \(fictional\)<\/a>: not in the indicator \(fictional\)/);
      const json = (await (await app.request('/api/registry/map?element=data-centres')).json()) as {
        states: { country: string }[];
        fictional: { country: string; category: string }[];
      };
      assert.ok(json.fictional.some((f) => f.country === 'XAC' && f.category === 'fragmenting'));
      assert.equal(json.states.length, 193);
      // A region filter leaves them out: they have none.
      assert.deepEqual(
        (await getMap(o.db, { element: 'data-centres', region: 'african' })).fictional,
        [],
      );
    });
  });
}
