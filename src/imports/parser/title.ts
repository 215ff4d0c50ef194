/**
 * The title of a parsed document (`ParseResult.title`), found in its front matter: the blocks before
 * the first numbered section heading or numbered paragraph (the first 12 blocks at most).
 *
 * - A Markdown `#` heading there is preferred (a DOCX `Title` paragraph arrives as one): the first of
 *   level 1, else the first of any level.
 * - Otherwise the first heading or short paragraph there that reads like a title. A paragraph of short
 *   lines, or of lines with no sentence punctuation (an extracted cover page), is read line by line.
 * - Skipped on the way: a document symbol (`DEMO/OEWG/2026/1`: no spaces, a `/`), a code or job number
 *   (`GE-005`: no spaces, a digit, no lower case), a date, cover furniture (`Distr.: General`,
 *   `Original: English`, `General Assembly`), a person's name (with an initial or a title like `Dr`,
 *   `By …`, or two or three capitalised words followed by a date), prose (several sentences, a long
 *   sentence, a line ending with `,` or `;`), and generic section names (Foreword, Contents,
 *   Introduction, Summary, 目录, 简介…): those are never the title, even with nothing better.
 * - Title lines are joined only when one clearly continues the other: after a line ending with `:`
 *   (also across headings: "Update:" / "Cyber-Related"), and within one paragraph after a line ending
 *   with a connecting word or a hyphen, before a line starting in lower case, or before a single
 *   capitalised word ("Cyber-Related" / "Discussions"). Separate front-matter headings without such a
 *   sign stay separate: the demo pre-draft's title is "Illustrative pre-draft", not joined with its
 *   subtitle "Stability of the public core of the Internet".
 * - No candidate: null (the importer then uses the file name).
 */
import type { BlockKind } from '../../documents/blocks.ts';

/** What the title search needs to know of a block. */
export interface TitleSource {
  kind: BlockKind;
  number: string | null;
  parentKey: string | null;
  level: number | null;
  /** The block's final text. */
  text: string;
  /** The input lines the block was joined from, markers taken out. */
  lines: string[];
  /** A Markdown `#` heading. */
  markdownHeading: boolean;
}

const MONTH_NAMES = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'se?tiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيه',
  'يونيو',
  'يوليه',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
  // the Levantine names, alone or as UN Arabic writes them, "تموز/يوليه"
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
].join('|');
/** A month's name, or two names of one month joined by a slash ("تموز/يوليه"). */
const MONTHS = `(?:${MONTH_NAMES})(?:\\s*/\\s*(?:${MONTH_NAMES}))?`;
const D = '[0-9\\u0660-\\u0669]';
const RE_DATE = new RegExp(
  [
    // "14 March 2026", "14 mars 2026", "14 de marzo de 2026", "14 марта 2026 г.", "Monday, 14 March 2026"
    `${D}{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(?:${MONTHS})\\.?,?\\s+(?:de\\s+)?${D}{4}(?:\\s*г\\.?)?`,
    // "March 14, 2026", "March 2026"
    `(?:${MONTHS})\\.?\\s+(?:${D}{1,2}(?:st|nd|rd|th)?,?\\s+)?${D}{4}`,
    // "2026-03-14", "14/03/2026", "14.03.2026"
    `${D}{4}[-/.]${D}{1,2}[-/.]${D}{1,2}`,
    `${D}{1,2}[-/.]${D}{1,2}[-/.]${D}{2,4}`,
    // "2026年3月14日"
    `${D}{4}\\s*年(?:\\s*${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*日)?)?`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'iu',
);
const RE_DATE_LINE = new RegExp(`^(?:[^,\\d]{1,30},\\s*)?(?:${RE_DATE.source})$`, 'iu');
/** A date line, possibly after a weekday or a place and a comma ("Geneva, 14 March 2026"). */
export function isDate(t: string): boolean {
  return t.length <= 60 && RE_DATE_LINE.test(t.replace(/[.,;]$/, '').trim());
}

const RE_FURNITURE =
  /^(?:distr\.?\s*:.*|original\s*:.*|limited|restricted|general assembly|security council|economic and social council|human rights council|united nations|nations unies|naciones unidas|организация объединенных наций|الأمم المتحدة|联合国|agenda item \d.*|item \d+ of the provisional agenda.*|advance unedited version)$/iu;

const GENERIC = new Set([
  'foreword',
  'contents',
  'content',
  'table of contents',
  'toc',
  'introduction',
  'preface',
  'summary',
  'executive summary',
  'abstract',
  'acknowledgements',
  'acknowledgments',
  'abbreviations',
  'acronyms',
  'abbreviations and acronyms',
  'overview',
  'background',
  'note',
  'notes',
  'avant-propos',
  'préface',
  'sommaire',
  'résumé',
  'table des matières',
  'índice',
  'indice',
  'introducción',
  'prólogo',
  'prefacio',
  'resumen',
  'contenido',
  'введение',
  'предисловие',
  'содержание',
  'оглавление',
  'резюме',
  'مقدمة',
  'تمهيد',
  'المحتويات',
  'الفهرس',
  'ملخص',
  '目录',
  '目錄',
  '简介',
  '前言',
  '序言',
  '引言',
  '导言',
  '摘要',
  '概要',
]);

const RE_CONNECTOR_END =
  /(?:\s(?:the|of|and|to|in|for|a|an|with|on|by|or|its|their|from|at|as|de|la|le|les|des|du|et|en|el|los|las|y|и|в|на|с)|[-–—,&])$/i;

function norm(t: string): string {
  return t.replace(/[\s\u3000]+/g, ' ').trim();
}

function isGeneric(t: string): boolean {
  return GENERIC.has(
    norm(t)
      .replace(/[.:：。]+$/, '')
      .replace(/\s+/g, ' ')
      .replace(/^(\p{Script=Han}) (?=\p{Script=Han})/u, '$1')
      .toLowerCase(),
  );
}

const NAME_TOKEN =
  /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}\.(?:-?\p{Lu}\.)?|de|da|del|van|von|der|den|bin|al|el|le|la|du|dos)$/u;
