/** Number systems met in paragraph and section labels: digits of other scripts, roman, letters, ordinals. */

/** Decimal digits as printed: ASCII, Arabic-Indic (١٢), Eastern Arabic-Indic (۱۲) and full-width (１２). */
export const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\uFF10-\\uFF19]';

/** Any printed digits to ASCII digits ("١٢" → "12"). */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (c) => {
    const code = c.charCodeAt(0);
    const base = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - base);
  });
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Superscript digits to ASCII digits. */
export function foldSuperscripts(s: string): string {
  return s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPERSCRIPTS.indexOf(c)));
}

/** The value of a roman numeral, either case ("xiv" → 14). */
export function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]!.toLowerCase()] ?? 0;
    const next = v[s[i + 1]?.toLowerCase() ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** The letter after `l` ("b" → "c"). */
export function nextLetter(l: string): string {
  return String.fromCharCode(l.charCodeAt(0) + 1);
}

const AR_ORDINALS = ['اول', 'ثان', 'ثالث', 'رابع', 'خامس', 'سادس', 'سابع', 'ثامن', 'تاسع', 'عاشر'];
/** The position of an Arabic ordinal ("ثانياً" → 2, "حادي عشر" → 11), or 0. */
export function arabicOrdinal(word: string): number {
  const w = word
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي');
  const one = (x: string): number => {
    const base = x.replace(/(?:يا|ا)$/, '').replace(/ي$/, '');
    const k = AR_ORDINALS.indexOf(base);
    return k >= 0 ? k + 1 : 0;
  };
  const m = /^(\S+)\s+عشر$/.exec(w);
  if (m) {
    if (/^حادي?$/.test(m[1]!)) return 11;
    const k = one(m[1]!);
    return k >= 2 && k <= 9 ? 10 + k : 0;
  }
  if (/\s/.test(w)) return 0;
  // one word: "اولا", "ثانيا" with the accusative alif (tanween already dropped), or "اول" without
  return one(w);
}

const CJK_NUMERALS = '一二三四五六七八九';
/** The value of a Chinese numeral up to 99 ("十二" → 12), or 0. */
export function cjkValue(s: string): number {
  const d = (c: string | undefined): number => (c ? CJK_NUMERALS.indexOf(c) + 1 : 0);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[2] && m[1] && m[3])) return 0;
  if (!m[2]) return d(m[1] ?? m[3]);
  return (m[1] ? d(m[1]) : 1) * 10 + d(m[3]);
}
