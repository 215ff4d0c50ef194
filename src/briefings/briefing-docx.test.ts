/**
 * The DOCX writer writes the main part and the footnotes of a briefing as Word XML strings (for
 * speed: bench/briefings.ts). This checks them against what the docx library writes for the same
 * paper through its objects (the writer plenum used before, kept here as the reference): the
 * same XML, byte for byte, in English and Arabic, on A4 and Letter, with markup characters and
 * characters XML cannot hold in the text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlignmentType, FootnoteReferenceRun, HeadingLevel, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { briefingText } from './briefing-text.ts';
import {
  briefingDocx,
  docxKit,
  ellipsis,
  originalIn,
  speakerSections,
  type DocxRun,
} from './briefing-writers.ts';
import type { Briefing, BriefingExcerpt, BriefingProcess } from './briefings.schema.ts';

/** The writer through docx's objects, as it was before the XML writer (the reference). */
async function libraryBriefingDocx(b: Briefing, base = ''): Promise<Buffer> {
  const t = briefingText[b.language];
  const { rtl, text, para, bullet, pack } = docxKit(b, base);
  const quote = (e: BriefingExcerpt, note: number): Paragraph[] => {
    const quoteRtl = e.dir === 'rtl';
    const out = [
      new Paragraph({
        bidirectional: quoteRtl,
        alignment: quoteRtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { start: 567, end: 567 },
        spacing: { after: 120 },
        children: [
          new TextRun({
            text: e.pieces.join(ellipsis),
            rightToLeft: quoteRtl,
            language: quoteRtl ? { bidirectional: e.language } : { value: e.language },
          }),
          new FootnoteReferenceRun(note),
        ],
      }),
    ];
    if (e.translate)
      out.push(
        new Paragraph({
          bidirectional: rtl,
          indent: { start: 567, end: 567 },
          spacing: { after: 160 },
          children: [
            text(`${originalIn(b, e)}. ${t.translation}${t.colon}`, { italics: true }),
            new TextRun({ text: t.translationSlot, highlight: 'yellow', rightToLeft: rtl }),
          ],
        }),
      );
    return out;
  };
  const positions = (list: BriefingProcess['drafts'][number]['positions']): Paragraph[] =>
    list.length === 0
      ? []
      : [
          para([text(t.positions, { italics: true })]),
          ...list.map((x) =>
            bullet([
              text(`${x.actor}${t.colon}${x.stance} (${x.day})`),
              new FootnoteReferenceRun(x.note),
            ]),
          ),
        ];
  const dated = (l: { day: string; text: string; note: number }): Paragraph =>
    bullet([
      text(`${l.day}${t.colon}`, { bold: true }),
      text(l.text),
      new FootnoteReferenceRun(l.note),
    ]);

  const children: Paragraph[] = [
    para([text(b.title)], HeadingLevel.TITLE),
    para([text(b.subtitle, { italics: true })]),
    para([text(b.prepared)]),
    para([text(b.scope)]),
    para([text(t.summary)], HeadingLevel.HEADING_1),
    ...b.summary.map((s) => bullet([text(s)])),
  ];
  for (const p of b.processes) {
    children.push(para([text(p.name)], HeadingLevel.HEADING_1));
    children.push(para([text(t.happened)], HeadingLevel.HEADING_2));
    if (p.happened.length === 0) children.push(para([text(t.nothingHappened)]));
    children.push(...p.happened.map(dated));

    children.push(para([text(t.draft)], HeadingLevel.HEADING_2));
    if (p.drafts.length === 0) children.push(para([text(t.noDraft)]));
    for (const d of p.drafts) {
      children.push(para([text(d.heading)], HeadingLevel.HEADING_3));
      if (d.languageNote) children.push(para([text(d.languageNote, { italics: true })]));
      for (const x of d.paragraphs) {
        const runs: DocxRun[] = [text(x.address, { bold: true })];
        if (x.change) {
          runs.push(text(` — ${x.change}`, { italics: true }));
          if (x.changeNote) runs.push(new FootnoteReferenceRun(x.changeNote));
        }
        children.push(para(runs), ...quote(x.excerpt, x.note), ...positions(x.positions));
      }
      for (const gone of d.deleted) children.push(para([text(gone, { italics: true })]));
      children.push(...positions(d.positions));
    }

    children.push(para([text(t.whoSaid)], HeadingLevel.HEADING_2));
    const parts = speakerSections(b, p);
    if (parts.length === 0) children.push(para([text(t.noQuotes)]));
    for (const s of parts) {
      children.push(para([text(s.title)], HeadingLevel.HEADING_3));
      for (const speaker of s.speakers) {
        children.push(para([text(speaker.name, { bold: true })]));
        for (const q of speaker.quotes) children.push(...quote(q, q.note));
        if (speaker.more)
          children.push(
            para([
              text(speaker.more.text, { italics: true }),
              new FootnoteReferenceRun(speaker.more.note),
            ]),
          );
      }
    }

    children.push(para([text(t.comingUp)], HeadingLevel.HEADING_2));
    if (p.upcoming.length === 0) children.push(para([text(t.nothingComingUp)]));
    children.push(...p.upcoming.map(dated));
  }
  const g = b.regulatory;
  children.push(para([text(t.regulatory)], HeadingLevel.HEADING_1), para([text(g.intro)]));
  if (g.stated.length + g.reported.length === 0) children.push(para([text(t.noRegulatory)]));
  for (const [heading, list] of [
    [t.regulatoryStated, g.stated],
    [t.regulatoryReported, g.reported],
  ] as const)
    if (list.length > 0)
      children.push(para([text(heading)], HeadingLevel.HEADING_2), ...list.map(dated));
  return pack(children);
}

