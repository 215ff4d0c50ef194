/**
 * The one check of text at every door (API bodies and parameters, forms, the submission intake,
 * CLI arguments, every character of an imported file): text that the two databases, the feeds
 * or the exports cannot carry is refused there, with the field named, before anything reads it.
 *
 * The forbidden family is what XML 1.0 excludes from its characters (its `Char` production):
 * - C0 controls other than tab, line feed and carriage return: PostgreSQL refuses NUL in text
 *   (SQLite stores it, so the two engines would differ), and none of them may appear in the Atom
 *   feeds, DOCX exports or Akoma Ntoso that carry this text;
 * - lone surrogates (U+D800–U+DFFF not in a pair): they have no UTF-8 form, so PostgreSQL
 *   refuses them and an encoder silently replaces them, and the receipt's SHA-256 would then be
 *   of other bytes than those stored;
 * - the noncharacters U+FFFE and U+FFFF: excluded from XML, and U+FFFE is a byte-swapped BOM.
 * C1 controls (U+0080–U+009F) and the other noncharacters are allowed: both databases and XML
 * 1.0 accept them, and text mis-decoded from Windows-1252 holds them without being hostile.
 */
import { PlenumError } from '../errors.ts';

// Without the `u` flag the expression sees UTF-16 code units, so it finds lone surrogates.
// Built from a string: finding control characters is this expression's purpose.
const forbidden = new RegExp(
  [
    '[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

/** Where a text holds its first forbidden character, or undefined when it holds none. */
export function findForbiddenCharacter(
  text: string,
): { index: number; codePoint: number; line: number } | undefined {
  const match = forbidden.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
  return { index: match.index, codePoint: match[0].charCodeAt(0), line };
}

/** The name of a field inside another: `anchors.0.exact`. */
function within(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}

/** The name of a code point as a reader looks it up: `U+0000`. */
function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Throws TEXT_FORBIDDEN_CHARACTER naming the field (a dotted path into objects and arrays) if any
 * string in the value, or any object key, holds a forbidden character; the value is not changed.
 */
export function refuseForbiddenText(value: unknown, field: string): void {
  if (typeof value === 'string') {
    const found = findForbiddenCharacter(value);
    if (!found) return;
    const where = value.includes('\n')
      ? `line ${found.line}, character ${found.index + 1}`
      : `character ${found.index + 1}`;
    throw new PlenumError(
      'TEXT_FORBIDDEN_CHARACTER',
      `${field}: ${codePointName(found.codePoint)} at ${where}.`,
    );
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => refuseForbiddenText(item, within(field, String(i))));
    return;
  }
  if (value !== null && typeof value === 'object') {
    if (value instanceof Blob) {
      // A file's bytes are checked by what reads them (the importer, the attachment check).
      if (value instanceof File) refuseForbiddenText(value.name, `${field} (file name)`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      refuseForbiddenText(key, field ? `${field} (a name)` : 'a field name');
      refuseForbiddenText(item, within(field, key));
    }
  }
}
