/** Patterns of what a line starts with or consists of: headings, numbers, labels, bullets, tables, page numbers. */
import { DIGIT } from './numbering.ts';

/** A page number line: `- 3 -`, `| 4`, `Page 2 of 9`, `第 3 页`. */
export const RE_PAGE_NUMBER =
  /^(?:\|\s*\d{1,4}|\d{1,4}\s*\||[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.|pág\.|página|стр\.|страница|صفحة)\s*\d{1,4}(?:\s*(?:of|de|из|sur|\/|من)\s*\d{1,4})?|\d{1,4}\s*\/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?)$/i;
/** A Markdown ATX heading: hashes, title, optional closing hashes. */
export const RE_MD_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
/** A thematic break: `***`, `---`, `___`. */
export const RE_SEPARATOR = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
/** A pipe table row. */
export const RE_PIPE_ROW = /^\|.*\|$/;
/** The alignment row under a pipe table's header. */
export const RE_PIPE_ALIGN = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
/** A paragraph number: `12.`, `12．` (full width), `١٢.`; after `．` or before a CJK character no space is needed. */
export const RE_NUM = new RegExp(
  `^(${DIGIT}{1,4})([.．]?)(?:(?:\\s+|(?<=．)|(?<=\\.)(?=\\p{Script=Han}))(\\S.*))?$`,
  'u',
);
/** Arabic UN style `1 - يلاحظ…`, `١- …`: a number and a dash before Arabic text. */
export const RE_AR_NUM = new RegExp(`^(${DIGIT}{1,4})(\\s*[-–]) *(\\p{Script=Arabic}.*)$`, 'u');
/** A multi-level section number: `2.1 Scope`. */
export const RE_SECTION_MULTI = /^(\d{1,2}(?:\.\d{1,2})+)(\.?)\s+(.*)$/;
/** A roman section number: `IV. Findings`. */
export const RE_ROMAN_HEAD = /^([IVXLC]{1,6})(\.)\s*(.*)$/;
/** A capital letter section: `B. Norms`. */
export const RE_LETTER_HEAD = /^([A-Z])(\.)\s+(.*)$/;
/** A Chinese section heading: `二、背景`. */
export const RE_CJK_HEAD = /^([一二三四五六七八九十百]+)(、)\s*(.*)$/;
/** A Chinese second-level label: `（二）`. */
export const RE_CJK_SUB = /^([（(])([一二三四五六七八九十]+)([）)])\s*(.*)$/;
/**
 * Sub-paragraph labels: `(a)`, `(ii)`, `（a）` (full-width parentheses), and a letter with a closing
 * parenthesis only, as in French, Spanish and Russian UN texts: `a)`, `б)`.
 */
export const RE_SUB =
  /^(?:([(（])([a-z]{1,2}|[ivxlc]{1,6}|[а-яё])([)）])|([a-z]|[ivx]{2,5}|[а-яё])([)）]))(?:(?:\s+|(?<=）))(.*))?$/;
/** Arabic letter sub-paragraphs in abjad order: `(أ)`, `(ب)`, `(هـ)`. */
const AR_ABJAD = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن'];
/** An Arabic letter sub-paragraph label and its text; `)ب(` is `(ب)` mirrored by right-to-left extraction. */
export const RE_AR_SUB = new RegExp(
  `^(\\(|\\)(?=\\S+\\())(${[...AR_ABJAD, 'ه'].join('|')})(\\)|\\()\\s*(.*)$`,
  'u',
);
/** Arabic ordinal section headings: `أولاً - مقدمة`, `ثانيا– …`, `حادي عشر - …`. */
export const RE_AR_HEAD =
  /^((?:[\p{Script=Arabic}\u064B-\u0652]+\s+)?[\p{Script=Arabic}\u064B-\u0652]+)(\s*[-–—]\s*)(\p{Script=Arabic}.*)$/u;
/** A bulleted list item. */
export const RE_BULLET = /^([-*•–·▪◦●○■□➢►✓])\s+(.*)$/;
/** A numbered list item: `3) …`. */
export const RE_NUM_LIST = /^(\d{1,3})(\))\s+(.*)$/;

/** An annex or appendix heading, in the six UN languages. */
export const RE_ANNEX =
  /^(?:annex|annexe|anexo|appendix|приложение|附件|附录|المرفق)(?:\s|$|[\d:.–-])/iu;

/**
 * A line ending with a word that a number follows ("п.", "No.", "paragraph", "art."): a number at
 * the start of the next line continues it ("п. / 12 доклада") and is neither a paragraph nor a note.
 */
export const RE_ENDS_WITH_REFERENCE =
  /(?:(?:^|[\s(])(?:п|пп|ст|гл|см|No|no|Nos|para|paras|art|arts|p|pp|párr|cf)\.|(?:^|[\s(])(?:paragraphs?|articles?|sections?|chapter|item|rule|resolutions?|decisions?|paragraphes?|párrafos?|artículos?|résolutions?|décisions?|resolución|decisión|пункт|пункты|пунктах|статья|статьи|резолюция|резолюции|решение|المادة|الفقرة|الفقرات)|第)$/u;
