/**
 * Content in the reader's language beyond the process's own pages: once the secretariat has
 * translated a process's name, a period's title and the versions' labels, the stance table of a
 * concept page, the comparison of two versions, the search form and its facets, a briefing
 * paper and a country report written in that language use the translations; a reader of
 * English, and a language without a translation, keep the original.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { briefingNow, buildBriefingCorpus } from '../briefings/briefing.builder.ts';
import type { BuiltBriefingCorpus } from '../briefings/briefing.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { saveTranslations } from '../processes/translations.service.ts';

const french = {
  name: 'Groupe de travail d’essai sur le noyau public',
  period: 'Consultation écrite sur l’avant-projet',
  zero: 'Avant-projet zéro',
  rev1: 'Révision 1 en français',
};

for (const engine of testEngines()) {
  describe(`translated names outside the process pages (${engine})`, () => {
    let o: OpenDatabase;
    let corpus: BuiltBriefingCorpus;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      o = await openTestDatabase(engine);
      corpus = await buildBriefingCorpus(o, engine);
      const { built, rev1VersionId } = corpus;
      await saveTranslations(
        o.db,
        operatorViewer,
        built.process.id,
        [
          { type: 'process', id: built.process.id, originals: { name: built.process.name } },
          { type: 'period', id: built.period.id, originals: { title: 'period' } },
          { type: 'version', id: built.versionId, originals: { label: 'zero' } },
          { type: 'version', id: rev1VersionId, originals: { label: 'rev1' } },
        ],
        [
          {
            subjectType: 'process',
            subjectId: built.process.id,
            field: 'name',
            language: 'fr',
            text: french.name,
          },
          {
            subjectType: 'period',
            subjectId: built.period.id,
            field: 'title',
            language: 'fr',
            text: french.period,
          },
          {
            subjectType: 'version',
            subjectId: built.versionId,
            field: 'label',
            language: 'fr',
            text: french.zero,
          },
          {
            subjectType: 'version',
            subjectId: rev1VersionId,
            field: 'label',
            language: 'fr',
            text: french.rev1,
          },
        ],
        briefingNow,
      );
      app = createApp({ db: o.db, engine, now: () => briefingNow });
    });
    after(() => o.close());

    const page = async (path: string, lang: string): Promise<string> => {
      const res = await app.request(path, { headers: { 'accept-language': lang } });
      assert.equal(res.status, 200, `${path} in ${lang}`);
      return res.text();
    };

    test('the stance table of a concept page names the process in the reader’s language', async () => {
      const fr = await page('/concepts/public-core', 'fr');
      const table = /<table class="stances">[\s\S]*?<\/table>/.exec(fr)?.[0] ?? '';
      assert.ok(table.includes(french.name), 'the French name in the stance table');
      assert.doesNotMatch(table, new RegExp(corpus.built.process.name));
      const en = await page('/concepts/public-core', 'en');
      assert.ok(!en.includes(french.name));
      assert.ok(en.includes(corpus.built.process.name));
      // Chinese has no translation: the English name, marked as English.
      const zh = await page('/concepts/public-core', 'zh');
      assert.match(zh, /<span lang="en" dir="ltr">[^<]+<\/span> <small class="fallback">/);
    });

    test('the comparison of two versions gives their labels in French', async () => {
      const { built } = corpus;
      const fr = await page(`/documents/${built.documentId}/compare?from=1&to=2&lang=en`, 'fr');
      assert.ok(fr.includes(french.zero) && fr.includes(french.rev1), 'both labels translated');
      assert.match(fr, new RegExp(`<h1>[^<]*${french.zero}[^<]*${french.rev1}`), 'in the heading');
    });

    test('the search form and its facets name the process in French', async () => {
      const fr = await page('/search?q=public+core', 'fr');
      const select = /<select name="process">[\s\S]*?<\/select>/.exec(fr)?.[0] ?? '';
      assert.ok(
        select.includes(french.name) || select.includes(`>${corpus.built.process.shortName}<`),
        'the process option in French (or its short name)',
      );
      const facets = /<nav class="facets"[\s\S]*?<\/nav>/.exec(fr)?.[0] ?? '';
      assert.ok(facets.includes(french.name), 'the process facet in French');
    });

    test('a briefing paper in French uses the translated name, period title and version labels', async () => {
      const md = await (
        await app.request(
          '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30&language=fr&format=md',
        )
      ).text();
      assert.ok(md.includes(french.name), 'the process name');
      assert.ok(md.includes(french.period), 'the period title in the timeline');
      assert.ok(md.includes(french.rev1), 'the version label');
      assert.ok(!md.includes(`${corpus.built.process.name} (`), 'no English name left');
      const english = await (
        await app.request(
          '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30&language=en&format=md',
        )
      ).text();
      assert.ok(!english.includes(french.name) && english.includes(corpus.built.process.name));
    });

    test('a country report in French lists the process under its French name', async () => {
      const md = await (await app.request('/countries/KEN?language=fr&format=md')).text();
      assert.ok(md.includes(french.name), 'the process name in the report');
    });
  });
}
