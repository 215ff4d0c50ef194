/**
 * A State's report carries its national regulatory measures from the registry (issue 15 point 2,
 * issue 16 point 5): the State's own word (a verified representative of its verified government)
 * first, the measures others reported apart and labelled, each with status and dates, instrument,
 * elements, kinds, who stated it, and links to the measure and to the paragraphs it cites; in the
 * page, Markdown, HTML, DOCX and PDF alike. An unverified organisation's measure is never the
 * State's word, nor is a measure whose government or representative lost its verification.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { representativeViewer } from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import {
  revokeVerification,
  verifyRepresentative,
} from '../organisations/organisations.service.ts';
import { recordMeasure } from '../registry/registry.service.ts';
import { canPrintPdf } from '../web/print-pdf.ts';
import { briefingNow, buildBriefingCorpus, type BuiltBriefingCorpus } from './briefing.builder.ts';

/** The part of a Markdown report from one heading to the next of the same level or higher. */
function mdSection(md: string, heading: string): string {
  const start = md.indexOf(heading);
  assert.ok(start >= 0, `the heading "${heading}" is there`);
  const level = /^#+/.exec(heading)![0].length;
  const rest = md.slice(start + heading.length);
  const next = new RegExp(`\\n#{1,${level}} `).exec(rest);
  return heading + (next ? rest.slice(0, next.index) : rest);
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const task = getDocument({ data: new Uint8Array(bytes) });
  const pdf = await task.promise;
  let out = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out += content.items.map((x) => (x as TextItem).str).join(' ') + '\n';
  }
  await task.destroy();
  return out.replace(/\s+/g, ' ');
}

