/**
 * Writes a drafted briefing as Markdown (with footnotes), as HTML ready to print on A4 or US
 * Letter, or as DOCX (through the `docx` library: Word heading styles, real footnotes). The three
 * say the same thing. A quotation in another direction than the paper's is set apart as a block
 * of its own and isolated (`dir`/`<bdi>` in HTML, right-to-left runs and paragraphs in DOCX, an
 * RLI…PDI isolate in Markdown), so Arabic words never run into an English sentence.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { createHash } from 'node:crypto';
import { fill } from '../web/i18n.ts';
import { directionOf, languageName } from '../web/layout.ts';
import { briefingText } from './briefing-text.ts';
import {
  paperSizes,
  type Briefing,
  type BriefingExcerpt,
  type BriefingProcess,
  type BriefingSpeaker,
} from './briefings.schema.ts';

/** Between two pieces of one quotation. */
export const ellipsis = ' […] ';

/** The groups of speakers of a process, in order, with their titles (empty ones left out). */
export function speakerSections(
  b: Briefing,
  p: BriefingProcess,
): { title: string; speakers: BriefingSpeaker[] }[] {
  const t = briefingText[b.language];
  return [
    { title: t.states, speakers: p.states },
    { title: t.igos, speakers: p.igos },
    ...p.others.map((g) => ({ title: `${t.others}${t.colon}${g.title}`, speakers: g.speakers })),
  ].filter((s) => s.speakers.length > 0);
}

/** A link of the site made absolute under `base`; other links as they are. */
export function absolute(base: string, href: string): string {
  return href.startsWith('/') ? `${base}${href}` : href;
}

/** "Original in Arabic" in the paper's language. */
export function originalIn(
  paper: { language: keyof typeof briefingText },
  e: BriefingExcerpt,
): string {
  return fill(briefingText[paper.language].originalIn, {
    language: languageName(e.language, paper.language).display,
  });
}