const RE_HONORIFIC = /^(?:mr|ms|mrs|dr|prof|sir|dame|h\.\s?e\.|ambassador|judge)\.?$/i;

/** A person's name: "By Alex Morgan", "Dr. Alex Morgan", "A. Morgan", "Alex Morgan" before a date. */
function isName(t: string, next: string | undefined): boolean {
  let s = norm(t);
  const by = /^by\s+/i.exec(s);
  if (by) s = s.slice(by[0].length);
  const tokens = s.replace(/,$/, '').split(' ');
  let honorific = false;
  if (tokens.length > 1 && RE_HONORIFIC.test(tokens[0]!)) {
    tokens.shift();
    honorific = true;
  }
  if (tokens.length < 1 || tokens.length > 5 || !tokens.every((w) => NAME_TOKEN.test(w)))
    return false;
  const capitalised = tokens.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (capitalised < (by || honorific ? 1 : 2)) return false;
  const initial = tokens.some((w) => /^\p{Lu}\.$/u.test(w));
  if (by || honorific || initial) return true;
  return tokens.length <= 3 && next !== undefined && isDate(next);
}

/** Cover lines that are not the title: a symbol, a code, a date, furniture, a name. */
function isCoverLine(t: string, next: string | undefined): boolean {
  const s = norm(t);
  if (!s) return true;
  if (!/\s/.test(s) && (s.includes('/') || (/\d/.test(s) && !/\p{Ll}/u.test(s)))) return true;
  if (/^\d+$/.test(s)) return true;
  return isDate(s) || RE_FURNITURE.test(s) || isName(s, next);
}

/** Reads like a title: short, one phrase, not prose. */
function titleish(t: string): boolean {
  const s = norm(t);
  const cjk = /\p{Script=Han}/u.test(s);
  if (s.length < 2 || s.length > (cjk ? 100 : 200)) return false;
  if (/^(?:https?:|www\.|<)/i.test(s) || /^\p{Ll}/u.test(s)) return false;
  if (/[;,；，、]$/.test(s)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(s) || /[。！？]./.test(s)) return false;
  if (/[.。]$/.test(s) && s.split(' ').length > 10) return false;
  return true;
}

interface Entry {
  text: string;
  /** Index of the block it comes from. */
  block: number;
}

/** The document's title, or null (see the module comment). */
export function findTitle(sources: TitleSource[]): string | null {
  const front: TitleSource[] = [];
  for (const b of sources.slice(0, 12)) {
    if (b.number !== null && (b.kind === 'heading' || b.kind === 'paragraph')) break;
    front.push(b);
  }
  const usable = (t: string, next?: string): boolean =>
    !isCoverLine(t, next) && !isGeneric(t) && titleish(t);

  const md = front.filter((b) => b.kind === 'heading' && b.markdownHeading && usable(b.text));
  const mdTitle = md.find((b) => b.level === 1) ?? md[0];
  if (mdTitle) return norm(mdTitle.text);

  const entries: Entry[] = [];
  front.forEach((b, k) => {
    if (b.kind === 'heading') entries.push({ text: norm(b.text), block: k });
    else if (b.kind === 'paragraph' && b.parentKey === null) {
      const lines = b.lines.map(norm).filter((l) => l !== '');
      const max = /\p{Script=Han}/u.test(b.text) ? 30 : 60;
      // short lines, or lines that never end a sentence: cover lines, read one by one
      const cover =
        lines.every((l) => l.length <= max) ||
        (b.text.length <= 200 && !/[.!?。！？;；]/.test(b.text));
      if (lines.length > 1 && cover) {
        for (const l of lines) entries.push({ text: l, block: k });
      } else if (b.text.length <= 150) entries.push({ text: norm(b.text), block: k });
    }
  });
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    if (!usable(e.text, entries[k + 1]?.text)) continue;
    let title = e.text;
    let last = e;
    for (let j = k + 1; j < entries.length; j++) {
      const n = entries[j]!;
      if (isCoverLine(n.text, entries[j + 1]?.text) || isGeneric(n.text) || n.text.length > 80)
        break;
      const same = n.block === last.block;
      const joins =
        (/[:：]$/.test(last.text) && /^[\p{Lu}\p{Lt}\p{Lo}\d"“‘«(]/u.test(n.text)) ||
        (same &&
          (RE_CONNECTOR_END.test(last.text) ||
            /^\p{Ll}/u.test(n.text) ||
            (/^\p{Lu}[\p{L}'’-]*$/u.test(n.text) && !/[.!?;:,]$/.test(last.text))));
      if (!joins || title.length + n.text.length > 200) break;
      title =
        last.text.endsWith('-') && /^\p{Ll}/u.test(n.text) ? title + n.text : `${title} ${n.text}`;
      last = n;
    }
    title = title.replace(/\s*[:：]$/, '');
    if (titleish(title)) return title;
  }
  return null;
}