for (const engine of testEngines()) {
  describe(`national measures in country reports (${engine})`, () => {
    let o: OpenDatabase;
    let corpus: BuiltBriefingCorpus;
    let app: ReturnType<typeof createApp>;
    const ids: Record<string, string> = {};

    before(async () => {
      o = await openTestDatabase(engine);
      corpus = await buildBriefingCorpus(o, engine);
      app = createApp({ db: o.db, engine, now: () => briefingNow });
      const { built } = corpus;
      const government = representativeViewer(built, 'government');
      await verifyRepresentative(
        o.db,
        operatorViewer,
        { organisation: built.organisations.government.id, accountId: government.id },
        { kind: 'note_verbale', reason: 'Note verbale 2026/7 from the Permanent Mission.' },
      );
      const record = (viewer: Viewer, input: Record<string, unknown>, at: string) =>
        o.db
          .transaction()
          .execute((trx) => recordMeasure(trx, viewer, input, new Date(at)))
          .then((m) => m.id);
      // Brazil's own word, in Portuguese with an English title, citing two paragraphs of Rev.1.
      ids.brazil = await record(
        government,
        {
          country: 'BRA',
          title: 'Lei de infraestrutura crítica da Internet',
          titleLanguage: 'pt',
          titleTranslations: { en: 'Critical Internet infrastructure act' },
          instrument: 'law',
          status: 'in_force',
          statusDates: { draft: '2025-11-03', adopted: '2026-03-01', in_force: '2026-06-01' },
          elements: ['naming-numbering', 'routing'],
          kinds: ['national-root'],
          reach: 'partial',
          source: { documentId: built.documentId, paragraphs: ['para 2', 'para 5'] },
          organisationId: built.organisations.government.id,
          asState: true,
        },
        '2026-06-05T10:00:00Z',
      );
      // Kenya's civil society reports a Brazilian measure: never Brazil's word.
      ids.reported = await record(
        representativeViewer(built, 'civil'),
        {
          country: 'BRA',
          title: 'Portaria sobre bloqueio de DNS',
          titleLanguage: 'pt',
          instrument: 'regulation',
          status: 'draft',
          statusDates: { draft: '2026-05-20' },
          elements: ['naming-numbering'],
          kinds: ['dns-obligations'],
          organisationId: built.organisations.civil.id,
        },
        '2026-06-06T10:00:00Z',
      );
      // Atlantis (Argentina's government, not verified) cannot state Argentina's practice …
      const atlantisAccount = await o.db
        .selectFrom('accounts')
        .select('id')
        .where('email', '=', 'atlantis@example.org')
        .executeTakeFirstOrThrow();
      const atlantis: Viewer = {
        id: atlantisAccount.id,
        email: 'atlantis@example.org',
        name: 'atlantis',
        isAdmin: false,
        via: 'session',
        grants: [{ role: 'representative', scopeId: corpus.organisations.atlantis.id }],
      };
      const argentine = {
        country: 'ARG',
        title: 'Ley de soberanía del sistema de nombres',
        titleLanguage: 'es',
        instrument: 'law',
        status: 'adopted',
        statusDates: { adopted: '2026-04-10' },
        elements: ['naming-numbering'],
        kinds: ['national-root'],
        organisationId: corpus.organisations.atlantis.id,
      };
      await assert.rejects(
        record(atlantis, { ...argentine, asState: true }, '2026-06-07T10:00:00Z'),
        (e) => isPlenumError(e) && e.code === 'FORBIDDEN',
      );
      // … it can only report it.
      ids.atlantis = await record(atlantis, argentine, '2026-06-07T10:00:00Z');
    });
    after(async () => o.close());

    test('Markdown: the State’s own word with status, dates, instrument, elements, kinds and links; reports apart', async () => {
      const md = await (await app.request('/countries/BRA?format=md')).text();
      const section = mdSection(md, '## National regulatory measures');
      const own = mdSection(section, '### Stated by the State’s government');
      const reported = mdSection(section, '### Reported by others (not the State’s own word)');
      assert.match(
        own,
        /\*\*Critical Internet infrastructure act \(Lei de infraestrutura crítica da Internet\)\*\*/,
      );
      assert.match(own, /- \*\*Status\*\*: in force \(1 June 2026\)/);
      assert.match(
        own,
        /- \*\*Dates\*\*: draft: 3 November 2025; adopted: 1 March 2026; in force: 1 June 2026/,
      );
      assert.match(own, /- \*\*Instrument\*\*: law/);
      assert.match(
        own,
        /- \*\*Elements\*\*: Packet routing and forwarding and Naming and numbering systems|- \*\*Elements\*\*: Naming and numbering systems and Packet routing and forwarding/,
      );
      assert.match(own, /- \*\*Kinds of measure\*\*: National or alternative root/i);
      assert.match(own, /- \*\*Extraterritorial reach\*\*: partial/);
      assert.match(
        own,
        /- \*\*Stated by\*\*: \[[^\]]*\(Government, verified\) — the State’s own word\]\(http:\/\/localhost\/organisations\//,
      );
      assert.match(
        own,
        new RegExp(
          `\\[the measure in the registry, version 1\\]\\(http://localhost/registry/measures/${ids.brazil}\\)\\[\\^\\d+\\]`,
        ),
      );
      assert.match(
        own,
        new RegExp(
          `- \\*\\*Legal text\\*\\*: \\[TWG/twg/1, para 2\\]\\(http://localhost/documents/${corpus.built.documentId}#para-2\\)\\[\\^\\d+\\]`,
        ),
      );
      assert.match(own, /\[TWG\/twg\/1, para 5\]/);
      assert.ok(
        !own.includes('Portaria sobre bloqueio de DNS'),
        'a report is not the State’s word',
      );
      assert.match(reported, /\*\*Portaria sobre bloqueio de DNS\*\*/);
      assert.match(
        reported,
        /- \*\*Reported by\*\*: \[[^\]]*\(Civil society, not verified\)\]\(http:\/\/localhost\/organisations\//,
      );
      assert.match(reported, /- \*\*Status\*\*: draft \(20 May 2026\)/);
      assert.match(reported, /- \*\*Legal text\*\*: No legal text is cited\./);
      assert.ok(
        !reported.includes('the State’s own word]'),
        'a report is never labelled the State’s word',
      );
      // The notes give the measure's and the paragraphs' addresses.
      assert.match(
        md,
        new RegExp(
          `\\[\\^\\d+\\]: Lei de infraestrutura crítica da Internet, the measure in the registry, version 1 <http://localhost/registry/measures/${ids.brazil}>`,
        ),
      );
      assert.match(
        md,
        /National regulatory measures: 1 stated by its government; 1 reported by others\./,
      );
      assert.match(
        section,
        /\[This State’s practice in the registry, at any past date\]\(http:\/\/localhost\/registry\/countries\/BRA\)/,
      );
    });

    test('an unverified government’s measure is reported, never the State’s word, in every format', async () => {
      const md = await (await app.request('/countries/ARG?format=md')).text();
      const own = mdSection(md, '### Stated by the State’s government');
      const reported = mdSection(md, '### Reported by others (not the State’s own word)');
      assert.match(own, /The State’s government has stated no measure here\./);
      assert.ok(!own.includes('Ley de soberanía'));
      assert.match(reported, /\*\*Ley de soberanía del sistema de nombres\*\*/);
      assert.match(
        reported,
        /- \*\*Reported by\*\*: \[Ministry of Foreign Affairs of Atlantis \(Government, not verified\)\]/,
      );
      const html = await (await app.request('/countries/ARG?format=html')).text();
      const ownHtml = html.slice(
        html.indexOf('id="measures-state"'),
        html.indexOf('id="measures-reported"'),
      );
      assert.ok(ownHtml.length > 0);
      assert.ok(!ownHtml.includes('Ley de soberanía'));
      assert.match(
        html.slice(html.indexOf('id="measures-reported"')),
        /Ley de soberanía del sistema de nombres/,
      );
    });

    test('HTML, the page and DOCX carry the same section; the Arabic report names it in Arabic', async () => {
      const html = await (await app.request('/countries/BRA?format=html')).text();
      assert.match(html, /<h2 id="measures">National regulatory measures<\/h2>/);
      const ownHtml = html.slice(
        html.indexOf('id="measures-state"'),
        html.indexOf('id="measures-reported"'),
      );
      assert.match(ownHtml, /Critical Internet infrastructure act/);
      assert.match(ownHtml, new RegExp(`href="http://localhost/registry/measures/${ids.brazil}"`));
      assert.match(
        ownHtml,
        new RegExp(`href="http://localhost/documents/${corpus.built.documentId}#para-5"`),
      );
      assert.match(
        ownHtml,
        /<span class="day">Status<\/span>: <bdi>in force \(1 June 2026\)<\/bdi>/,
      );
      assert.ok(!ownHtml.includes('Portaria'));
      const page = await (await app.request('/countries/BRA')).text();
      assert.match(page, /<h2 id="measures">National regulatory measures<\/h2>/);
      assert.match(page, new RegExp(`href="/registry/measures/${ids.reported}"`));

      const zip = await JSZip.loadAsync(
        await (await app.request('/countries/BRA?format=docx')).arrayBuffer(),
      );
      const document = await zip.file('word/document.xml')!.async('string');
      const footnotes = await zip.file('word/footnotes.xml')!.async('string');
      const at = (s: string) => document.indexOf(s);
      assert.ok(at('National regulatory measures') > 0);
      assert.ok(
        at('Stated by the State’s government') < at('Critical Internet infrastructure act'),
      );
      assert.ok(
        at('Critical Internet infrastructure act') <
          at('Reported by others (not the State’s own word)'),
      );
      assert.ok(
        at('Reported by others (not the State’s own word)') < at('Portaria sobre bloqueio de DNS'),
      );
      assert.match(document, /in force \(1 June 2026\)/);
      assert.match(footnotes, /TWG\/twg\/1, para 2/);
      assert.match(footnotes, new RegExp(`registry/measures/${ids.brazil}`));

      const ar = await (await app.request('/countries/BRA?format=md&language=ar')).text();
      assert.match(ar, /## التدابير التنظيمية الوطنية/);
      assert.match(ar, /\*\*الحالة\*\*/);
    });

    test('a briefing paper lists the regulatory developments of the period for the States concerned, in every format', async () => {
      const query = '/briefings?processes=twg&concepts=public-core&from=2026-05-01&to=2026-06-30';
      const md = await (await app.request(`${query}&format=md`)).text();
      const section = mdSection(md, '## Regulatory developments in the period');
      // The States that took part in TWG: Brazil and Egypt (verified governments), Kenya (a stance).
      assert.match(section, /took part in these processes \(Brazil, Egypt,? and Kenya\)/);
      const stated = mdSection(section, '### Stated by the States’ governments');
      const reported = mdSection(section, '### Reported by others (not the States’ own word)');
      // Only the status dated in the period: in force on 1 June 2026, not adopted on 1 March.
      assert.match(
        stated,
        /- 1 June 2026: Brazil: Critical Internet infrastructure act \(Lei de infraestrutura crítica da Internet\) \(law\): in force\[\^(\d+)\]/,
      );
      assert.doesNotMatch(section, /adopted/);
      assert.doesNotMatch(stated, /Portaria/);
      assert.match(
        reported,
        /- 20 May 2026: Brazil: Portaria sobre bloqueio de DNS \(regulation\): draft; reported by Open Net Collective \(Civil society, not verified\)\[\^\d+\]/,
      );
      // Argentina took no part through a verified government: its measure is not a development here.
      assert.doesNotMatch(section, /Ley de soberanía/);
      const note = /in force\[\^(\d+)\]/.exec(stated)![1];
      assert.match(
        md,
        new RegExp(
          `\\[\\^${note}\\]: Lei de infraestrutura crítica da Internet, in the registry of national regulatory practice <http://localhost/registry/measures/${ids.brazil}>`,
        ),
      );
      assert.match(
        md,
        /Regulatory developments in the period: 1 status changes stated by the States, 1 reported by others\./,
      );
      const html = await (await app.request(`${query}&format=html`)).text();
      assert.match(html, /<h2 id="regulatory">Regulatory developments in the period<\/h2>/);
      const statedHtml = html.slice(
        html.indexOf('id="regulatory-stated"'),
        html.indexOf('id="regulatory-reported"'),
      );
      assert.match(statedHtml, /Critical Internet infrastructure act/);
      assert.doesNotMatch(statedHtml, /Portaria/);
      assert.match(
        html.slice(html.indexOf('id="regulatory-reported"')),
        /Portaria sobre bloqueio de DNS/,
      );
      const zip = await JSZip.loadAsync(
        await (await app.request(`${query}&format=docx`)).arrayBuffer(),
      );
      const document = await zip.file('word/document.xml')!.async('string');
      const at = (x: string) => document.indexOf(x);
      assert.ok(at('Regulatory developments in the period') > 0);
      assert.ok(
        at('Stated by the States’ governments') < at('Critical Internet infrastructure act'),
      );
      assert.ok(
        at('Critical Internet infrastructure act') <
          at('Reported by others (not the States’ own word)'),
      );
      assert.ok(
        at('Reported by others (not the States’ own word)') < at('Portaria sobre bloqueio'),
      );
      // A period without a status change says so.
      const quiet = await (
        await app.request(
          '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-02-28&format=md',
        )
      ).text();
      assert.match(
        mdSection(quiet, '## Regulatory developments in the period'),
        /No national measure of these States changed status in the period\./,
      );
      const fr = await (await app.request(`${query}&format=md&language=fr`)).text();
      assert.match(fr, /## Évolution réglementaire pendant la période/);
      assert.match(fr, /- 1 juin 2026 : Brésil : .* \(loi\) : en vigueur/);
    });

    test(
      'PDF: the printed report carries the section',
      { skip: !canPrintPdf() && 'Chromium is not installed' },
      async () => {
        const res = await app.request('/countries/BRA?format=pdf');
        assert.equal(res.status, 200);
        const text = await pdfText(await res.arrayBuffer());
        assert.match(text, /National regulatory measures/);
        assert.match(text, /Critical Internet infrastructure act/);
        assert.ok(
          text.indexOf('Critical Internet infrastructure act') <
            text.indexOf('Portaria sobre bloqueio de DNS'),
        );
      },
    );

    test('a measure stated by a government whose verification is revoked is no longer shown as the State’s word', async () => {
      await revokeVerification(o.db, operatorViewer, corpus.built.organisations.government.id, {
        reason: 'The mission asked for a new verification.',
      });
      const md = await (await app.request('/countries/BRA?format=md')).text();
      const own = mdSection(md, '### Stated by the State’s government');
      const reported = mdSection(md, '### Reported by others (not the State’s own word)');
      assert.ok(!own.includes('Critical Internet infrastructure act'));
      assert.match(reported, /Critical Internet infrastructure act/);
      assert.match(reported, /- \*\*Reported by\*\*: \[[^\]]*\(Government, not verified\)\]/);
      assert.match(
        md,
        /National regulatory measures: 0 stated by its government; 2 reported by others\./,
      );
    });
  });
}