/** Text as Markdown shows it literally (its markup characters escaped). */
export const md = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** The paper as Markdown; notes as footnotes ([^1]). */
export function briefingMarkdown(b: Briefing, base = ''): string {
  const t = briefingText[b.language];
  const quoted = (e: BriefingExcerpt): string => {
    const text = e.pieces.map(md).join(ellipsis);
    return e.dir === 'rtl' ? `\u2067${text}\u2069` : text;
  };
  const excerptLines = (e: BriefingExcerpt, note: number): string[] => {
    const lines = [`> ${quoted(e)}[^${note}]`];
    if (e.translate)
      lines.push(
        '>',
        `> *${md(originalIn(b, e))}. ${t.translation}${t.colon.trimEnd()}* ${md(t.translationSlot)}`,
      );
    return [...lines, ''];
  };
  const dated = (l: { day: string; text: string; note: number }): string =>
    `- ${md(l.day)}${t.colon}${md(l.text)}[^${l.note}]`;
  const lines: string[] = [
    `# ${md(b.title)}`,
    '',
    `*${md(b.subtitle)}*`,
    '',
    md(b.prepared),
    '',
    md(b.scope),
    '',
    `## ${t.summary}`,
    '',
    ...b.summary.map((s) => `- ${md(s)}`),
    '',
  ];
  for (const p of b.processes) {
    lines.push(`## ${md(p.name)}`, '', `### ${t.happened}`, '');
    if (p.happened.length === 0) lines.push(t.nothingHappened, '');
    else lines.push(...p.happened.map(dated), '');

    lines.push(`### ${t.draft}`, '');
    if (p.drafts.length === 0) lines.push(t.noDraft, '');
    for (const d of p.drafts) {
      lines.push(`#### ${md(d.heading)}`, '');
      if (d.languageNote) lines.push(`*${md(d.languageNote)}*`, '');
      for (const para of d.paragraphs) {
        const change = para.change
          ? ` — *${md(para.change)}*${para.changeNote ? `[^${para.changeNote}]` : ''}`
          : '';
        lines.push(
          `**${md(para.address)}**${change}`,
          '',
          ...excerptLines(para.excerpt, para.note),
        );
        if (para.positions.length > 0) {
          lines.push(`*${t.positions}*`, '');
          for (const x of para.positions)
            lines.push(`- ${md(x.actor)}${t.colon}${md(x.stance)} (${md(x.day)})[^${x.note}]`);
          lines.push('');
        }
      }
      for (const gone of d.deleted) lines.push(`*${md(gone)}*`, '');
      if (d.positions.length > 0) {
        lines.push(`*${t.positions}*`, '');
        for (const x of d.positions)
          lines.push(`- ${md(x.actor)}${t.colon}${md(x.stance)} (${md(x.day)})[^${x.note}]`);
        lines.push('');
      }
    }

    lines.push(`### ${t.whoSaid}`, '');
    const parts = speakerSections(b, p);
    if (parts.length === 0) lines.push(t.noQuotes, '');
    for (const s of parts) {
      lines.push(`#### ${md(s.title)}`, '');
      for (const speaker of s.speakers) {
        lines.push(`**${md(speaker.name)}**`, '');
        for (const q of speaker.quotes) lines.push(...excerptLines(q, q.note));
        if (speaker.more) lines.push(`*${md(speaker.more.text)}*[^${speaker.more.note}]`, '');
      }
    }

    lines.push(`### ${t.comingUp}`, '');
    if (p.upcoming.length === 0) lines.push(t.nothingComingUp, '');
    else lines.push(...p.upcoming.map(dated), '');
  }
  const g = b.regulatory;
  lines.push(`## ${t.regulatory}`, '', md(g.intro), '');
  if (g.stated.length + g.reported.length === 0) lines.push(t.noRegulatory, '');
  for (const [heading, list] of [
    [t.regulatoryStated, g.stated],
    [t.regulatoryReported, g.reported],
  ] as const)
    if (list.length > 0) lines.push(`### ${heading}`, '', ...list.map(dated), '');
  lines.push(`## ${t.notes}`, '');
  for (const n of b.notes) lines.push(`[^${n.n}]: ${md(n.label)} <${absolute(base, n.href)}>`);
  return `${lines.join('\n')}\n`;
}

/** Text as HTML shows it literally. */
export const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The stylesheet of an HTML paper (in the page itself, so a saved paper keeps it). */
export function briefingCss(paper: (typeof paperSizes)[number]): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  return `
@page { size: ${size}; margin: 2cm 2cm 2.2cm; @bottom-center { content: counter(page); font: 9pt sans-serif; color: #57606a; } }
:root { color-scheme: light; }
body { font-family: "Noto Serif", "Noto Naskh Arabic", "Noto Serif CJK SC", Georgia, "Times New Roman", serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1f24; font-size: 11.5pt; }
header.cover { border-bottom: 3px solid #0b5cad; padding-bottom: .8rem; margin-bottom: 1.2rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .3rem; color: #0b3d73; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; color: #0b3d73; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; } h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; color: #30363d; }
.subtitle { font-style: italic; margin: 0; } .prepared, .scope { color: #57606a; font-size: .92rem; margin: .3rem 0; }
.summary li, .timeline li { margin: .25rem 0; } .timeline .day { font-weight: 600; white-space: nowrap; }
.address { font-weight: 700; } .change { font-style: italic; color: #6e4b00; } .language-note { font-style: italic; color: #57606a; }
blockquote { margin: .3rem 0 .8rem; padding: .1rem 1rem; border-inline-start: 3px solid #8c959f; background: #f6f8fa; }
blockquote p { margin: .4rem 0; } .speaker { font-weight: 700; margin: .9rem 0 .2rem; break-after: avoid; }
.translation { border: 1px dashed #8c959f; padding: .3rem .6rem; color: #57606a; font-size: .92rem; margin: -.4rem 0 .9rem; }
.more { font-style: italic; color: #57606a; font-size: .92rem; margin: -.2rem 0 .9rem; } .positions { font-size: .92rem; color: #30363d; } .positions ul { margin: .2rem 0 .8rem; }
sup a { text-decoration: none; } .notes { font-size: .85rem; } .notes a { color: #0b5cad; overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } h2, h3, h4, .speaker { break-after: avoid; } blockquote, .translation { break-inside: avoid; } }
@media (max-width: 30rem) { body { padding: 0 .6rem; font-size: 11pt; } }
`;
}

