/** How a piece of text begins and ends: sentence ends, CJK characters, joining wrapped lines, titles. */
import { stripSentinels } from './parse-state.ts';

const RE_CJK_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Contains a Han, Hiragana or Katakana character. */
export const RE_HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Ends with a word that cannot end a title (an article, a preposition, a conjunction). */
export const STOP_END =
  /\s(?:the|of|and|to|in|for|a|an|with|on|by|or|its|their|that|from|at|as|is|are|be|this|which|de|la|le|les|des|du|et|en|el|los|las|y|и|в|на|с)$/i;

/** Whether the character is CJK (including CJK punctuation and full-width forms). */
export function isCjkChar(c: string | undefined): boolean {
  return !!c && RE_CJK_CHAR.test(c);
}

/** Ends like a sentence, a clause or a list lead-in (. ! ? : ;), ignoring markers glued after it. */
export function endsTerminal(text: string): boolean {
  const t = stripSentinels(text)
    .trimEnd()
    .replace(/(?<=[.!?。！？”’"):;؛؟»])\d{1,3}$/, '');
  // French puts a space before `;`, `:` and inside « »: "menaces ;", "sécurité. »"
  return /[.!?。！？:：;；…؛؟](?:\s?["'”’»“)\]」』）])*$/.test(t);
}

/** Ends a sentence (not a clause), or ends with a URL. */
export function endsSentence(text: string): boolean {
  const t = stripSentinels(text).trimEnd();
  return (
    /[.!?。！？؟](?:\s?["'”’»“)\]」』）])*$/.test(t) ||
    /(?:https?:\/\/|www\.)\S+$/.test(t) ||
    /<https?:[^>]*>$/.test(t)
  );
}

/** Starts with a lower-case letter. */
export function startsLower(t: string): boolean {
  return /^\p{Ll}/u.test(stripSentinels(t));
}

/** Starts as body text may: a capital, a letter of a caseless script, a quote or a bracket. */
export function startsBodyish(t: string): boolean {
  return /^[\p{Lu}\p{Lt}\p{Lo}"“‘'«([]/u.test(stripSentinels(t));
}

/** A heading or TOC entry title reduced for comparison: no section number, spacing or case. */
export function normTitle(s: string): string {
  return stripSentinels(s)
    .replace(
      /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.|[一二三四五六七八九十]+、|ANNEX\s+\d+\s*[:.–-]?)\s*(?=\S)/i,
      (m) => (/annex/i.test(m) ? m : ''),
    )
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[.:;,。：]+$/, '')
    .trim()
    .toLowerCase();
}

/** A text without its sentinels and trailing space: how it ends. */
export function textEnd(text: string): string {
  return stripSentinels(text).trimEnd();
}

/**
 * What joins a wrapped line `b` to a text that ends with `end` (the whole text or only its last lines):
 * `b` itself, a space and `b`, or nothing for an empty line. Reading only the end keeps joining
 * the lines of a long block linear in its length.
 */
export function joint(end: string, b: string): string {
  if (!end) return b;
  if (!b) return '';
  const aa = textEnd(end);
  const last = aa.replace(/(?<=[\p{Script=Han}。，；：])\d{1,3}$/u, '').slice(-1);
  const first = b.trimStart()[0];
  if (isCjkChar(last) && isCjkChar(first)) return b.trimStart();
  if (/\p{L}-$/u.test(aa) && first && /\p{Ll}/u.test(first)) return b.trimStart();
  return ' ' + b;
}
