/** The registry's SQL: terms, measures and their versions (never updated in place). */
import type { Db } from '../db/database.ts';
import type {
  RegistryMeasureTable,
  RegistryMeasureVersionTable,
  RegistryTermTable,
} from './registry.table.ts';
import type { Measure } from './registry.schema.ts';

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
  await db.insertInto('registry_measure_versions').values(version).execute();
  return true;
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

/** Filters the store applies; the rest (region, element, kind) the service applies. */
export interface StoreFilter {
  countries?: string[];
  status?: string;
  voice?: string;
  /** The instant to read the registry at (ISO 8601, UTC); absent: now. */
  at?: string;
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
