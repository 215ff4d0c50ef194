/**
 * Writes a drafted briefing as Markdown (with footnotes), as HTML ready to print, or as DOCX
 * (through the `docx` library, with real Word footnotes). The three say the same thing.
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
import { unLanguages } from '../text/detect-language.ts';
import { directionOf } from '../web/layout.ts';
import { briefingText } from './briefing-text.ts';
import type { Briefing, BriefingProcess, BriefingSpeaker } from './briefings.schema.ts';

/** Quotation marks of the paper's language. */
function quoteMarks(lang: string): [string, string] {
  if (lang === 'fr') return ['« ', ' »'];
  if (lang === 'es' || lang === 'ru' || lang === 'ar') return ['«', '»'];
  return ['“', '”'];
}

/** The sections of a process, in order, with their titles (empty ones left out). */
function sections(
  b: Briefing,
  p: BriefingProcess,
): { title: string; speakers: BriefingSpeaker[] }[] {
  const t = briefingText[b.language];
  return [
    { title: t.inDocuments, speakers: p.documents },
    { title: t.states, speakers: p.states },
    { title: t.igos, speakers: p.igos },
    { title: t.others, speakers: p.others },
  ].filter((s) => s.speakers.length > 0);
}

function absolute(base: string, href: string): string {
  return href.startsWith('/') ? `${base}${href}` : href;
}

/** The paper as Markdown; notes as footnotes ([^1]). */
export function briefingMarkdown(b: Briefing, base = ''): string {
  const t = briefingText[b.language];
  const [open, close] = quoteMarks(b.language);
  const md = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const lines: string[] = [`# ${md(b.title)}`, '', `*${md(b.subtitle)}*`, '', md(b.prepared), ''];
  lines.push(`## ${t.contents}`, '');
  for (const p of b.processes) lines.push(`- ${md(p.name)}`);
  lines.push('', md(b.foreword), '');
  for (const p of b.processes) {
    lines.push(`## ${md(p.name)}`, '', `### ${t.happened}`, '');
    if (p.happened.length === 0) lines.push(t.nothingHappened, '');
    else lines.push(...p.happened.map((h) => `- ${md(h.text)}[^${h.note}]`), '');
    const parts = sections(b, p);
    if (parts.length === 0) lines.push(t.noQuotes, '');
    for (const s of parts) {
      lines.push(`### ${s.title}`, '');
      for (const speaker of s.speakers) {
        const quotes = speaker.quotes.map((q) => `${open}${md(q.text)}${close}[^${q.note}]`);
        lines.push(`**${md(speaker.name)}**: ${quotes.join(`\n\n${t.and}: `)}`, '');
      }
    }
    lines.push(`### ${t.comingUp}`, '');
    if (p.upcoming.length === 0) lines.push(t.nothingComingUp, '');
    else lines.push(...p.upcoming.map((h) => `- ${md(h.text)}[^${h.note}]`), '');
  }
  lines.push(`## ${t.notes}`, '');
  for (const n of b.notes) lines.push(`[^${n.n}]: ${md(n.label)} <${absolute(base, n.href)}>`);
  return `${lines.join('\n')}\n`;
}

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The stylesheet of an HTML paper (in the page itself, so a saved paper keeps it). */
export function briefingCss(lang: string): string {
  const [open, close] = quoteMarks(lang);
  return `
@page { size: A4; margin: 2cm; }
body { font-family: "Noto Serif", Georgia, "Times New Roman", serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1f24; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; } h3 { font-size: 1.05rem; }
.subtitle { font-style: italic; margin-top: 0; } .prepared { color: #57606a; font-size: .9rem; }
q.quote { quotes: "${open}" "${close}"; } .speaker { margin: .6rem 0; }
sup a { text-decoration: none; } .notes { font-size: .85rem; } .notes a { color: #0b5cad; word-break: break-all; }
@media print { a { color: inherit; } nav { page-break-after: always; } h2 { page-break-after: avoid; } }
`;
}

/**
 * The CSP hashes of the six papers' stylesheets: the app allows exactly these inline styles, so
 * a paper shown in the browser is styled while no other inline style may run.
 */
export function briefingStyleHashes(): string[] {
  return unLanguages.map(
    (lang) => `'sha256-${createHash('sha256').update(briefingCss(lang)).digest('base64')}'`,
  );
}