/**
 * The CSP hashes of the papers' stylesheets: the app allows exactly these inline styles, so a
 * paper shown in the browser is styled while no other inline style may run.
 */
export function briefingStyleHashes(): string[] {
  return paperSizes.map(
    (paper) => `'sha256-${createHash('sha256').update(briefingCss(paper)).digest('base64')}'`,
  );
}

/**
 * How an HTML paper is written: for the screen (each note links back to where it is called), or
 * for print to PDF (`print`: no link back — a printed page cannot follow one, and Chromium took
 * twice as long to print a 371-page paper with its 3,174 links back to earlier pages).
 */
export interface PaperHtmlOptions {
  print?: boolean;
}

/** The note's link back to its call, on the screen only. */
export function backLink(n: number, options: PaperHtmlOptions): string {
  return options.print ? '' : ` <a href="#ref-${n}" aria-label="↩ ${n}">↩</a>`;
}

/** The paper as one HTML page, styled for print (A4 or Letter, notes at the end, links to every source). */
export function briefingHtml(b: Briefing, base = '', options: PaperHtmlOptions = {}): string {
  const t = briefingText[b.language];
  const ref = (n: number): string =>
    `<sup><a href="#note-${n}" id="ref-${n}" aria-label="${escape(t.notes)} ${n}">${n}</a></sup>`;
  const quoteBlock = (e: BriefingExcerpt, note: number): string => {
    const pieces = e.pieces.map(escape).join(escape(ellipsis));
    const translation = e.translate
      ? `<p class="translation">${escape(originalIn(b, e))}. ${escape(t.translation)}${escape(t.colon)}${escape(t.translationSlot)}</p>`
      : '';
    return `<blockquote lang="${escape(e.language)}" dir="${e.dir}"><p><bdi>${pieces}</bdi>${ref(note)}</p></blockquote>${translation}`;
  };
  const timeline = (lines: BriefingProcess['happened'], none: string): string =>
    lines.length === 0
      ? `<p>${escape(none)}</p>`
      : `<ul class="timeline">${lines
          .map(
            (h) =>
              `<li><span class="day">${escape(h.day)}</span>${escape(t.colon)}${escape(h.text)}${ref(h.note)}</li>`,
          )
          .join('')}</ul>`;
  const positions = (list: BriefingProcess['drafts'][number]['positions']): string =>
    list.length === 0
      ? ''
      : `<div class="positions"><p>${escape(t.positions)}</p><ul>${list
          .map(
            (x) =>
              `<li><bdi>${escape(x.actor)}</bdi>${escape(t.colon)}${escape(x.stance)} (${escape(x.day)})${ref(x.note)}</li>`,
          )
          .join('')}</ul></div>`;
  const processIds = b.processes.map((_, i) => `process-${i + 1}`);
  const body: string[] = [
    `<header class="cover"><h1>${escape(b.title)}</h1>`,
    `<p class="subtitle">${escape(b.subtitle)}</p>`,
    `<p class="prepared">${escape(b.prepared)}</p></header>`,
    `<p class="scope">${escape(b.scope)}</p>`,
    `<section aria-labelledby="summary" class="summary"><h2 id="summary">${escape(t.summary)}</h2><ul>${b.summary
      .map((s) => `<li>${escape(s)}</li>`)
      .join('')}</ul></section>`,
  ];
  b.processes.forEach((p, i) => {
    body.push(
      `<section aria-labelledby="${processIds[i]}"><h2 id="${processIds[i]}">${escape(p.name)}</h2>`,
      `<h3>${escape(t.happened)}</h3>`,
      timeline(p.happened, t.nothingHappened),
      `<h3>${escape(t.draft)}</h3>`,
    );
    if (p.drafts.length === 0) body.push(`<p>${escape(t.noDraft)}</p>`);
    for (const d of p.drafts) {
      body.push(`<h4>${escape(d.heading)}</h4>`);
      if (d.languageNote) body.push(`<p class="language-note">${escape(d.languageNote)}</p>`);
      for (const para of d.paragraphs) {
        const change = para.change
          ? ` <span class="change">${escape(para.change)}${para.changeNote ? ref(para.changeNote) : ''}</span>`
          : '';
        body.push(
          `<p class="speaker"><span class="address">${escape(para.address)}</span>${change}</p>`,
          quoteBlock(para.excerpt, para.note),
          positions(para.positions),
        );
      }
      for (const gone of d.deleted) body.push(`<p class="change">${escape(gone)}</p>`);
      body.push(positions(d.positions));
    }
    body.push(`<h3>${escape(t.whoSaid)}</h3>`);
    const parts = speakerSections(b, p);
    if (parts.length === 0) body.push(`<p>${escape(t.noQuotes)}</p>`);
    for (const s of parts) {
      body.push(`<h4>${escape(s.title)}</h4>`);
      for (const speaker of s.speakers) {
        body.push(`<p class="speaker"><bdi>${escape(speaker.name)}</bdi></p>`);
        for (const q of speaker.quotes) body.push(quoteBlock(q, q.note));
        if (speaker.more)
          body.push(`<p class="more">${escape(speaker.more.text)}${ref(speaker.more.note)}</p>`);
      }
    }
    body.push(
      `<h3>${escape(t.comingUp)}</h3>`,
      timeline(p.upcoming, t.nothingComingUp),
      '</section>',
    );
  });
  const g = b.regulatory;
  body.push(
    `<section aria-labelledby="regulatory"><h2 id="regulatory">${escape(t.regulatory)}</h2>`,
    `<p>${escape(g.intro)}</p>`,
    g.stated.length + g.reported.length === 0 ? `<p>${escape(t.noRegulatory)}</p>` : '',
    g.stated.length > 0
      ? `<h3 id="regulatory-stated">${escape(t.regulatoryStated)}</h3>${timeline(g.stated, '')}`
      : '',
    g.reported.length > 0
      ? `<h3 id="regulatory-reported">${escape(t.regulatoryReported)}</h3>${timeline(g.reported, '')}`
      : '',
    '</section>',
  );
  body.push(
    `<section aria-labelledby="notes" class="notes"><h2 id="notes">${escape(t.notes)}</h2><ol>${b.notes
      .map(
        (n) =>
          `<li id="note-${n.n}"><bdi>${escape(n.label)}</bdi>, <a href="${escape(absolute(base, n.href))}">${escape(absolute(base, n.href))}</a>${backLink(n.n, options)}</li>`,
      )
      .join('')}</ol></section>`,
  );
  const dir = directionOf(b.language);
  return `<!doctype html>
<html lang="${b.language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(b.title)}</title>
<style>${briefingCss(b.paper)}</style>
</head>
<body>
<main>
${body.filter((x) => x !== '').join('\n')}
</main>
</body>
</html>
`;
}

