/**
 * A small guess at the language of a text among the six UN languages, from its script and, for
 * Latin script, from common function words. Good enough to pre-fill a choice the user can change.
 */

/** The six official UN languages as BCP 47 tags. */
export const unLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** One of the six UN languages. */
export type UnLanguage = (typeof unLanguages)[number];

const functionWords: Record<'en' | 'fr' | 'es', Set<string>> = {
  en: new Set([
    'the',
    'of',
    'and',
    'to',
    'in',
    'is',
    'that',
    'for',
    'on',
    'with',
    'as',
    'by',
    'this',
    'are',
    'be',
  ]),
  fr: new Set([
    'le',
    'la',
    'les',
    'des',
    'et',
    'du',
    'dans',
    'est',
    'une',
    'pour',
    'que',
    'qui',
    'sur',
    'par',
    'au',
  ]),
  es: new Set([
    'el',
    'los',
    'las',
    'del',
    'y',
    'en',
    'que',
    'por',
    'una',
    'para',
    'con',
    'se',
    'es',
    'al',
    'lo',
  ]),
};

/** The most likely UN language of the text, or undefined when it cannot tell. */
export function detectLanguage(text: string): UnLanguage | undefined {
  const sample = text.slice(0, 20000);
  let han = 0;
  let arabic = 0;
  let cyrillic = 0;
  let latin = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    // ASCII letters are by far the commonest: counted without a regular expression.
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin++;
    } else if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  // Han characters each carry a word's worth of meaning, so weigh them up against letters.
  const scores: [UnLanguage | 'latin', number][] = [
    ['zh', han * 3],
    ['ar', arabic],
    ['ru', cyrillic],
    ['latin', latin],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, score] = scores[0]!;
  if (score === 0) return undefined;
  if (best !== 'latin') return best;
  const counts = { en: 0, fr: 0, es: 0 };
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const lang of ['en', 'fr', 'es'] as const)
      if (functionWords[lang].has(word)) counts[lang]++;
  }
  const ranked = (['en', 'fr', 'es'] as const).toSorted((a, b) => counts[b] - counts[a]);
  return counts[ranked[0]!] === 0 ? undefined : ranked[0];
}
