/**
 * The registry's comparisons beyond the matrix: two States side by side (where their measures
 * differ, and where they conflict by the rules below), the measures entering into force per year
 * and element, and what the world map colours each State by.
 */
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import { countries, findCountry } from '../organisations/countries.ts';
import { listFictionalStates } from '../organisations/fictional-states.service.ts';
import { zodError } from '../validation.ts';
import { z } from 'zod';
import { measureFilterSchema, type Measure, type RegistryTerm } from './registry.schema.ts';
import {
  bindingStatuses,
  getMatrix,
  getTerms,
  listMeasures,
  parseAt,
  type Matrix,
} from './registry.service.ts';
import { countInForceByYear } from './registry.store.ts';

/**
 * The rules by which two States' measures conflict: obligations an operator serving both cannot
 * meet at once. Only binding measures (adopted, in force, amended) count, on the same element.
 * - localisation-reach: one State requires data on the element to stay within its territory
 *   (data localisation) while the other states that its measures reach actors or data outside its
 *   own (the kind "stated extraterritorial reach", or a measure whose reach is "stated");
 * - localisation-both: both require the same data to stay within their own territory;
 * - national-root: either State obliges resolvers to use a national or alternative root, where the
 *   other relies on the IANA root (or on a root of its own): the same name may resolve differently.
 */
export const conflictRules = ['localisation-reach', 'localisation-both', 'national-root'] as const;

/** The name of a conflict rule. */
export type ConflictRule = (typeof conflictRules)[number];

/** A conflict found between two States' measures on an element. */
export interface Conflict {
  rule: ConflictRule;
  element: string;
  /** The measures of each State that the rule rests on. */
  a: Measure[];
  b: Measure[];
}

/** One element of the pair view: each State's measures, the kinds only one has, the conflicts. */
export interface PairElement {
  element: string;
  a: Measure[];
  b: Measure[];
  onlyA: string[];
  onlyB: string[];
  conflicts: Conflict[];
}

const binding = (m: Measure) => (bindingStatuses as readonly string[]).includes(m.status);
const localises = (m: Measure) => binding(m) && m.kinds.includes('data-localisation');
const reaches = (m: Measure) =>
  binding(m) && (m.kinds.includes('extraterritorial-reach') || m.reach === 'stated');
const nationalRoot = (m: Measure) => binding(m) && m.kinds.includes('national-root');

/** The conflicts between two States' measures on one element, by the rules above. */
export function findConflicts(element: string, a: Measure[], b: Measure[]): Conflict[] {
  const found: Conflict[] = [];
  const la = a.filter(localises);
  const lb = b.filter(localises);
  const ra = a.filter(reaches);
  const rb = b.filter(reaches);
  if ((la.length && rb.length) || (lb.length && ra.length))
    found.push({
      rule: 'localisation-reach',
      element,
      a: [...la, ...(lb.length ? ra : [])],
      b: [...lb, ...(la.length ? rb : [])],
    });
  if (la.length && lb.length) found.push({ rule: 'localisation-both', element, a: la, b: lb });
  const na = a.filter(nationalRoot);
  const nb = b.filter(nationalRoot);
  if (na.length || nb.length) found.push({ rule: 'national-root', element, a: na, b: nb });
  return found;
}

/** The pair view's query: two States (ISO 3166-1 alpha-3) and an optional instant. */
export const pairSchema = z.object({
  a: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
    .transform((s) => s.toUpperCase()),
  b: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
    .transform((s) => s.toUpperCase()),
  at: z.string().max(40).optional(),
});

/** Two States' practice side by side at `at` (now when absent), element by element. */
export async function getCountryPair(
  db: Db,
  input: unknown,
): Promise<{
  a: string;
  b: string;
  at: string | undefined;
  elements: PairElement[];
  terms: RegistryTerm[];
}> {
  const parsed = pairSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { a, b } = parsed.data;
  for (const [field, code] of [
    ['a', a],
    ['b', b],
  ] as const)
    if (!findCountry(code) || findCountry(code)!.observer)
      throw new PlenumError('INVALID_REQUEST', `${field}: "${code}" is not a UN member State.`);
  if (a === b) throw new PlenumError('INVALID_REQUEST', 'b: choose a State other than the first.');
  const at = parseAt(parsed.data.at);
  const [terms, ma, mb] = await Promise.all([
    getTerms(db),
    listMeasures(db, { country: a, at: parsed.data.at }),
    listMeasures(db, { country: b, at: parsed.data.at }),
  ]);
  const elements = terms
    .filter((t) => t.type === 'element')
    .map((t) => {
      const ea = ma.filter((m) => m.elements.includes(t.slug) && m.status !== 'repealed');
      const eb = mb.filter((m) => m.elements.includes(t.slug) && m.status !== 'repealed');
      const ka = new Set(ea.flatMap((m) => m.kinds));
      const kb = new Set(eb.flatMap((m) => m.kinds));
      return {
        element: t.slug,
        a: ea,
        b: eb,
        onlyA: [...ka].filter((k) => !kb.has(k)),
        onlyB: [...kb].filter((k) => !ka.has(k)),
        conflicts: findConflicts(t.slug, ea, eb),
      };
    });
  return { a, b, at, elements, terms };
}

