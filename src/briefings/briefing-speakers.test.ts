/**
 * Who said what when a speaker says much: the same words in several submissions are quoted once
 * (the latest, with a note counting the others), and a speaker's latest three distinct
 * statements are quoted with a line counting the rest and a note to its page, so a paper over
 * many submissions stays one a person reads. Markdown, HTML and DOCX say the same.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { createApp } from '../app.ts';
import { tagIndexedPassages } from '../concepts/concepts.service.ts';
import { representativeViewer } from '../consultations/consultation.builder.ts';
import type { Db, OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { drain } from '../followers.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { briefingNow, briefingSays, buildBriefingCorpus } from './briefing.builder.ts';
import type { Briefing, BriefingSpeaker } from './briefings.schema.ts';
import { draftBriefing } from './briefings.service.ts';

const request = {
  processes: ['twg'],
  concepts: ['public-core'],
  from: '2026-01-01',
  to: '2026-06-30',
};
const repeated = 'We ask again that the public core of the Internet be protected by a norm.';
const distinct = [
  'First, the public core of the Internet includes the root server system.',
  'Second, the public core of the Internet depends on open routing.',
  'Third, the public core of the Internet needs the domain name system to be resilient.',
  'Fourth, the public core of the Internet is no place for sanctions.',
];

function techSpeaker(b: Briefing): BriefingSpeaker {
  const group = b.processes[0]!.others.find((g) => g.group === 'technical_community');
  assert.ok(group, 'the technical community is in the paper');
  assert.equal(group.speakers.length, 1);
  return group.speakers[0]!;
}

for (const engine of testEngines()) {
  describe(`a speaker who says much (${engine})`, () => {
    let o: OpenDatabase;
    let techId: string;
    let paper: Briefing;
    const hrefs = new Map<string, string>();

    before(async () => {
      o = await openTestDatabase(engine);
      const corpus = await buildBriefingCorpus(o, engine);
      const viewer = representativeViewer(corpus.built, 'tech');
      techId = corpus.built.organisations.tech.id;
      // 3 to 9 June: the repeated words on the 3rd, 5th and 9th, the distinct ones between.
      const said: [string, string][] = [
        ['2026-06-03', repeated],
        ['2026-06-04', distinct[0]!],
        ['2026-06-05', repeated],
        ['2026-06-06', distinct[1]!],
        ['2026-06-07', distinct[2]!],
        ['2026-06-08', distinct[3]!],
        ['2026-06-09', repeated],
      ];
      let key = 0;
      for (const [day, body] of said) {
        const receipt = await o.db
          .transaction()
          .execute((trx: Db) =>
            submitComment(
              trx,
              viewer,
              corpus.built.period.id,
              { organisationId: techId, body, idempotencyKey: `says-much-${++key}` },
              [],
              new Date(`${day}T10:00:00Z`),
            ),
          );
        hrefs.set(`${day} ${body}`, `/submissions/${receipt.submissionId}`);
      }
      await drain(o.db, engine);
      await tagIndexedPassages(o.db);
      paper = await draftBriefing(o.db, request, briefingNow);
    });
    after(async () => o.close());

    test('the same words in three submissions are quoted once, from the latest, and the note counts the others', () => {
      const tech = techSpeaker(paper);
      const same = tech.quotes.filter((q) => q.pieces.join(' ') === repeated);
      assert.equal(same.length, 1);
      assert.equal(same[0]!.date, '2026-06-09');
      const note = paper.notes.find((n) => n.n === same[0]!.note)!;
      assert.equal(note.href, hrefs.get(`2026-06-09 ${repeated}`));
      assert.match(
        note.label,
        /other submissions with the same words: 2, the first on 3 June 2026/,
      );
    });

    test('the latest three distinct statements are quoted, in date order, and a line counts the rest with a note to the speaker’s page', () => {
      const tech = techSpeaker(paper);
      assert.deepEqual(
        tech.quotes.map((q) => q.pieces.join(' ')),
        [distinct[2], distinct[3], repeated],
      );
      // Left out: the corpus's own statement of 2 June, the first and second distinct ones.
      assert.ok(tech.more);
      assert.equal(tech.more.statements, 3);
      assert.equal(tech.more.submissions, 3);
      assert.equal(
        tech.more.text,
        'Earlier statements not quoted here: 3, in 3 submissions from 2 June 2026 to 6 June 2026.',
      );
      const note = paper.notes.find((n) => n.n === tech.more!.note)!;
      assert.equal(note.href, `/organisations/${techId}`);
      // What is not quoted has no note of its own.
      for (const gone of [briefingSays.tech, distinct[0]!, distinct[1]!]) {
        assert.ok(!tech.quotes.some((q) => q.pieces.join(' ').includes(gone)));
      }
      assert.ok(
        ![...hrefs].some(
          ([k, h]) => k.includes(distinct[0]!) && paper.notes.some((n) => n.href === h),
        ),
      );
      // Notes stay numbered 1… in reading order with no gap.
      assert.deepEqual(
        paper.notes.map((n) => n.n),
        paper.notes.map((_, i) => i + 1),
      );
    });

    test('a speaker who said little is quoted whole, with no line about more', () => {
      const states = paper.processes[0]!.states;
      assert.ok(states.length > 0);
      for (const s of states) assert.equal(s.more, null);
    });

    test('Markdown, HTML and DOCX write the line and its note', async () => {
      const app = createApp({ db: o.db, engine, now: () => briefingNow });
      const q = '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30';
      const md = await (await app.request(`${q}&format=md`)).text();
      assert.match(
        md,
        /\*Earlier statements not quoted here: 3, in 3 submissions from 2 June 2026 to 6 June 2026\.\*\[\^\d+\]/,
      );
      const html = await (await app.request(`${q}&format=html`)).text();
      assert.match(
        html,
        /<p class="more">Earlier statements not quoted here: 3, in 3 submissions from 2 June 2026 to 6 June 2026\.<sup><a href="#note-\d+"/,
      );
      const docx = await (await app.request(`${q}&format=docx`)).arrayBuffer();
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      assert.match(xml, /Earlier statements not quoted here: 3, in 3 submissions/);
    });
  });
}