/** Page sizes in twentieths of a point, as Word measures them. */
export const pageTwips = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
} as const;

/** Text as XML carries it: markup escaped, the characters XML 1.0 cannot hold left out. */
function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
  );
}

/** The root of docx's footnotes part and its two separators, as docx writes them. */
const footnotesHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:footnotes xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 w15 wp14">' +
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';

/**
 * The footnotes part of a DOCX paper and its relationships, as docx writes them (each note: the
 * reference mark, its label, and the link as an external hyperlink), from strings.
 */
export function footnoteParts(
  notes: { n: number; label: string; href: string }[],
  rtl: boolean,
  base: string,
): { path: string; data: string }[] {
  const bidi = rtl ? '<w:bidi/>' : '<w:bidi w:val="false"/>';
  const run = rtl ? '<w:rtl/>' : '<w:rtl w:val="false"/>';
  const xml: string[] = [footnotesHead];
  const rels: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
  ];
  for (const n of notes) {
    const url = xmlText(absolute(base, n.href));
    xml.push(
      `<w:footnote w:id="${n.n}"><w:p><w:pPr>${bidi}</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr>${run}</w:rPr><w:t xml:space="preserve">${xmlText(n.label)}, </w:t></w:r><w:hyperlink w:history="1" r:id="rIdNote${n.n}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">${url}</w:t></w:r></w:hyperlink></w:p></w:footnote>`,
    );
    rels.push(
      `<Relationship Id="rIdNote${n.n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${url}" TargetMode="External"/>`,
    );
  }
  xml.push('</w:footnotes>');
  rels.push('</Relationships>');
  return [
    { path: 'word/footnotes.xml', data: xml.join('') },
    { path: 'word/_rels/footnotes.xml.rels', data: rels.join('') },
  ];
}

