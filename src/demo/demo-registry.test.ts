/**
 * The demo's registry (issue 16, point 6), on both engines: a published round on the illustrative
 * process answered by three fictional States' governments fills the matrix and their State pages,
 * each State named "(fictional)"; one answer's legal text downloads for anyone; the 193 Member
 * States' map, indicator and country list hold no fictional State.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { getMap } from '../registry/compare.service.ts';
import { loadDemoIfEmpty, type DemoSummary } from './demo.service.ts';

for (const engine of testEngines()) {
  describe(`the demo's registry (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    let summary: DemoSummary | undefined;
    const text = async (path: string, lang = 'en') => {
      const res = await app.request(path, { headers: { 'accept-language': lang } });
      assert.equal(res.status, 200, path);
      return res.text();
    };
    before(async () => {
      o = await openTestDatabase(engine);
      summary = await loadDemoIfEmpty(o.db);
      app = createApp({ db: o.db, engine });
    });
    after(async () => o.close());

    test('three fictional States answered a published round: their measures fill the matrix and their pages', async () => {
      assert.equal(summary?.fictionalStates, 3);
      assert.equal(summary?.registryMeasures, 4);
      const compare = await text('/registry/compare');
      for (const name of ['Nordmark', 'Solvera', 'Valmont'])
        assert.match(compare, new RegExp(`${name} \\(fictional\\)`));
      assert.match(await text('/registry/compare', 'fr'), /Nordmark \(fictif\)/);
      assert.match(await text('/registry/compare', 'zh'), /诺德马克（虚构）/);
      const solvera = await text('/registry/countries/XDB');
      assert.match(solvera, /Domain Name Resolution Act/, "the title in the reader's language");
      const feed = await text('/registry/feed.atom');
      assert.match(feed, /Valmont \(fictional\): Plan national de racine de confiance/);
    });

    test('the round page lists the published answers; the legal text downloads for anyone', async () => {
      const registry = await text('/api/registry/measures?country=XDA');
      const { measures } = JSON.parse(registry) as { measures: { id: string }[] };
      assert.equal(measures.length, 2);
      const page = await text(`/registry/measures/${measures[0]!.id}`);
      const href = /href="(\/registry\/answer-files\/[^"]+)" download/.exec(page)?.[1];
      assert.ok(href, 'the measure page links the legal text of its answer');
      const file = await app.request(href);
      assert.equal(file.status, 200);
      assert.match(await file.text(), /Critical Network Resilience Act \(fictional/);
    });

    test('the map, the indicator and the country list count the 193 Member States only', async () => {
      const map = await getMap(o.db, { element: 'data-centres' });
      const states = map.matrix.fragmentation
        .filter((f) => f.element === 'data-centres')
        .reduce((n, f) => n + f.states, 0);
      assert.equal(states, 193);
      assert.ok(![...map.categories.keys()].some((c) => c.startsWith('X')));
      assert.ok(
        map.matrix.rows.some((r) => r.country === 'XDA'),
        'the matrix has the fictional row: the map leaves it out, not the data',
      );
      assert.doesNotMatch(await text('/countries'), /Nordmark|XDA/);
    });
  });
}
