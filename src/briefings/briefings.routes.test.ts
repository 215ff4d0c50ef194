import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { draftParagraphs } from '../consultations/consultation.builder.ts';
import {
  briefingNow,
  briefingSays,
  buildBriefingCorpus,
  rev1English,
  rev1French,
} from './briefing.builder.ts';
import type { Briefing } from './briefings.schema.ts';
import { draftBriefing } from './briefings.service.ts';

const request = {
  processes: ['twg'],
  concepts: ['public-core'],
  from: '2026-01-01',
  to: '2026-06-30',
};
const query = '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30';

/** The part of a Markdown paper from one heading to the next heading of the same or a higher level. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `"${heading}" in:\n${md}`);
  const level = /^#+/.exec(heading)![0]!;
  const rest = md.slice(start + heading.length);
  const next = new RegExp(`\\n#{1,${level.length}} `).exec(rest);
  return heading + (next ? rest.slice(0, next.index) : rest);
}

/** The lines of one speaker (or paragraph) of a Markdown paper, from its bold name to the next. */
function speaker(md: string, name: string): string {
  const start = md.indexOf(`**${name}**\n`);
  assert.ok(start >= 0, `**${name}** in:\n${md}`);
  const rest = md.slice(start + name.length + 4);
  const next = /\n(\*\*|#)/.exec(rest);
  return `**${name}**` + (next ? rest.slice(0, next.index) : rest);
}

/** Every piece quoted in the paper, with its source id. */
function quotesOf(b: Briefing) {
  return b.processes.flatMap((p) => [
    ...[...p.states, ...p.igos, ...p.others.flatMap((g) => g.speakers)].flatMap((s) => s.quotes),
    ...p.drafts.flatMap((d) => d.paragraphs.map((x) => ({ ...x.excerpt, sourceId: x.sourceId }))),
  ]);
}

for (const engine of testEngines()) {
  describe(`briefing papers (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    let md: string;

    before(async () => {
      o = await openTestDatabase(engine);
      await buildBriefingCorpus(o, engine);
      app = createApp({ db: o.db, engine, now: () => briefingNow });
      md = await (await app.request(`${query}&format=md`)).text();
    });
    after(async () => o.close());

    test('the form asks for processes, a period, concepts, a language, a format and a paper size', async () => {
      const page = await (await app.request('/briefings')).text();
      assert.match(page, /<h1>Draft a briefing paper<\/h1>/);
      assert.match(page, /name="processes" value="twg"/);
      assert.match(page, /name="concepts" value="public-core"/);
      assert.match(page, /<option value="docx"/);
      assert.match(page, /<option value="pdf"/);
      assert.match(page, /<select id="paper" name="paper">[\s\S]*<option value="letter"/);
    });

    test('the paper has a title, date, scope and summary, then per process its four parts and notes', async () => {
      const order = [
        '# Briefing: Public core of the Internet',
        '*TWG, 1 January 2026 to 30 June 2026*',
        'Drafted with plenum on 20 June 2026.',
        'This paper covers TWG from 1 January 2026 to 30 June 2026.',
        'It is written in English',
        '## Summary',
        '- TWG: paragraphs of the current draft on these concepts: 3 (changed since the previous version: 2); quoted: member states 2, intergovernmental organisations 1, other stakeholders 3; next: Meeting: Informal consultation on the public core, New York (25 June 2026).',
        '## Test Working Group (TWG)',
        '### What happened',
        '### What the current draft says',
        '### Who said what',
        '### What is coming',
        '## Notes',
      ];
      let at = 0;
      for (const piece of order) {
        const found = md.indexOf(piece, at);
        assert.ok(found >= 0, `"${piece}" after position ${at}:\n${md}`);
        at = found + piece.length;
      }
    });

    test('what happened is past and in the period, by date; what is coming is every later meeting and deadline, by date', () => {
      const happened = section(md, '### What happened');
      const coming = section(md, '### What is coming');
      const lines = (part: string) => part.split('\n').filter((l) => l.startsWith('- '));
      assert.deepEqual(
        lines(happened).map((l) => l.replace(/\[\^\d+\]$/, '')),
        [
          '- 1 January 2026: Comment period opened: Written comments on the zero draft (closes 31 July 2026)',
          '- 15 May 2026: New version of TWG/twg/1: Rev.1',
          '- 10 June 2026: Meeting: Second substantive session, New York',
        ],
      );
      // The 25 June meeting falls in the period but after the paper's day: it is to come.
      assert.deepEqual(
        lines(coming).map((l) => l.replace(/\[\^\d+\]$/, '')),
        [
          '- 25 June 2026: Meeting: Informal consultation on the public core, New York',
          '- 31 July 2026: Deadline for comments: Written comments on the zero draft',
          '- 14 September 2026: Meeting: Third substantive session, New York',
        ],
      );
      assert.doesNotMatch(happened, /Informal consultation|Third substantive/);
    });

    test('the current draft: each paragraph on the concepts quoted once, from the latest version, in the paper language, with what changed', () => {
      const draft = section(md, '### What the current draft says');
      assert.match(draft, /#### TWG\/twg\/1, Rev\.1 \(15 May 2026\)/);
      assert.match(
        draft,
        /\*\*para 2\*\* — \*New in Rev\.1\.\*\[\^\d+\]\n\n> States should not conduct or knowingly allow activity that damages/,
      );
      assert.match(
        draft,
        /\*\*para 3\*\* — \*Changed since Zero draft, where it was para 2\.\*\[\^\d+\]\n\n> The Group notes the importance of protecting/,
      );
      for (const text of [rev1English[1]!, rev1English[2]!])
        assert.equal(md.split(text).length - 1, 1, `quoted once: ${text}`);
      // Not the zero draft's words, nor another language's version of the same paragraphs.
      assert.ok(!md.includes(draftParagraphs[1]!), 'the zero draft is not quoted');
      for (const text of rev1French)
        assert.ok(!md.includes(text), 'no French in the English paper');
      assert.doesNotMatch(draft, /Translation/);
      // The comparison of the two versions is a note.
      assert.match(
        md,
        /\]: Comparison of Zero draft and Rev\.1 <http:\/\/localhost\/documents\/[0-9a-f-]{36}\/compare\?from=1&to=2&lang=en>/,
      );
    });

    test('a stance an analyst recorded on the Chair’s text is shown under that paragraph, never as a State’s comment', () => {
      const draft = section(md, '### What the current draft says');
      const who = section(md, '### Who said what');
      assert.match(
        draft,
        /\*\*para 2\*\*[\s\S]*\*Positions recorded by analysts on this text \(the text is not theirs\):\*\n\n- Kenya: supports \(3 June 2026\)\[\^\d+\][\s\S]*\*\*para 3\*\*/,
      );
      assert.doesNotMatch(who, /Kenya/);
      assert.doesNotMatch(who, /integrity of the public core of the Internet\[/);
    });

    test('who said what: verified member states alphabetically, then verified IGOs, then the other stakeholders by group, unverified governments apart', () => {
      const who = section(md, '### Who said what');
      const order = [
        '#### Member states (in alphabetical order)',
        '**Brazil**',
        '> Brazil considers that the IT infrastructures underpinning electoral processes deserve the same protection as the public core of the Internet.[^',
        '**Egypt**',
        '#### Intergovernmental organisations',
        '**Inter-Regional Office of Tests**',
        '> Protecting the public core of the Internet requires cooperation.[^',
        '#### Other stakeholders: Civil society',
        '**Open Net Collective**',
        '#### Other stakeholders: Technical community',
        '**Root Operators Forum**',
        '#### Other stakeholders: Governments and organisations not verified by the secretariat',
        '**Ministry of Foreign Affairs of Atlantis**',
      ];
      let at = 0;
      for (const piece of order) {
        const found = who.indexOf(piece, at);
        assert.ok(found >= 0, `"${piece}" after position ${at}:\n${who}`);
        at = found + piece.length;
      }
      const states = section(who, '#### Member states (in alphabetical order)');
      assert.doesNotMatch(states, /Atlantis|Argentin/, 'an unverified government is no State');
      assert.doesNotMatch(
        who,
        /We have no view on other matters/,
        'only the sentences on the concepts',
      );
      assert.doesNotMatch(who, /capacity-building/);
    });

    test('quotes stay in their own language, exact, right to left isolated, with a translation slot when not in the paper language', async () => {
      const who = section(md, '### Who said what');
      const egypt = speaker(who, 'Egypt');
      assert.ok(
        egypt.includes(`> \u2067${briefingSays.egypt.split('.')[0]!.split(' ونشكر')[0]}`),
        egypt,
      );
      assert.match(
        egypt,
        /> \*Original in Arabic\. Translation:\* \\\[to be translated by the analyst\\\]/,
      );
      assert.match(
        speaker(who, 'Open Net Collective'),
        /> La société civile demande que le noyau public de l'Internet soit protégé par une norme\.\[\^\d+\]\n>\n> \*Original in French\. Translation:\*/,
      );
      assert.doesNotMatch(speaker(who, 'Brazil'), /Translation/);

      const briefing = await draftBriefing(o.db, request, briefingNow);
      const quotes = quotesOf(briefing);
      assert.ok(quotes.length >= 9, `${quotes.length} quotations`);
      for (const q of quotes) {
        const source = await o.db
          .selectFrom('search_items')
          .select(['text', 'language'])
          .where('source_id', '=', q.sourceId)
          .executeTakeFirstOrThrow();
        for (const piece of q.pieces)
          assert.ok(source.text.includes(piece), `"${piece}" is in its source`);
        assert.equal(q.language, source.language);
        assert.equal(q.translate, source.language !== 'en');
        assert.equal(q.dir, source.language === 'ar' ? 'rtl' : 'ltr');
      }
    });

    test('every note is referenced, numbered in reading order, and links to its source', async () => {
      const body = md.slice(0, md.indexOf('## Notes'));
      const refs = [...body.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
      const firsts = refs.filter((n, i) => refs.indexOf(n) === i);
      assert.deepEqual(
        firsts,
        firsts.map((_, i) => i + 1),
        'first references count 1, 2, 3, …',
      );
      const defs = [...md.matchAll(/^\[\^(\d+)\]: (.+) <(http:\/\/localhost\/[^>]+)>$/gm)];
      assert.equal(defs.length, firsts.length);
      const briefing = await draftBriefing(o.db, request, briefingNow);
      for (const s of briefing.processes[0]!.states)
        for (const q of s.quotes) {
          const { href } = await o.db
            .selectFrom('search_items')
            .select('href')
            .where('source_id', '=', q.sourceId)
            .executeTakeFirstOrThrow();
          assert.equal(briefing.notes[q.note - 1]!.href, href);
        }
    });

    test('in French: French version of the draft, French order of States, originals kept', async () => {
      const fr = await (await app.request(`${query}&format=md&language=fr`)).text();
      assert.match(
        fr,
        /#### États Membres \(par ordre alphabétique\)\n\n\*\*Brésil\*\*[\s\S]*\*\*Égypte\*\*/,
      );
      assert.ok(fr.includes(rev1French[1]!), 'the French version of paragraph 2');
      assert.ok(!fr.includes(rev1English[1]!));
      assert.match(fr, /Modifié depuis Zero draft, où il était para 2\./);
      // The French comment is in the paper's language: no translation slot; Brazil's English is.
      assert.doesNotMatch(speaker(fr, 'Open Net Collective'), /Traduction/);
      assert.match(speaker(fr, 'Brésil'), /Original en anglais\. Traduction :?\*?/);
    });

    test('in Arabic the draft falls back to the original with a note, and the page reads right to left', async () => {
      const ar = await (await app.request(`${query}&format=md&language=ar`)).text();
      assert.match(
        ar,
        /هذه الصيغة غير متاحة باللغة العربية: وهي مقتبسة بلغتها الأصلية \(الإنجليزية\)/,
      );
      assert.ok(ar.includes(rev1English[1]!), 'the English original of paragraph 2');
      const res = await app.request(`${query}&language=ar`);
      const html = await res.text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.match(html, /<blockquote lang="en" dir="ltr"><p><bdi>States should not conduct/);
      // The page's own stylesheet is allowed by the content security policy, by its hash.
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const hash = createHash('sha256').update(style).digest('base64');
      assert.ok(res.headers.get('content-security-policy')!.includes(`'sha256-${hash}'`));
      assert.match(html, /<h4>الدول الأعضاء \(بالترتيب الأبجدي\)<\/h4>/);
    });

    test('the HTML isolates Arabic quotes in an English paper and prints on A4 or Letter', async () => {
      const html = await (await app.request(query)).text();
      assert.match(html, /@page \{ size: A4;/);
      assert.match(html, /<blockquote lang="ar" dir="rtl"><p><bdi>تؤيد مصر/);
      assert.match(
        html,
        /<p class="translation">Original in Arabic\. Translation: \[to be translated by the analyst\]<\/p>/,
      );
      assert.match(html, /<li id="note-1">/);
      // On the screen each note links back to its call (printed, it does not: see the PDF's browser test).
      assert.match(html, /<a href="#ref-1" aria-label="↩ 1">↩<\/a><\/li>/);
      const letter = await app.request(`${query}&paper=letter`);
      const letterHtml = await letter.text();
      assert.match(letterHtml, /@page \{ size: letter;/);
      const style = /<style>([\s\S]*?)<\/style>/.exec(letterHtml)![1]!;
      const hash = createHash('sha256').update(style).digest('base64');
      assert.ok(letter.headers.get('content-security-policy')!.includes(`'sha256-${hash}'`));
    });

    test('the DOCX has Word heading styles, a footnotes part with a real footnote per source, and right-to-left Arabic', async () => {
      const res = await app.request(`${query}&format=docx&paper=letter`);
      assert.equal(res.status, 200);
      assert.match(
        res.headers.get('content-disposition')!,
        /plenum-briefing-2026-01-01-2026-06-30\.docx/,
      );
      const zip = await JSZip.loadAsync(await res.arrayBuffer());
      const document = await zip.file('word/document.xml')!.async('string');
      const footnotes = await zip.file('word/footnotes.xml')?.async('string');
      const styles = await zip.file('word/styles.xml')!.async('string');
      const types = await zip.file('[Content_Types].xml')!.async('string');
      assert.ok(footnotes, 'a word/footnotes.xml part');
      assert.match(types, /footnotes\+xml/);
      for (const level of ['Heading1', 'Heading2', 'Heading3']) {
        assert.match(document, new RegExp(`<w:pStyle w:val="${level}"/>`), level);
        assert.match(styles, new RegExp(`w:styleId="${level}"`), `${level} is defined`);
      }
      const briefing = await draftBriefing(o.db, request, briefingNow);
      const references = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) =>
        Number(m[1]),
      );
      assert.deepEqual(
        [...new Set(references)].toSorted((a, b) => a - b),
        briefing.notes.map((n) => n.n),
        'every note is referenced as a Word footnote',
      );
      for (const n of briefing.notes)
        assert.match(footnotes!, new RegExp(`<w:footnote w:id="${n.n}"`));
      assert.match(footnotes!, /Inter-Regional Office of Tests, submission of 2 June 2026/);
      assert.match(document, /Protecting the public core of the Internet requires cooperation\./);
      assert.match(document, /<w:rtl\/>(?:(?!<\/w:r>)[\s\S])*<w:t xml:space="preserve">تؤيد مصر/);
      assert.match(document, /<w:pgSz w:w="12240" w:h="15840"/);
      assert.match(document, /to be translated by the analyst/);
    });

    test('a PDF is refused with a clear message where Chromium is not installed', async () => {
      const saved = process.env.PLENUM_CHROMIUM;
      process.env.PLENUM_CHROMIUM = '/nonexistent/chromium';
      try {
        const res = await app.request(`${query}&format=pdf`);
        assert.equal(res.status, 503);
        const page = await res.text();
        assert.match(page, /PDF cannot be made on this server: Chromium is not installed/);
        assert.match(
          page,
          /<select id="format" name="format">/,
          'the form again, with the choices kept',
        );
        assert.match(page, /<option value="pdf" selected>/);
      } finally {
        if (saved === undefined) delete process.env.PLENUM_CHROMIUM;
        else process.env.PLENUM_CHROMIUM = saved;
      }
    });

    test('a request without processes, with the period backwards, or with an unknown concept gets the form and a clear error', async () => {
      const backwards = await app.request(
        '/briefings?processes=twg&concepts=public-core&from=2026-06-30&to=2026-01-01',
      );
      assert.equal(backwards.status, 400);
      assert.match(await backwards.text(), /The period ends before it starts/);
      const none = await app.request(
        '/briefings?concepts=public-core&from=2026-01-01&to=2026-06-30',
      );
      assert.equal(none.status, 400);
      assert.match(await none.text(), /Choose at least one process/);
      const unknown = await app.request(
        '/briefings?processes=twg&concepts=nothing&from=2026-01-01&to=2026-06-30',
      );
      assert.equal(unknown.status, 404);
      const paper = await app.request(`${query}&paper=a3`);
      assert.equal(paper.status, 400);
      const script = await app.request(
        '/briefings?processes=<script>&concepts=x&from=2026-01-01&to=2026-06-30',
      );
      assert.ok(script.status === 404 || script.status === 400);
      assert.doesNotMatch(await script.text(), /<script>/);
    });
  });
}