/** A run of a DOCX paragraph: text, a footnote's number, a link. */
export type DocxRun = TextRun | FootnoteReferenceRun | ExternalHyperlink;

/**
 * What both DOCX writers (briefings, country reports) build a paper with: its footnotes (each
 * a label and an absolute link), text runs, paragraphs and bullets in the paper's direction, and
 * the document itself on the paper's page size.
 */
export function docxKit(
  paper: {
    language: string;
    title: string;
    paper: keyof typeof pageTwips;
    notes: { n: number; label: string; href: string }[];
  },
  base: string,
) {
  const rtl = directionOf(paper.language) === 'rtl';
  // The footnotes are written as XML here, not through docx's objects: a paper over 100,000
  // submissions has 20,000 of them, and building, serialising and relating each one through the
  // library took about half the time of the whole DOCX. docx still makes the footnotes part and
  // its relationship (from one placeholder note); the two files are then replaced by these.
  const footnotes: Record<number, { children: Paragraph[] }> =
    paper.notes.length > 0 ? { 1: { children: [new Paragraph({})] } } : {};
  const overrides = paper.notes.length > 0 ? footnoteParts(paper.notes, rtl, base) : [];
  const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun =>
    new TextRun({ text: value, rightToLeft: rtl, ...options });
  const para = (
    children: DocxRun[],
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  ): Paragraph =>
    new Paragraph({
      children,
      bidirectional: rtl,
      ...(heading ? { heading } : {}),
      alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
    });
  const bullet = (children: DocxRun[]): Paragraph =>
    new Paragraph({ children, bidirectional: rtl, bullet: { level: 0 } });
  const pack = (children: Paragraph[]): Promise<Buffer> =>
    Packer.toBuffer(
      new Document({
        creator: 'plenum',
        title: paper.title,
        footnotes,
        sections: [
          {
            properties: {
              page: {
                size: pageTwips[paper.paper],
                margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
              },
            },
            children,
          },
        ],
      }),
      false,
      overrides,
    );
  return { rtl, footnotes, text, para, bullet, pack };
}

/** The opening of docx's main document part, as docx writes it. */
const documentHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document mc:Ignorable="w14 w15 wp14" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex" xmlns:cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex" xmlns:cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex" xmlns:cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex" xmlns:cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex" xmlns:cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex" xmlns:cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex" xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink" xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"><w:body>';

/** A run of Word XML: text with its marks, or a footnote's reference. */
type XmlRun =
  | {
      text: string;
      rtl: boolean;
      bold?: boolean;
      italics?: boolean;
      highlight?: boolean;
      lang?: { value: string; bidi: boolean };
    }
  | { footnote: number };

function xmlRun(r: XmlRun): string {
  if ('footnote' in r)
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${r.footnote}"/></w:r>`;
  const lang = r.lang
    ? r.lang.bidi
      ? `<w:lang w:bidi="${xmlText(r.lang.value)}"/>`
      : `<w:lang w:val="${xmlText(r.lang.value)}"/>`
    : '';
  return `<w:r><w:rPr>${r.bold ? '<w:b/><w:bCs/>' : ''}${r.italics ? '<w:i/><w:iCs/>' : ''}${
    r.highlight ? '<w:highlight w:val="yellow"/>' : ''
  }${r.rtl ? '<w:rtl/>' : '<w:rtl w:val="false"/>'}${lang}</w:rPr><w:t xml:space="preserve">${xmlText(r.text)}</w:t></w:r>`;
}

