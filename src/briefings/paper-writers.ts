/**
 * Writes a paper of the general shape (a country report) as Markdown with footnotes, as HTML set
 * for A4 or Letter with the briefing's stylesheet, or as DOCX with Word's heading styles and real
 * footnotes: the same conventions as the briefing writers (quotations in their own language and
 * direction, a translation slot when it is not the paper's language, a note for every source).
 */
import {
  AlignmentType,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Paragraph,
  TextRun,
} from 'docx';
import { directionOf } from '../web/layout.ts';
import { briefingText } from './briefing-text.ts';
import {
  absolute,
  briefingCss,
  ellipsis,
  escape,
  md,
  originalIn,
  docxKit,
  type DocxRun,
  backLink,
  type PaperHtmlOptions,
} from './briefing-writers.ts';
import type { Paper, PaperItem } from './country-reports.schema.ts';

/** The paper as Markdown; notes as footnotes ([^1]). */
export function paperMarkdown(p: Paper, base = ''): string {
  const t = briefingText[p.language];
  const item = (i: PaperItem): string => {
    const lead = i.lead ? `**${md(i.lead)}**${t.colon}` : '';
    const text = i.href ? `[${md(i.text)}](${absolute(base, i.href)})` : md(i.text);
    return `- ${lead}${text}${i.note ? `[^${i.note}]` : ''}`;
  };
  const lines: string[] = [
    `# ${md(p.title)}`,
    '',
    `*${md(p.subtitle)}*`,
    '',
    md(p.prepared),
    '',
    md(p.scope),
    '',
    `## ${t.summary}`,
    '',
    ...p.summary.map((s) => `- ${md(s)}`),
    '',
  ];
  for (const s of p.sections) {
    lines.push(`${'#'.repeat(s.level)} ${md(s.heading)}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'text') lines.push(b.italic ? `*${md(b.text)}*` : md(b.text), '');
      else if (b.kind === 'lead') lines.push(`**${md(b.text)}**`, '');
      else if (b.kind === 'list') lines.push(...b.items.map(item), '');
      else {
        const e = b.excerpt;
        const text = e.pieces.map(md).join(ellipsis);
        lines.push(`> ${e.dir === 'rtl' ? `\u2067${text}\u2069` : text}[^${b.note}]`);
        if (e.translate)
          lines.push(
            '>',
            `> *${md(originalIn(p, e))}. ${t.translation}${t.colon.trimEnd()}* ${md(t.translationSlot)}`,
          );
        lines.push('');
      }
    }
  }
  lines.push(`## ${t.notes}`, '');
  for (const n of p.notes) lines.push(`[^${n.n}]: ${md(n.label)} <${absolute(base, n.href)}>`);
  return `${lines.join('\n')}\n`;
}

/** The paper's body as HTML (cover, summary, sections, notes), to stand alone or inside a page. */
export function paperHtmlBody(p: Paper, base = '', options: PaperHtmlOptions = {}): string {
  const t = briefingText[p.language];
  const ref = (n: number): string =>
    `<sup><a href="#note-${n}" id="ref-${n}" aria-label="${escape(t.notes)} ${n}">${n}</a></sup>`;
  const item = (i: PaperItem): string => {
    const lead = i.lead ? `<span class="day">${escape(i.lead)}</span>${escape(t.colon)}` : '';
    const text = i.href
      ? `<a href="${escape(absolute(base, i.href))}"><bdi>${escape(i.text)}</bdi></a>`
      : `<bdi>${escape(i.text)}</bdi>`;
    return `<li>${lead}${text}${i.note ? ref(i.note) : ''}</li>`;
  };
  const body: string[] = [
    `<header class="cover"><h1>${escape(p.title)}</h1>`,
    `<p class="subtitle">${escape(p.subtitle)}</p>`,
    `<p class="prepared">${escape(p.prepared)}</p></header>`,
    `<p class="scope">${escape(p.scope)}</p>`,
    `<section aria-labelledby="summary" class="summary"><h2 id="summary">${escape(t.summary)}</h2><ul>${p.summary
      .map((s) => `<li>${escape(s)}</li>`)
      .join('')}</ul></section>`,
  ];
  for (const s of p.sections) {
    body.push(`<h${s.level} id="${escape(s.id)}">${escape(s.heading)}</h${s.level}>`);
    for (const b of s.blocks) {
      if (b.kind === 'text')
        body.push(`<p${b.italic ? ' class="language-note"' : ''}>${escape(b.text)}</p>`);
      else if (b.kind === 'lead') body.push(`<p class="speaker"><bdi>${escape(b.text)}</bdi></p>`);
      else if (b.kind === 'list')
        body.push(`<ul class="timeline">${b.items.map(item).join('')}</ul>`);
      else {
        const e = b.excerpt;
        const translation = e.translate
          ? `<p class="translation">${escape(originalIn(p, e))}. ${escape(t.translation)}${escape(t.colon)}${escape(t.translationSlot)}</p>`
          : '';
        body.push(
          `<blockquote lang="${escape(e.language)}" dir="${e.dir}"><p><bdi>${e.pieces
            .map(escape)
            .join(escape(ellipsis))}</bdi>${ref(b.note)}</p></blockquote>${translation}`,
        );
      }
    }
  }
  body.push(
    `<section aria-labelledby="notes" class="notes"><h2 id="notes">${escape(t.notes)}</h2><ol>${p.notes
      .map(
        (n) =>
          `<li id="note-${n.n}"><bdi>${escape(n.label)}</bdi>, <a href="${escape(absolute(base, n.href))}" dir="ltr">${escape(absolute(base, n.href))}</a>${backLink(n.n, options)}</li>`,
      )
      .join('')}</ol></section>`,
  );
  return body.join('\n');
}

/** The paper as one HTML page, styled for print with the briefing's stylesheet. */
export function paperHtml(p: Paper, base = '', options: PaperHtmlOptions = {}): string {
  return `<!doctype html>
<html lang="${p.language}" dir="${directionOf(p.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(p.title)}</title>
<style>${briefingCss(p.paper)}</style>
</head>
<body>
<main>
${paperHtmlBody(p, base, options)}
</main>
</body>
</html>
`;
}

/** The paper as DOCX: Title and Heading 1–2 styles, quotations in their own direction, real footnotes. */
export async function paperDocx(p: Paper, base = ''): Promise<Buffer> {
  const t = briefingText[p.language];
  const { rtl, text, para, bullet, pack } = docxKit(p, base);
  const children: Paragraph[] = [
    para([text(p.title)], HeadingLevel.TITLE),
    para([text(p.subtitle, { italics: true })]),
    para([text(p.prepared)]),
    para([text(p.scope)]),
    para([text(t.summary)], HeadingLevel.HEADING_1),
    ...p.summary.map((s) => bullet([text(s)])),
  ];
  for (const s of p.sections) {
    children.push(
      para([text(s.heading)], s.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2),
    );
    for (const b of s.blocks) {
      if (b.kind === 'text') children.push(para([text(b.text, { italics: b.italic ?? false })]));
      else if (b.kind === 'lead') children.push(para([text(b.text, { bold: true })]));
      else if (b.kind === 'list')
        for (const i of b.items) {
          const runs: DocxRun[] = [];
          if (i.lead) runs.push(text(`${i.lead}${t.colon}`, { bold: true }));
          runs.push(
            i.href
              ? new ExternalHyperlink({
                  link: absolute(base, i.href),
                  children: [new TextRun({ text: i.text, style: 'Hyperlink', rightToLeft: rtl })],
                })
              : text(i.text),
          );
          if (i.note) runs.push(new FootnoteReferenceRun(i.note));
          children.push(bullet(runs));
        }
      else {
        const e = b.excerpt;
        const quoteRtl = e.dir === 'rtl';
        children.push(
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
              new FootnoteReferenceRun(b.note),
            ],
          }),
        );
        if (e.translate)
          children.push(
            new Paragraph({
              bidirectional: rtl,
              indent: { start: 567, end: 567 },
              spacing: { after: 160 },
              children: [
                text(`${originalIn(p, e)}. ${t.translation}${t.colon}`, { italics: true }),
                new TextRun({ text: t.translationSlot, highlight: 'yellow', rightToLeft: rtl }),
              ],
            }),
          );
      }
    }
  }
  return pack(children);
}
