/**
 * National measures everywhere search reaches, on both engines: a measure recorded is found by
 * its title in each of its languages (one result, of the kind "measure", linking to its page),
 * tagged with the concepts its words name, matched by watches (and so in their Atom feeds); a
 * revision replaces what is found; a rebuild of the index keeps the measures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { getConcept, installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { recordEvent } from '../events/events.store.ts';
import { drain } from '../followers.ts';
import { reindexRequested } from '../search/search.follower.ts';
import { searchPassages } from '../search/search.service.ts';
import { watchFeed } from '../watches/watch-feed.ts';
import { createWatch, getWatch, getWatchFeed } from '../watches/watches.service.ts';
import { recordMeasure, reviseMeasure } from './registry.service.ts';

function decree(extra: Record<string, unknown> = {}) {
  return {
    country: 'FRA',
    title: 'Décret relatif aux résolveurs des noms de domaine',
    titleLanguage: 'fr',
    titleTranslations: { en: 'Decree on resolvers of domain names', zh: '关于域名解析器的法令' },
    instrument: 'decree',
    status: 'in_force',
    statusDates: { in_force: '2026-02-01' },
    elements: ['naming-numbering'],
    kinds: ['dns-obligations'],
    reach: 'none',
    ...extra,
  };
}

for (const engine of testEngines()) {
  describe(`measures in search, concepts and watches (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let civil: Viewer;
    let reader: Viewer;
    let conceptWatch: { id: string; feedKey: string };
    let wordWatch: string;
    let measureId: string;
    const t1 = new Date('2026-04-01T10:00:00Z');
    const t2 = new Date('2026-05-01T10:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      civil = representativeViewer(built, 'civil');
      reader = representativeViewer(built, 'tech');
      const made = await createWatch(o.db, reader, { name: 'The DNS', concepts: ['dns'] });
      conceptWatch = { id: made.watch.id, feedKey: made.feedKey };
      wordWatch = (await createWatch(o.db, reader, { name: 'Resolvers', query: 'resolvers' })).watch
        .id;
      measureId = (await recordMeasure(o.db, civil, decree(), t1)).id;
      await drain(o.db, engine);
    });
    after(() => o.close());

    const search = (q: string, extra: Record<string, string> = {}) =>
      searchPassages(o.db, null, { q, ...extra });

    test('a measure is found by its title in each language, as one result of the kind measure', async () => {
      for (const [q, language] of [
        ['résolveurs décret', 'fr'],
        ['decree resolvers', 'en'],
        ['域名解析器', 'zh'],
      ] as const) {
        const found = await search(q);
        const hits = found.hits.filter((h) => h.href === `/registry/measures/${measureId}`);
        assert.equal(hits.length, 1, q);
        assert.equal(hits[0]!.kind, 'measure');
        assert.equal(hits[0]!.language, language);
        assert.equal(hits[0]!.country, 'FRA');
        assert.equal(hits[0]!.processId, '');
      }
      // The kind's names are part of it, in each language: "DNS" is in the en and fr passages, one result.
      const dns = await search('DNS', { kind: 'measure' });
      assert.equal(dns.total, 1);
      assert.ok(dns.passages >= 2, `${dns.passages} passages`);
      assert.ok(dns.hits.every((h) => h.kind === 'measure'));
      // Other kinds filter it out; the process facet has no empty process.
      assert.equal((await search('decree resolvers', { kind: 'paragraph' })).total, 0);
      assert.ok((await search('DNS')).facets.process.every((f) => f.value !== ''));
      assert.deepEqual(
        (await search('DNS', { country: 'FRA' })).hits.map((h) => h.kind),
        ['measure'],
      );
    });

    test('the search page marks it as a national measure of its State, linked to its page', async () => {
      const app = createApp({ db: o.db, engine });
      for (const [lang, label] of [
        ['en', 'National measure'],
        ['ar', 'تدبير وطني'],
      ] as const) {
        const res = await app.request('/search?q=decree+resolvers&kind=measure', {
          headers: { 'accept-language': lang },
        });
        assert.equal(res.status, 200);
        const text = await res.text();
        assert.match(
          text,
          new RegExp(`<a href="/registry/measures/${measureId}"><bdi>Decree on resolvers`),
        );
        assert.match(text, new RegExp(`${label} · `));
        assert.match(text, /<a href="\/registry\/countries\/FRA">/);
      }
    });

    test('concepts tag it and watches match it, so it is in their Atom feeds', async () => {
      const concept = await getConcept(o.db, 'dns');
      assert.ok(concept.passages.some((p) => p.sourceId === measureId));
      const byConcept = await getWatch(o.db, reader, conceptWatch.id);
      assert.ok(byConcept.hits.some((h) => h.href === `/registry/measures/${measureId}`));
      const byWord = await getWatch(o.db, reader, wordWatch);
      assert.deepEqual(
        byWord.hits.map((h) => h.sourceId),
        [`${measureId}~en`],
      );
      const { watch, hits } = await getWatchFeed(o.db, conceptWatch.feedKey);
      const xml = watchFeed({
        base: 'https://plenum.example',
        selfPath: '/feed.atom',
        watch,
        hits,
      });
      assert.match(
        xml,
        new RegExp(`<link href="https://plenum.example/registry/measures/${measureId}"`),
      );
    });

    test('a revision replaces what is found; a translation dropped is no longer found', async () => {
      await reviseMeasure(
        o.db,
        civil,
        measureId,
        decree({
          title: 'Décret relatif au blocage par les résolveurs',
          titleTranslations: { en: 'Decree on blocking by resolvers' },
        }),
        t2,
      );
      await drain(o.db, engine);
      assert.equal((await search('blocking resolvers')).total, 1);
      assert.equal((await search('domain names', { kind: 'measure' })).total, 0);
      assert.equal((await search('域名解析器')).total, 0);
      assert.equal((await search('blocage')).hits[0]?.date, '2026-05-01');
    });

    test('a rebuild of the search index keeps the measures', async () => {
      await recordEvent(o.db, {
        actor: 'plenum',
        action: reindexRequested,
        subjectType: 'search',
        subjectId: 'index',
        data: {},
      });
      await drain(o.db, engine);
      assert.equal((await search('blocking resolvers')).total, 1);
      assert.equal((await search('blocage', { kind: 'measure' })).total, 1);
    });
  });
}