/**
 * A paragraph of Word XML as docx writes it: its style (a heading, or a bullet of the default
 * bullet list), direction, spacing after, indent and alignment (docx swaps left and right in a
 * right-to-left paragraph, as Word reads them from its start), then its runs.
 */
function xmlParagraph(
  runs: XmlRun[],
  o: {
    bidi: boolean;
    style?: string;
    bullet?: boolean;
    after?: number;
    indent?: boolean;
    align?: 'left' | 'right';
  },
): string {
  const jc = o.align ? (o.bidi ? (o.align === 'left' ? 'right' : 'left') : o.align) : undefined;
  return `<w:p><w:pPr>${o.style ? `<w:pStyle w:val="${o.style}"/>` : ''}${
    o.bullet
      ? '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
      : ''
  }${o.bidi ? '<w:bidi/>' : '<w:bidi w:val="false"/>'}${o.after ? `<w:spacing w:after="${o.after}"/>` : ''}${
    o.indent ? '<w:ind w:start="567" w:end="567"/>' : ''
  }${jc ? `<w:jc w:val="${jc}"/>` : ''}</w:pPr>${runs.map(xmlRun).join('')}</w:p>`;
}

/**
 * The paper as a DOCX file: Word's Title and Heading 1–3 styles (so Word's navigation pane and
 * table of contents work), quotations as indented paragraphs in their own direction and
 * language, a highlighted slot for each translation, and a real Word footnote for every source.
 * The main part and the footnotes are written here as XML strings, exactly as docx writes them
 * (briefing-docx.test.ts compares the two), and handed to docx's packer, which makes the rest of
 * the package (styles, numbering, settings, relationships): a paper over 100,000 submissions has
 * 20,000 quotations and notes, and building and serialising them as docx objects took most of
 * the time of the DOCX.
 */
export async function briefingDocx(b: Briefing, base = ''): Promise<Buffer> {
  return packPaper(b, base, briefingDocxBody(b));
}