function paper(language: 'en' | 'ar', size: 'a4' | 'letter'): Briefing {
  const line = (n: number, text: string) => ({
    date: '2026-06-01',
    day: '1 June 2026',
    text,
    note: n,
  });
  return {
    language,
    paper: size,
    title: 'Public core & <DNS> "briefing"',
    subtitle: 'TWG, 1 January – 30 June 2026',
    date: '20 June 2026',
    prepared: 'Prepared on 20 June 2026',
    scope: 'Scope\u0001 with a control character',
    summary: ['one', 'two'],
    processes: [
      {
        name: 'Test Working Group (TWG)',
        summary: 's',
        happened: [line(1, 'Rev.1 published')],
        drafts: [
          {
            heading: 'TWG/1, Rev.1 (15 May 2026)',
            languageNote: 'Quoted in the original.',
            paragraphs: [
              {
                address: 'para 2',
                sourceId: 'a',
                excerpt: {
                  pieces: ['States should not', 'the public core.'],
                  language: 'en',
                  dir: 'ltr',
                  translate: language !== 'en',
                },
                change: 'New in Rev.1.',
                changed: true,
                changeNote: 2,
                note: 3,
                positions: [{ actor: 'Kenya', stance: 'supports', day: '3 June 2026', note: 4 }],
              },
            ],
            deleted: ['para 9 of Zero draft is no longer in Rev.1.'],
            positions: [{ actor: 'Egypt', stance: 'opposes', day: '4 June 2026', note: 5 }],
          },
        ],
        states: [
          {
            name: 'Egypt',
            quotes: [
              {
                pieces: ['تؤيد مصر حماية النواة العامة للإنترنت.'],
                language: 'ar',
                dir: 'rtl',
                translate: language !== 'ar',
                note: 6,
                sourceId: 'b',
                date: '2026-06-02',
              },
            ],
            more: {
              statements: 2,
              submissions: 5,
              text: 'Earlier statements not quoted here: 2, in 5 submissions <from> 2 to 9 May.',
              note: 7,
            },
          },
        ],
        igos: [],
        others: [
          {
            group: 'civil_society',
            title: 'Civil society',
            speakers: [
              {
                name: 'Open Net',
                quotes: [
                  {
                    pieces: ['Le noyau public.'],
                    language: 'fr',
                    dir: 'ltr',
                    translate: true,
                    note: 8,
                    sourceId: 'c',
                    date: '2026-06-02',
                  },
                ],
                more: null,
              },
            ],
          },
        ],
        upcoming: [line(9, 'Third session')],
      },
      {
        name: 'Another process',
        summary: 's',
        happened: [],
        drafts: [],
        states: [],
        igos: [],
        others: [],
        upcoming: [],
      },
    ],
    regulatory: {
      intro: 'Measures of Brazil, Egypt and Kenya.',
      stated: [line(10, 'Brazil: Act (law): in force')],
      reported: [line(11, 'Brazil: Portaria (regulation): draft; reported by Open Net')],
    },
    notes: Array.from({ length: 11 }, (_, i) => ({
      n: i + 1,
      label: `Source ${i + 1} & "more"`,
      href: `/documents/x#para-${i + 1}`,
    })),
  };
}

async function parts(docx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const out: Record<string, string> = {};
  for (const name of [
    'word/document.xml',
    'word/footnotes.xml',
    'word/_rels/footnotes.xml.rels',
    'word/numbering.xml',
    '[Content_Types].xml',
  ])
    out[name] = (await zip.file(name)?.async('string')) ?? '';
  return out;
}

for (const [language, size] of [
  ['en', 'a4'],
  ['ar', 'letter'],
] as const)
  test(`the XML writer writes what docx writes (${language}, ${size})`, async () => {
    const b = paper(language, size);
    const fast = await parts(await briefingDocx(b, 'http://localhost'));
    const reference = await parts(await libraryBriefingDocx(b, 'http://localhost'));
    for (const name of Object.keys(reference)) {
      const a = fast[name]!;
      const e = reference[name]!;
      if (a !== e) {
        let at = 0;
        while (at < a.length && a[at] === e[at]) at++;
        assert.fail(
          `${name} differs at ${at}:\n  written: ${a.slice(at - 120, at + 120)}\n  docx:    ${e.slice(at - 120, at + 120)}`,
        );
      }
    }
    assert.match(fast['word/document.xml']!, /<w:pStyle w:val="Heading3"\/>/);
    assert.ok(
      !fast['word/document.xml']!.includes('\u0001'),
      'a character XML cannot hold is left out',
    );
  });
