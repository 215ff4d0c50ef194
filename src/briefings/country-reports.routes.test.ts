import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { briefingNow, briefingSays, buildBriefingCorpus } from './briefing.builder.ts';

interface ApiCountries {
  regions: {
    group: string | null;
    countries: { iso3: string; submissions: number; stances: number }[];
  }[];
}

/** The counts of one State's row in the /countries page: [submissions, stances]. */
function rowCounts(page: string, iso3: string): [number, number] {
  const row = new RegExp(`<tr data-country="${iso3}">[\\s\\S]*?</tr>`).exec(page);
  assert.ok(row, `a row for ${iso3}`);
  const cells = [...row[0].matchAll(/<td>([^<]*)<\/td>/g)].map((m) => Number(m[1]));
  return [cells[0]!, cells[1]!];
}

for (const engine of testEngines()) {
  describe(`country reports (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      o = await openTestDatabase(engine);
      await buildBriefingCorpus(o, engine);
      app = createApp({ db: o.db, engine, now: () => briefingNow });
    });
    after(async () => o.close());

    test('/countries counts what each State said through its verified government, by regional group, as the API does', async () => {
      const res = await app.request('/countries');
      assert.equal(res.status, 200);
      const page = await res.text();
      const api = (await (await app.request('/api/countries')).json()) as ApiCountries;
      assert.deepEqual(
        api.regions.map((r) => r.group),
        [
          'african',
          'asia-pacific',
          'eastern-european',
          'latin-american-caribbean',
          'western-european-others',
          null,
        ],
      );
      const find = (iso3: string) => {
        const region = api.regions.find((r) => r.countries.some((c) => c.iso3 === iso3))!;
        return { group: region.group, ...region.countries.find((c) => c.iso3 === iso3)! };
      };
      // Brazil and Egypt speak through verified governments; Kenya has a recorded stance.
      assert.deepEqual(find('BRA'), {
        group: 'latin-american-caribbean',
        iso3: 'BRA',
        submissions: 1,
        stances: 0,
      });
      assert.deepEqual(find('EGY'), { group: 'african', iso3: 'EGY', submissions: 1, stances: 0 });
      assert.deepEqual(find('KEN'), { group: 'african', iso3: 'KEN', submissions: 0, stances: 1 });
      // The government of "Atlantis" (ARG) is not verified: it does not speak for Argentina.
      assert.deepEqual(find('ARG'), {
        group: 'latin-american-caribbean',
        iso3: 'ARG',
        submissions: 0,
        stances: 0,
      });
      for (const iso3 of ['BRA', 'EGY', 'KEN', 'ARG', 'FRA']) {
        const c = find(iso3);
        assert.deepEqual(rowCounts(page, iso3), [c.submissions, c.stances], `${iso3}: page = API`);
      }
      // Each State sits in its group's section and links to its report.
      const african = page.slice(
        page.indexOf('id="region-african"'),
        page.indexOf('id="region-asia-pacific"'),
      );
      assert.match(african, /<a href="\/countries\/EGY">Egypt<\/a>/);
      assert.doesNotMatch(african, /\/countries\/BRA"/);
      assert.equal(api.regions.flatMap((r) => r.countries).length, 195);
    });

    test('a country report quotes its verified government exactly, its stances per concept and its processes, and lists its organisations', async () => {
      const md = await (await app.request('/countries/EGY?format=md')).text();
      assert.match(md, /^# Country report: Egypt\n/);
      assert.ok(md.includes(briefingSays.egypt), 'the Arabic submission quoted exactly');
      assert.match(md, /Original in Arabic\. Translation:/);
      assert.match(md, /## Processes it took part in\n\n- \*\*Test Working Group \(TWG\)\*\*/);
      assert.match(
        md,
        /\[Permanent Mission of Egypt \(Government, verified\)\]\(http:\/\/localhost\/organisations\//,
      );
      assert.match(
        md,
        /\[\^1\]: Permanent Mission of Egypt, submission of 2 June 2026 <http:\/\/localhost\/submissions\//,
      );
      const ken = await (await app.request('/countries/KEN?format=md')).text();
      assert.match(
        ken,
        /### Public core of the Internet\n\n\*\*supports \(3 June 2026\), TWG\*\*\n\n> integrity of the public core of the Internet\[\^1\]/,
      );
      // Argentina's unverified "government" is listed as its organisation, never quoted as the State.
      const arg = await (await app.request('/countries/ARG?format=md')).text();
      assert.match(arg, /Ministry of Foreign Affairs of Atlantis \(Government, not verified\)/);
      assert.ok(!arg.includes(briefingSays.atlantis), 'an unverified government is not the State');
      assert.match(arg, /Its verified government has published no submission\./);
    });

    test('one language per report: French words, the sources in their own language', async () => {
      const md = await (await app.request('/countries/BRA?format=md&language=fr')).text();
      assert.match(md, /^# Rapport de pays : Brésil\n/);
      assert.ok(md.includes(briefingSays.brazil));
      assert.match(md, /Original en anglais\. Traduction/);
      const page = await (
        await app.request('/countries/BRA', { headers: { 'accept-language': 'ar' } })
      ).text();
      assert.match(page, /<html lang="ar" dir="rtl"/);
      assert.match(page, /<article class="paper" lang="ar" dir="rtl">/);
    });

    test('the page offers each format; HTML is a printable paper; DOCX has footnotes and heading styles', async () => {
      const page = await (await app.request('/countries/BRA')).text();
      for (const f of ['html', 'md', 'docx', 'pdf'])
        assert.match(page, new RegExp(`<option value="${f}"`));
      const html = await (await app.request('/countries/BRA?format=html&paper=letter')).text();
      assert.match(html, /@page \{ size: letter;/);
      assert.ok(html.includes(briefingSays.brazil));
      const res = await app.request('/countries/EGY?format=docx');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /plenum-country-report-EGY-en\.docx/);
      const zip = await JSZip.loadAsync(await res.arrayBuffer());
      const document = await zip.file('word/document.xml')!.async('string');
      const footnotes = await zip.file('word/footnotes.xml')?.async('string');
      const styles = await zip.file('word/styles.xml')!.async('string');
      assert.ok(footnotes, 'a word/footnotes.xml part');
      assert.match(footnotes, /Permanent Mission of Egypt, submission of 2 June 2026/);
      assert.match(document, /<w:footnoteReference w:id="1"\/>/);
      for (const level of ['Title', 'Heading1']) {
        assert.match(document, new RegExp(`<w:pStyle w:val="${level}"/>`), level);
        assert.match(styles, new RegExp(`w:styleId="${level}"`));
      }
      assert.ok(document.includes(briefingSays.egypt), 'the Arabic quotation in the document');
      assert.match(document, /<w:rtl\/>/);
    });

    test('an unknown country is the same 404 on the page and in the API', async () => {
      for (const code of ['XYZ', 'xx', 'BRAZIL', '123']) {
        const page = await app.request(`/countries/${code}`);
        const api = await app.request(`/api/countries/${code}`);
        assert.equal(page.status, 404, code);
        assert.equal(api.status, 404, code);
        const body = (await api.json()) as { error: { code: string } };
        assert.equal(body.error.code, 'COUNTRY_NOT_FOUND');
        assert.match(
          await page.text(),
          /There is no member or observer State with this ISO 3166-1 alpha-3 code/,
        );
      }
      assert.equal((await app.request('/api/countries/XYZ/stances')).status, 404);
      assert.equal((await app.request('/countries/bra')).status, 200);
    });

    test('an organisation page links to its country', async () => {
      const md = await (await app.request('/countries/EGY?format=md')).text();
      const slug = /organisations\/([a-z0-9-]+)\)/.exec(md)![1]!;
      const page = await (await app.request(`/organisations/${slug}`)).text();
      assert.match(page, /<a href="\/countries\/EGY">Egypt<\/a>/);
    });
  });
}