/** The body of a briefing's main part, paragraph by paragraph, as Word XML. */
export function briefingDocxBody(b: Briefing): string[] {
  const t = briefingText[b.language];
  const rtl = directionOf(b.language) === 'rtl';
  const align = rtl ? 'right' : 'left';
  const text = (value: string, marks: { bold?: boolean; italics?: boolean } = {}): XmlRun => ({
    text: value,
    rtl,
    ...marks,
  });
  const para = (runs: XmlRun[], style?: string): string =>
    xmlParagraph(runs, { bidi: rtl, style, align });
  const bullet = (runs: XmlRun[]): string => xmlParagraph(runs, { bidi: rtl, bullet: true });
  const out: string[] = [];
  const quote = (e: BriefingExcerpt, note: number): void => {
    const quoteRtl = e.dir === 'rtl';
    out.push(
      xmlParagraph(
        [
          {
            text: e.pieces.join(ellipsis),
            rtl: quoteRtl,
            lang: { value: e.language, bidi: quoteRtl },
          },
          { footnote: note },
        ],
        { bidi: quoteRtl, after: 120, indent: true, align: quoteRtl ? 'right' : 'left' },
      ),
    );
    if (e.translate)
      out.push(
        xmlParagraph(
          [
            text(`${originalIn(b, e)}. ${t.translation}${t.colon}`, { italics: true }),
            { text: t.translationSlot, rtl, highlight: true },
          ],
          { bidi: rtl, after: 160, indent: true },
        ),
      );
  };
  const positions = (list: BriefingProcess['drafts'][number]['positions']): void => {
    if (list.length === 0) return;
    out.push(para([text(t.positions, { italics: true })]));
    for (const x of list)
      out.push(bullet([text(`${x.actor}${t.colon}${x.stance} (${x.day})`), { footnote: x.note }]));
  };
  const dated = (l: { day: string; text: string; note: number }): string =>
    bullet([text(`${l.day}${t.colon}`, { bold: true }), text(l.text), { footnote: l.note }]);

  out.push(
    para([text(b.title)], 'Title'),
    para([text(b.subtitle, { italics: true })]),
    para([text(b.prepared)]),
    para([text(b.scope)]),
    para([text(t.summary)], 'Heading1'),
    ...b.summary.map((x) => bullet([text(x)])),
  );
  for (const p of b.processes) {
    out.push(para([text(p.name)], 'Heading1'), para([text(t.happened)], 'Heading2'));
    if (p.happened.length === 0) out.push(para([text(t.nothingHappened)]));
    out.push(...p.happened.map(dated));

    out.push(para([text(t.draft)], 'Heading2'));
    if (p.drafts.length === 0) out.push(para([text(t.noDraft)]));
    for (const d of p.drafts) {
      out.push(para([text(d.heading)], 'Heading3'));
      if (d.languageNote) out.push(para([text(d.languageNote, { italics: true })]));
      for (const x of d.paragraphs) {
        const runs: XmlRun[] = [text(x.address, { bold: true })];
        if (x.change) {
          runs.push(text(` — ${x.change}`, { italics: true }));
          if (x.changeNote) runs.push({ footnote: x.changeNote });
        }
        out.push(para(runs));
        quote(x.excerpt, x.note);
        positions(x.positions);
      }
      for (const gone of d.deleted) out.push(para([text(gone, { italics: true })]));
      positions(d.positions);
    }

    out.push(para([text(t.whoSaid)], 'Heading2'));
    const parts = speakerSections(b, p);
    if (parts.length === 0) out.push(para([text(t.noQuotes)]));
    for (const section of parts) {
      out.push(para([text(section.title)], 'Heading3'));
      for (const speaker of section.speakers) {
        out.push(para([text(speaker.name, { bold: true })]));
        for (const q of speaker.quotes) quote(q, q.note);
        if (speaker.more)
          out.push(
            para([text(speaker.more.text, { italics: true }), { footnote: speaker.more.note }]),
          );
      }
    }

    out.push(para([text(t.comingUp)], 'Heading2'));
    if (p.upcoming.length === 0) out.push(para([text(t.nothingComingUp)]));
    out.push(...p.upcoming.map(dated));
  }
  const g = b.regulatory;
  out.push(para([text(t.regulatory)], 'Heading1'), para([text(g.intro)]));
  if (g.stated.length + g.reported.length === 0) out.push(para([text(t.noRegulatory)]));
  for (const [heading, list] of [
    [t.regulatoryStated, g.stated],
    [t.regulatoryReported, g.reported],
  ] as const)
    if (list.length > 0) out.push(para([text(heading)], 'Heading2'), ...list.map(dated));
  return out;
}

/**
 * Packs a paper whose main part is given as Word XML paragraphs: docx makes the package from a
 * placeholder document of the same page size (one bullet, so that its bullet list is defined;
 * one note, so that its footnotes part is), and the main part and the footnotes are replaced.
 */
async function packPaper(
  paper: {
    language: string;
    title: string;
    paper: keyof typeof pageTwips;
    notes: { n: number; label: string; href: string }[];
  },
  base: string,
  body: string[],
): Promise<Buffer> {
  const rtl = directionOf(paper.language) === 'rtl';
  const size = pageTwips[paper.paper];
  const main =
    documentHead +
    body.join('') +
    `<w:sectPr><w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>`;
  return Packer.toBuffer(
    new Document({
      creator: 'plenum',
      title: paper.title,
      footnotes: { 1: { children: [new Paragraph({})] } },
      sections: [
        {
          properties: {
            page: { size: size, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
          },
          children: [new Paragraph({ bullet: { level: 0 }, children: [] })],
        },
      ],
    }),
    false,
    [{ path: 'word/document.xml', data: main }, ...footnoteParts(paper.notes, rtl, base)],
  );
}
