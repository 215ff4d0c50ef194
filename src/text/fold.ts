/** Folding text for lookups: case, accents and spacing do not matter. */

/** Lower case, accents removed, runs of whitespace and punctuation made one space. */
export function foldKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}
