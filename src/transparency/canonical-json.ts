/** Canonical JSON: the same value always gives the same bytes, whatever the order of its keys. */

/**
 * The JSON of a value with keys sorted at every level and no whitespace (undefined is null).
 * Keys sort by UTF-16 code units (Array#sort's default order for strings). Every receipt hashes
 * one, so it is written as plain loops.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(object[key])}`;
  }
  return `${out}}`;
}