/** The paper as one HTML page, styled for print (A4, notes at the end, links to every source). */
export function briefingHtml(b: Briefing, base = ''): string {
  const t = briefingText[b.language];
  const ref = (n: number): string =>
    `<sup><a href="#note-${n}" id="ref-${n}" aria-label="${escape(t.notes)} ${n}">${n}</a></sup>`;
  const processIds = b.processes.map((_, i) => `process-${i + 1}`);
  const body: string[] = [
    `<h1>${escape(b.title)}</h1>`,
    `<p class="subtitle">${escape(b.subtitle)}</p>`,
    `<p class="prepared">${escape(b.prepared)}</p>`,
    `<nav aria-labelledby="contents"><h2 id="contents">${escape(t.contents)}</h2><ol>${b.processes
      .map((p, i) => `<li><a href="#${processIds[i]}">${escape(p.name)}</a></li>`)
      .join('')}</ol></nav>`,
    `<p>${escape(b.foreword)}</p>`,
  ];
  b.processes.forEach((p, i) => {
    body.push(
      `<section aria-labelledby="${processIds[i]}"><h2 id="${processIds[i]}">${escape(p.name)}</h2>`,
    );
    body.push(`<h3>${escape(t.happened)}</h3>`);
    body.push(
      p.happened.length === 0
        ? `<p>${escape(t.nothingHappened)}</p>`
        : `<ul>${p.happened.map((h) => `<li>${escape(h.text)}${ref(h.note)}</li>`).join('')}</ul>`,
    );
    const parts = sections(b, p);
    if (parts.length === 0) body.push(`<p>${escape(t.noQuotes)}</p>`);
    for (const s of parts) {
      body.push(`<h3>${escape(s.title)}</h3>`);
      for (const speaker of s.speakers) {
        const quotes = speaker.quotes
          .map((q) => `<q class="quote">${escape(q.text)}</q>${ref(q.note)}`)
          .join(` ${escape(t.and)}: `);
        body.push(`<p class="speaker"><strong>${escape(speaker.name)}</strong>: ${quotes}</p>`);
      }
    }
    body.push(`<h3>${escape(t.comingUp)}</h3>`);
    body.push(
      p.upcoming.length === 0
        ? `<p>${escape(t.nothingComingUp)}</p>`
        : `<ul>${p.upcoming.map((h) => `<li>${escape(h.text)}${ref(h.note)}</li>`).join('')}</ul>`,
    );
    body.push('</section>');
  });
  body.push(
    `<section aria-labelledby="notes" class="notes"><h2 id="notes">${escape(t.notes)}</h2><ol>${b.notes
      .map(
        (n) =>
          `<li id="note-${n.n}">${escape(n.label)}, <a href="${escape(absolute(base, n.href))}">${escape(absolute(base, n.href))}</a> <a href="#ref-${n.n}" aria-label="↩ ${n.n}">↩</a></li>`,
      )
      .join('')}</ol></section>`,
  );
  const dir = directionOf(b.language);
  // The quotation marks are the paper language's own, set by CSS around <q>.
  return `<!doctype html>
<html lang="${b.language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(b.title)}</title>
<style>${briefingCss(b.language)}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

/** The paper as a DOCX file: headings, quotations with Word footnotes giving each source. */
export async function briefingDocx(b: Briefing, base = ''): Promise<Buffer> {
  const t = briefingText[b.language];
  const [open, close] = quoteMarks(b.language);
  const rtl = directionOf(b.language) === 'rtl';
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const n of b.notes) {
    footnotes[n.n] = {
      children: [
        new Paragraph({
          bidirectional: rtl,
          children: [
            new TextRun({ text: `${n.label}, `, rightToLeft: rtl }),
            new ExternalHyperlink({
              link: absolute(base, n.href),
              children: [new TextRun({ text: absolute(base, n.href), style: 'Hyperlink' })],
            }),
          ],
        }),
      ],
    };
  }
  const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun =>
    new TextRun({ text: value, rightToLeft: rtl, ...options });
  const para = (
    children: (TextRun | FootnoteReferenceRun)[],
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  ) =>
    new Paragraph({
      children,
      bidirectional: rtl,
      ...(heading ? { heading } : {}),
      alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
    });
  const children: Paragraph[] = [
    para([text(b.title)], HeadingLevel.TITLE),
    para([text(b.subtitle, { italics: true })]),
    para([text(b.prepared)]),
    para([text(b.foreword)]),
  ];
  for (const p of b.processes) {
    children.push(para([text(p.name)], HeadingLevel.HEADING_1));
    children.push(para([text(t.happened)], HeadingLevel.HEADING_2));
    if (p.happened.length === 0) children.push(para([text(t.nothingHappened)]));
    for (const h of p.happened)
      children.push(para([text(`• ${h.text}`), new FootnoteReferenceRun(h.note)]));
    const parts = sections(b, p);
    if (parts.length === 0) children.push(para([text(t.noQuotes)]));
    for (const s of parts) {
      children.push(para([text(s.title)], HeadingLevel.HEADING_2));
      for (const speaker of s.speakers) {
        const runs: (TextRun | FootnoteReferenceRun)[] = [
          text(`${speaker.name}: `, { bold: true }),
        ];
        speaker.quotes.forEach((q, i) => {
          if (i > 0) runs.push(text(` ${t.and}: `));
          runs.push(text(`${open}${q.text}${close}`), new FootnoteReferenceRun(q.note));
        });
        children.push(para(runs));
      }
    }
    children.push(para([text(t.comingUp)], HeadingLevel.HEADING_2));
    if (p.upcoming.length === 0) children.push(para([text(t.nothingComingUp)]));
    for (const h of p.upcoming)
      children.push(para([text(`• ${h.text}`), new FootnoteReferenceRun(h.note)]));
  }
  const document = new Document({
    creator: 'plenum',
    title: b.title,
    footnotes,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
