/** Fragment ids for blocks: `para 38` → `para-38`, `para 38(b)` → `para-38-b`, `fn 12` → `fn-12`. */

/** The fragment id of a block address; unique ids are made by `anchorsFor`. */
export function anchorOf(address: string): string {
  const slug = address
    .normalize('NFKC')
    .replace(/§/g, ' sec ')
    .replace(/¶/g, ' p ')
    .replace(/•/g, ' li ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  // "sec-3-p-2" reads better as "sec-3-p2"; "p-2" as "p2".
  const tidy = slug.replace(/(^|-)(p|li)-(\d+)/g, '$1$2$3');
  return tidy === '' ? 'block' : /^\p{L}/u.test(tidy) ? tidy : `b-${tidy}`;
}

/** A unique fragment id for every block, in order; later duplicates get `-2`, `-3`, … */
export function anchorsFor(addresses: string[]): string[] {
  const seen = new Map<string, number>();
  return addresses.map((address) => {
    const base = anchorOf(address);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
