/** The registry's SQL: terms, measures and their versions (never updated in place). */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type {
  RegistryCellCountTable,
  RegistryMeasureTable,
  RegistryMeasureVersionTable,
  RegistryTermTable,
  RegistryVersionCellTable,
} from './registry.table.ts';
import { measureStatuses, type Measure, type MeasureStatus } from './registry.schema.ts';

/** Every term an administrator has edited or added. */
export async function listStoredTerms(db: Db): Promise<RegistryTermTable[]> {
  return db.selectFrom('registry_terms').selectAll().orderBy('slug').execute();
}

/** Writes an administrator's version of a term (replacing an earlier one). */
export async function upsertTerm(db: Db, row: RegistryTermTable): Promise<void> {
  await db
    .insertInto('registry_terms')
    .values(row)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        type: row.type,
        position: row.position,
        concept_slug: row.concept_slug,
        texts: row.texts,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The identity row of a measure. */
export async function findMeasureRow(
  db: Db,
  id: string,
): Promise<RegistryMeasureTable | undefined> {
  return db.selectFrom('registry_measures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds a new measure with its first version. */
export async function insertMeasure(
  db: Db,
  row: RegistryMeasureTable,
  version: RegistryMeasureVersionTable,
): Promise<void> {
  await db.insertInto('registry_measures').values(row).execute();
  await db.insertInto('registry_measure_versions').values(version).execute();
  await addStanding(db, version);
}

/**
 * The cells of a version: one row per element and kind, and one per element with kind '' (the
 * version counted once whatever its kinds), standing from its recording until `untilAt`.
 */
export function cellsOf(
  v: RegistryMeasureVersionTable,
  untilAt: string | null,
): RegistryVersionCellTable[] {
  const elements = JSON.parse(v.elements) as string[];
  const kinds = ['', ...(JSON.parse(v.kinds) as string[])];
  const inForce = (JSON.parse(v.status_dates) as Record<string, string>).in_force ?? null;
  return elements.flatMap((element) =>
    kinds.map((kind) => ({
      measure_id: v.measure_id,
      version: v.version,
      element,
      kind,
      country: v.country,
      status: v.status,
      voice: v.voice,
      in_force: inForce,
      from_at: v.recorded_at,
      until_at: untilAt,
    })),
  );
}

/** A row of registry_cell_counts with every status at 0. */
function emptyCount(c: RegistryVersionCellTable): RegistryCellCountTable {
  return {
    kind: c.kind,
    country: c.country,
    element: c.element,
    voice: c.voice,
    planned: 0,
    draft: 0,
    adopted: 0,
    in_force: 0,
    amended: 0,
    repealed: 0,
  };
}

/** The status column of a cell (statuses are checked at the door; anything else is a bug). */
function statusColumn(status: string): MeasureStatus {
  if (!(measureStatuses as readonly string[]).includes(status))
    throw new Error(`unknown status ${status}`);
  return status as MeasureStatus;
}

/** Adds `n` (1 or -1) to the counts of the cells given (current versions only). */
async function count(db: Db, cells: RegistryVersionCellTable[], n: 1 | -1): Promise<void> {
  if (cells.length === 0) return;
  // The cells of one version share country, status and voice: one statement covers them all.
  const first = cells[0]!;
  const column = statusColumn(first.status);
  if (n === 1) {
    await db
      .insertInto('registry_cell_counts')
      .values(cells.map((c) => ({ ...emptyCount(c), [column]: 1 })))
      .onConflict((oc) =>
        oc
          .columns(['kind', 'country', 'element', 'voice'])
          .doUpdateSet({ [column]: sql<number>`${sql.ref(`registry_cell_counts.${column}`)} + 1` }),
      )
      .execute();
    return;
  }
  await db
    .updateTable('registry_cell_counts')
    .set({ [column]: sql<number>`${sql.ref(column)} - 1` })
    .where('country', '=', first.country)
    .where('voice', '=', first.voice)
    .where('element', 'in', [...new Set(cells.map((c) => c.element))])
    .where('kind', 'in', [...new Set(cells.map((c) => c.kind))])
    .execute();
}

/** Makes a new version the standing one: its cells, and its counts. */
async function addStanding(db: Db, version: RegistryMeasureVersionTable): Promise<void> {
  const cells = cellsOf(version, null);
  for (let i = 0; i < cells.length; i += 500)
    await db
      .insertInto('registry_version_cells')
      .values(cells.slice(i, i + 500))
      .execute();
  await count(db, cells, 1);
}

/**
 * Adds a version after `expected` (the latest the caller read); false when another writer added
 * one in between (the caller reports a conflict and nothing is written).
 */
export async function insertVersion(
  db: Db,
  version: RegistryMeasureVersionTable,
  expected: number,
): Promise<boolean> {
  const moved = await db
    .updateTable('registry_measures')
    .set({ latest_version: version.version })
    .where('id', '=', version.measure_id)
    .where('latest_version', '=', expected)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return false;
  const previous = await db
    .selectFrom('registry_measure_versions')
    .selectAll()
    .where('measure_id', '=', version.measure_id)
    .where('version', '=', expected)
    .executeTakeFirstOrThrow();
  const counted = await countedVoice(db, version.measure_id, expected);
  await db
    .updateTable('registry_version_cells')
    .set({ until_at: version.recorded_at })
    .where('measure_id', '=', version.measure_id)
    .where('version', '=', expected)
    .execute();
  // Its counts come off under the voice they are counted under now (re-judged, perhaps).
  await count(
    db,
    cellsOf({ ...previous, voice: counted ?? previous.voice }, version.recorded_at),
    -1,
  );
  await db.insertInto('registry_measure_versions').values(version).execute();
  await addStanding(db, version);
  return true;
}

/** The voice a version's cells are counted under now (undefined when it has none). */
async function countedVoice(
  db: Db,
  measureId: string,
  version: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('registry_version_cells')
    .select('voice')
    .where('measure_id', '=', measureId)
    .where('version', '=', version)
    .limit(1)
    .executeTakeFirst();
  return row?.voice;
}

/** A version an organisation stated as its State's own word, and the voice it is counted under now. */
export interface StatedVersionRow {
  measureId: string;
  version: number;
  country: string;
  organisationId: string;
  recordedBy: string;
  counted: string | undefined;
}

/** Every version recorded as its State's own word by this organisation (what a change of its verification re-judges). */
export async function listVersionsStatedBy(
  db: Db,
  organisationId: string,
): Promise<StatedVersionRow[]> {
  const rows = await db
    .selectFrom('registry_measure_versions as v')
    .select(['v.measure_id', 'v.version', 'v.country', 'v.recorded_by'])
    .select((eb) =>
      eb
        .selectFrom('registry_version_cells as c')
        .select('c.voice')
        .whereRef('c.measure_id', '=', 'v.measure_id')
        .whereRef('c.version', '=', 'v.version')
        .limit(1)
        .as('counted'),
    )
    .where('v.organisation_id', '=', organisationId)
    .where('v.voice', '=', 'state')
    .execute();
  return rows.map((r) => ({
    measureId: r.measure_id,
    version: r.version,
    country: r.country,
    organisationId,
    recordedBy: r.recorded_by,
    counted: r.counted ?? undefined,
  }));
}

/**
 * Counts a version under `voice` from now on: its cells say so, and while it stands its kept
 * counts move from the voice they were under to this one (the matrix, map and indicator read them).
 */
export async function recountVersionVoice(
  db: Db,
  measureId: string,
  version: number,
  voice: 'state' | 'reported',
): Promise<void> {
  const cells = await db
    .selectFrom('registry_version_cells')
    .selectAll()
    .where('measure_id', '=', measureId)
    .where('version', '=', version)
    .execute();
  if (cells.length === 0 || cells[0]!.voice === voice) return;
  const standing = cells[0]!.until_at === null;
  if (standing) await count(db, cells, -1);
  await db
    .updateTable('registry_version_cells')
    .set({ voice })
    .where('measure_id', '=', measureId)
    .where('version', '=', version)
    .execute();
  if (standing)
    await count(
      db,
      cells.map((c) => ({ ...c, voice })),
      1,
    );
}

/** Every version of a measure recorded at or before `at` (all when absent), oldest first. */
export async function listVersions(db: Db, id: string, at?: string): Promise<Measure[]> {
  const [rows, measure] = await Promise.all([
    db
      .selectFrom('registry_measure_versions')
      .selectAll()
      .where('measure_id', '=', id)
      .$if(at !== undefined, (q) => q.where('recorded_at', '<=', at!))
      .orderBy('version')
      .execute(),
    findMeasureRow(db, id),
  ]);
  return measure ? rows.map((r) => toMeasure(r, measure.latest_version)) : [];
}

/** The latest version of each of these measures (those that exist). */
export async function listLatestVersions(db: Db, ids: string[]): Promise<Measure[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('registry_measure_versions as v')
    .innerJoin('registry_measures as m', 'm.id', 'v.measure_id')
    .selectAll('v')
    .select('m.latest_version')
    .where('m.id', 'in', ids)
    .whereRef('v.version', '=', 'm.latest_version')
    .orderBy('v.measure_id')
    .execute();
  return rows.map((r) => toMeasure(r, r.latest_version));
}

/** The ids of the measures after `after`, in order, `limit` at most (a walk over all of them). */
export async function listMeasureIds(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('registry_measures')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Filters the store applies; the rest (region, element, kind) the service applies. */
export interface StoreFilter {
  countries?: string[];
  status?: string;
  voice?: string;
  /** The instant to read the registry at (ISO 8601, UTC); absent: now. */
  at?: string;
  /** Only the measures after this key (country, then measure id), for a page. */
  after?: readonly [country: string, measureId: string];
  /** At most this many. */
  limit?: number;
}

/** The version of each measure that stood at `at` (the latest when absent), by country then id. */
export async function listStandingVersions(db: Db, filter: StoreFilter): Promise<Measure[]> {
  let q = db
    .selectFrom('registry_measure_versions as v')
    .innerJoin('registry_measures as m', 'm.id', 'v.measure_id')
    .selectAll('v')
    .select('m.latest_version');
  if (filter.at === undefined) q = q.whereRef('v.version', '=', 'm.latest_version');
  else {
    const at = filter.at;
    q = q.where('v.recorded_at', '<=', at).where((eb) =>
      eb(
        'v.version',
        '=',
        eb
          .selectFrom('registry_measure_versions as w')
          .select((e) => e.fn.max('w.version').as('max'))
          .whereRef('w.measure_id', '=', 'v.measure_id')
          .where('w.recorded_at', '<=', at),
      ),
    );
  }
  if (filter.countries) {
    if (filter.countries.length === 0) return [];
    q = q.where('v.country', 'in', filter.countries);
  }
  if (filter.status) q = q.where('v.status', '=', filter.status);
  if (filter.voice) q = q.where('v.voice', '=', filter.voice);
  const after = filter.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('v.country', '>', after[0]),
        eb.and([eb('v.country', '=', after[0]), eb('v.measure_id', '>', after[1])]),
      ]),
    );
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  const rows = await q.orderBy('v.country').orderBy('v.measure_id').execute();
  return rows.map((r) => toMeasure(r, r.latest_version));
}

function toMeasure(r: RegistryMeasureVersionTable, latest: number): Measure {
  const blocks = JSON.parse(r.source_blocks) as { blockId: string; address: string }[];
  return {
    id: r.measure_id,
    country: r.country,
    version: r.version,
    latestVersion: latest,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    title: r.title,
    titleLanguage: r.title_language,
    titleTranslations: JSON.parse(r.title_translations) as Measure['titleTranslations'],
    instrument: r.instrument as Measure['instrument'],
    status: r.status as Measure['status'],
    statusDates: JSON.parse(r.status_dates) as Measure['statusDates'],
    elements: JSON.parse(r.elements) as string[],
    kinds: JSON.parse(r.kinds) as string[],
    reach: r.reach as Measure['reach'],
    source: r.source_document_id ? { documentId: r.source_document_id, blocks } : null,
    voice: r.voice as Measure['voice'],
    organisationId: r.organisation_id,
    note: r.note,
  };
}

/** What the counted reads filter on; `kind` absent counts each measure once whatever its kinds. */
export interface CountFilter {
  kind?: string;
  countries?: string[];
  status?: string;
  voice?: string;
  /** A past instant (ISO 8601, UTC): read the spans instead of the current counts. */
  at?: string;
}

/** Standing measures of a State on an element, by status, and how many of them others report. */
export interface CellCount {
  country: string;
  element: string;
  byStatus: Partial<Record<MeasureStatus, number>>;
  measures: number;
  reported: number;
}

/** The version cells that stood at `at`, through the covering span index (0030). */
function standingCells(db: Db, kind: string | string[], at: string) {
  return db
    .selectFrom('registry_version_cells')
    .$call((q) => (Array.isArray(kind) ? q.where('kind', 'in', kind) : q.where('kind', '=', kind)))
    .where('from_at', '<=', at)
    .where((eb) => eb.or([eb('until_at', 'is', null), eb('until_at', '>', at)]));
}

/**
 * The counts of the matrix, one per cell it draws: from the kept counts for now (a row per State,
 * element and voice, a column per status), from the version spans for a past instant (through
 * their covering index: only versions recorded by then and not yet replaced).
 */
export async function countCells(db: Db, f: CountFilter): Promise<CellCount[]> {
  if (f.countries?.length === 0) return [];
  const kind = f.kind ?? '';
  const statuses = f.status ? measureStatuses.filter((s) => s === f.status) : measureStatuses;
  if (f.at === undefined) {
    const rows = await db
      .selectFrom('registry_cell_counts')
      .select(['country', 'element', 'voice', ...statuses])
      .where('kind', '=', kind)
      .$if(f.countries !== undefined, (q) => q.where('country', 'in', f.countries!))
      .$if(f.voice !== undefined, (q) => q.where('voice', '=', f.voice!))
      .execute();
    // A cell's two voices are two rows, in whatever order the store returns them.
    const cells = new Map<string, CellCount>();
    for (const r of rows as unknown as (Record<MeasureStatus, number> & {
      country: string;
      element: string;
      voice: string;
    })[]) {
      let total = 0;
      for (const s of statuses) total += Number(r[s]);
      if (total === 0) continue;
      const key = `${r.country} ${r.element}`;
      let cell = cells.get(key);
      if (!cell)
        cells.set(
          key,
          (cell = {
            country: r.country,
            element: r.element,
            byStatus: {},
            measures: 0,
            reported: 0,
          }),
        );
      for (const s of statuses) {
        const n = Number(r[s]);
        if (n) cell.byStatus[s] = (cell.byStatus[s] ?? 0) + n;
      }
      cell.measures += total;
      if (r.voice === 'reported') cell.reported += total;
    }
    return [...cells.values()];
  }
  const rows = await standingCells(db, kind, f.at)
    .select(['country', 'element', 'status'])
    .select((eb) => [
      eb.fn.countAll<number>().as('measures'),
      eb.fn
        .sum<number>(eb.case().when('voice', '=', 'reported').then(1).else(0).end())
        .as('reported'),
    ])
    .$if(f.countries !== undefined, (q) => q.where('country', 'in', f.countries!))
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .$if(f.voice !== undefined, (q) => q.where('voice', '=', f.voice!))
    .groupBy(['country', 'element', 'status'])
    .execute();
  const cells = new Map<string, CellCount>();
  for (const r of rows) {
    const key = `${r.country} ${r.element}`;
    let cell = cells.get(key);
    if (!cell)
      cells.set(
        key,
        (cell = { country: r.country, element: r.element, byStatus: {}, measures: 0, reported: 0 }),
      );
    const status = r.status as MeasureStatus;
    cell.byStatus[status] = (cell.byStatus[status] ?? 0) + Number(r.measures);
    cell.measures += Number(r.measures);
    cell.reported += Number(r.reported);
  }
  return [...cells.values()];
}

/** The (State, element) pairs with a standing measure of one of `kinds` whose status is one of `statuses`. */
export async function cellsWithKinds(
  db: Db,
  f: Omit<CountFilter, 'kind'> & { kinds: string[]; statuses: readonly string[] },
): Promise<{ country: string; element: string }[]> {
  if (f.kinds.length === 0 || f.countries?.length === 0) return [];
  const statuses = f.status ? f.statuses.filter((s) => s === f.status) : [...f.statuses];
  if (statuses.length === 0) return [];
  if (f.at === undefined) {
    const binding = sql.join(
      statuses.map((s) => sql.ref(statusColumn(s))),
      sql` + `,
    );
    return db
      .selectFrom('registry_cell_counts')
      .select(['country', 'element'])
      .distinct()
      .where('kind', 'in', f.kinds)
      .where(sql<boolean>`${binding} > 0`)
      .$if(f.countries !== undefined, (q) => q.where('country', 'in', f.countries!))
      .$if(f.voice !== undefined, (q) => q.where('voice', '=', f.voice!))
      .execute();
  }
  return standingCells(db, f.kinds, f.at)
    .select(['country', 'element'])
    .distinct()
    .where('status', 'in', statuses)
    .$if(f.countries !== undefined, (q) => q.where('country', 'in', f.countries!))
    .$if(f.voice !== undefined, (q) => q.where('voice', '=', f.voice!))
    .execute();
}

/** Standing measures (at `at`, now when absent) that entered into force, per year and element. */
export async function countInForceByYear(
  db: Db,
  f: CountFilter,
): Promise<{ year: string; element: string; measures: number }[]> {
  if (f.countries?.length === 0) return [];
  const kind = f.kind ?? '';
  const base =
    f.at === undefined
      ? db
          .selectFrom('registry_version_cells')
          .where('kind', '=', kind)
          .where('until_at', 'is', null)
      : standingCells(db, kind, f.at);
  const year = sql<string>`substr(in_force, 1, 4)`;
  const rows = await base
    .select([year.as('year'), 'element'])
    .select((eb) => eb.fn.countAll<number>().as('measures'))
    .where('in_force', 'is not', null)
    .$if(f.countries !== undefined, (q) => q.where('country', 'in', f.countries!))
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .$if(f.voice !== undefined, (q) => q.where('voice', '=', f.voice!))
    .groupBy([year, 'element'])
    .orderBy(year)
    .execute();
  return rows.map((r) => ({ year: r.year, element: r.element, measures: Number(r.measures) }));
}

/** Rebuilds the cells and counts from the versions (a check of the kept ones, and the bench's loader). */
export async function rebuildCurrent(db: Db): Promise<void> {
  await db.deleteFrom('registry_version_cells').execute();
  await db.deleteFrom('registry_cell_counts').execute();
  const counts = new Map<string, RegistryCellCountTable>();
  let after = '';
  for (;;) {
    const ids = await db
      .selectFrom('registry_measures')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (ids.length === 0) break;
    after = ids.at(-1)!.id;
    const versions = await db
      .selectFrom('registry_measure_versions')
      .selectAll()
      .where(
        'measure_id',
        'in',
        ids.map((r) => r.id),
      )
      .orderBy('measure_id')
      .orderBy('version')
      .execute();
    const cells: RegistryVersionCellTable[] = [];
    for (let i = 0; i < versions.length; i++) {
      const v = versions[i]!;
      const next = versions[i + 1]?.measure_id === v.measure_id ? versions[i + 1] : undefined;
      const mine = cellsOf(v, next?.recorded_at ?? null);
      cells.push(...mine);
      if (!next)
        for (const c of mine) {
          const key = `${c.kind}\u0000${c.country}\u0000${c.element}\u0000${c.voice}`;
          let row = counts.get(key);
          if (!row) counts.set(key, (row = emptyCount(c)));
          row[statusColumn(c.status)]++;
        }
    }
    for (let i = 0; i < cells.length; i += 1000)
      await db
        .insertInto('registry_version_cells')
        .values(cells.slice(i, i + 1000))
        .execute();
  }
  const all = [...counts.values()];
  for (let i = 0; i < all.length; i += 1000)
    await db
      .insertInto('registry_cell_counts')
      .values(all.slice(i, i + 1000))
      .execute();
}

/**
 * The newest versions recorded (a measure's first and each revision), newest first, of a State
 * and on an element when given, `limit` at most: what the registry's Atom feed lists.
 */
export async function listRecentVersions(
  db: Db,
  filter: { country?: string; element?: string; limit: number },
): Promise<Measure[]> {
  let q = db
    .selectFrom('registry_measure_versions as v')
    .innerJoin('registry_measures as m', 'm.id', 'v.measure_id')
    .selectAll('v')
    .select('m.latest_version');
  if (filter.country) q = q.where('v.country', '=', filter.country);
  if (filter.element) {
    const element = filter.element;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('registry_version_cells as c')
          .select('c.measure_id')
          .whereRef('c.measure_id', '=', 'v.measure_id')
          .whereRef('c.version', '=', 'v.version')
          .where('c.element', '=', element)
          .where('c.kind', '=', ''),
      ),
    );
  }
  const rows = await q
    .orderBy('v.recorded_at', 'desc')
    .orderBy('v.measure_id', 'desc')
    .orderBy('v.version', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => toMeasure(r, r.latest_version));
}