/** Measures entering into force per year and element, as they stood at `at`. */
export interface Timeline {
  elements: RegistryTerm[];
  years: { year: string; counts: Record<string, number>; total: number }[];
  at: string | undefined;
}

/**
 * The timeline: for each year, the standing measures (matching the filters) whose date of entry
 * into force falls in it, per element (a measure on two elements counts in both columns, once in
 * the total of neither: the total is per element summed, said on the page).
 */
export async function getTimeline(db: Db, input: unknown): Promise<Timeline> {
  const parsed = measureFilterSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const filter = parsed.data;
  const at = parseAt(filter.at);
  let selected: string[] | undefined;
  if (filter.region)
    selected = countries.filter((c) => c.group === filter.region).map((c) => c.iso3);
  const [terms, rows] = await Promise.all([
    getTerms(db),
    countInForceByYear(db, {
      kind: filter.kind,
      countries: selected,
      status: filter.status,
      voice: filter.voice,
      at,
    }),
  ]);
  const elements = terms.filter((t) => t.type === 'element');
  const byYear = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = byYear.get(r.year) ?? {};
    counts[r.element] = (counts[r.element] ?? 0) + r.measures;
    byYear.set(r.year, counts);
  }
  const years = [...byYear]
    .toSorted(([x], [y]) => x.localeCompare(y))
    .map(([year, counts]) => ({
      year,
      counts,
      total: Object.values(counts).reduce((s, n) => s + n, 0),
    }));
  return { elements, years, at };
}

/** What the map colours each State by: its own measures on the element, or its region's indicator. */
export const mapShows = ['states', 'indicator'] as const;

/** How a State stands on an element, for the map's colours (and the table behind it). */
export type MapCategory = 'fragmenting' | 'measures' | 'none';

/** The map's data: the matrix it is drawn from, the element, and each State's category. */
export interface MapData {
  element: RegistryTerm;
  show: (typeof mapShows)[number];
  matrix: Matrix;
  categories: Map<string, MapCategory>;
  /** The fictional States (none outside the demo), each with its category on the element. */
  fictional: { iso3: string; category: MapCategory }[];
}

/** The map's query: the matrix's filters, and what it colours by. */
export const mapSchema = measureFilterSchema.extend({ show: z.enum(mapShows).optional() });

/**
 * The map by element: each member State is "fragmenting" (a binding measure of a fragmenting kind
 * on the element: an input of the indicator), "measures" (a measure on it, none of those), or
 * "none"; by indicator, each State takes its regional group's share.
 */
export async function getMap(db: Db, input: unknown): Promise<MapData> {
  const parsed = mapSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { show = 'states', ...filter } = parsed.data;
  const matrix = await getMatrix(db, { ...filter, element: undefined });
  const element = filter.element
    ? matrix.elements.find((e) => e.slug === filter.element)
    : matrix.elements[0];
  if (!element)
    throw new PlenumError(
      'INVALID_REQUEST',
      `element: choose one of ${matrix.elements.map((e) => e.slug).join(', ')}.`,
    );
  const categories = new Map<string, MapCategory>();
  for (const f of matrix.fragmentation.filter((f) => f.element === element.slug)) {
    for (const c of f.withMeasures) categories.set(c, 'measures');
    for (const c of f.fragmenting) categories.set(c, 'fragmenting');
  }
  // Fictional States (the demo's) have no shape on the map and no place in the indicator: they
  // are drawn apart, beside it, by the same rule as a member State's category.
  const fictional = (await listFictionalStates(db))
    .map((s) => s.iso3)
    .filter((iso3) => !filter.region && (!filter.country || filter.country === iso3))
    .toSorted()
    .map((iso3): { iso3: string; category: MapCategory } => {
      const cell = matrix.rows.find((r) => r.country === iso3)?.cells[element.slug];
      const category: MapCategory = matrix.fragmentingAt.has(`${iso3} ${element.slug}`)
        ? 'fragmenting'
        : cell && cell.total - (cell.byStatus.repealed ?? 0) > 0
          ? 'measures'
          : 'none';
      return { iso3, category };
    });
  return { element, show, matrix, categories, fictional };
}
