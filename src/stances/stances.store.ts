/** SQL for stances. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { findCountry } from '../organisations/countries.ts';
import type { StakeholderGroup } from '../organisations/organisations.schema.ts';
import type { Stance, StanceKind } from './stances.schema.ts';
import type { StanceTable } from './stances.table.ts';

/** A passage a stance can quote: an indexed paragraph, footnote or published submission. */
export interface StanceSource {
  id: string;
  kind: 'paragraph' | 'submission';
  text: string;
  processId: string;
  date: string;
  href: string;
  symbol: string | null;
  address: string | null;
  title: string;
  organisationId: string | null;
  /** False for a paragraph of a version still in preparation. */
  public: boolean;
}

/** The passage with this block or submission id, as search holds it, if it is findable. */
export async function findStanceSource(
  db: Db,
  sourceId: string,
): Promise<StanceSource | undefined> {
  const row = await db
    .selectFrom('search_items as s')
    .leftJoin('versions as v', 'v.id', 's.version_id')
    .select([
      's.source_id',
      's.kind',
      's.text',
      's.process_id',
      's.date',
      's.href',
      's.symbol',
      's.address',
      's.title',
      's.organisation_id',
      'v.public',
    ])
    .where('s.source_id', '=', sourceId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.source_id,
    kind: row.kind === 'submission' ? 'submission' : 'paragraph',
    text: row.text,
    processId: row.process_id,
    date: row.date,
    href: row.href,
    symbol: row.symbol,
    address: row.address,
    title: row.title,
    organisationId: row.organisation_id,
    public: row.public === null || Number(row.public) === 1,
  };
}

/** Inserts a stance row. */
export async function insertStance(db: Db, row: StanceTable): Promise<void> {
  await db.insertInto('stances').values(row).execute();
}

/**
 * Stances recorded per State and process (one grouped query), by the rule of `listStances`: a
 * stance recorded for the State, or by its verified government's organisation.
 */
export async function countStancesByState(
  db: Db,
  country?: string,
): Promise<{ country: string; processId: string; n: number }[]> {
  const state = sql<string>`coalesce(st.country, o.country)`;
  const rows = await db
    .selectFrom('stances as st')
    .leftJoin('organisations as o', 'o.id', 'st.organisation_id')
    .select([state.as('state'), 'st.process_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) =>
      eb.or([
        eb('st.country', 'is not', null),
        eb.and([
          eb('o.country', 'is not', null),
          eb('st.stakeholder_group', '=', 'government'),
          eb('o.verified_at', 'is not', null),
        ]),
      ]),
    )
    .$if(country !== undefined, (q) => q.where(state, '=', country!))
    .groupBy([state, 'st.process_id'])
    .execute();
  return rows.map((r) => ({ country: r.state, processId: r.process_id, n: Number(r.n) }));
}

/** Stances about these concepts, or by this state, or by this organisation; oldest first (at most `limit`). */
export async function listStances(
  db: Db,
  where: { conceptIds?: string[]; country?: string; organisationId?: string; sourceId?: string },
  limit?: number,
  after?: readonly [saidOn: string, id: string],
): Promise<Stance[]> {
  let query = db
    .selectFrom('stances as st')
    .innerJoin('concepts as c', 'c.id', 'st.concept_id')
    .innerJoin('processes as p', 'p.id', 'st.process_id')
    .leftJoin('organisations as o', 'o.id', 'st.organisation_id')
    .leftJoin('search_items as s', 's.source_id', 'st.source_id')
    .selectAll('st')
    .select([
      'c.slug as concept_slug',
      'c.names as concept_names',
      'p.name as process_name',
      'o.slug as organisation_slug',
      'o.name as organisation_name',
      'o.country as organisation_country',
      'o.verified_at as organisation_verified_at',
      's.href',
      's.symbol',
      's.address',
      's.title',
    ]);
  if (where.conceptIds) {
    if (where.conceptIds.length === 0) return [];
    query = query.where('st.concept_id', 'in', where.conceptIds);
  }
  if (where.country) {
    const country = where.country;
    query = query.where((eb) =>
      eb.or([
        eb('st.country', '=', country),
        // Its government's organisations count only once verified.
        eb.and([
          eb('o.country', '=', country),
          eb('st.stakeholder_group', '=', 'government'),
          eb('o.verified_at', 'is not', null),
        ]),
      ]),
    );
  }
  if (where.organisationId) query = query.where('st.organisation_id', '=', where.organisationId);
  if (where.sourceId) query = query.where('st.source_id', '=', where.sourceId);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('st.said_on', '>', after[0]),
        eb.and([eb('st.said_on', '=', after[0]), eb('st.id', '>', after[1])]),
      ]),
    );
  const rows = await query
    .orderBy('st.said_on')
    .orderBy('st.id')
    .$if(limit !== undefined, (q) => q.limit(limit!))
    .execute();
  return rows.map((r) => {
    const country = r.country ?? r.organisation_country ?? null;
    return {
      id: r.id,
      conceptId: r.concept_id,
      conceptSlug: r.concept_slug,
      conceptNames: JSON.parse(r.concept_names) as Record<string, string>,
      stance: r.stance as StanceKind,
      actor: {
        organisationId: r.organisation_id,
        organisationSlug: r.organisation_slug ?? null,
        name: r.organisation_name ?? null,
        country,
        stakeholderGroup: r.stakeholder_group as StakeholderGroup,
        regionalGroup: country ? (findCountry(country)?.group ?? null) : null,
        verified: r.organisation_id === null || r.organisation_verified_at !== null,
      },
      source: {
        kind: r.source_kind === 'submission' ? 'submission' : 'paragraph',
        id: r.source_id,
        // A source no longer findable (a submission withdrawn from publication) keeps its quote.
        href: r.href ?? (r.source_kind === 'submission' ? `/submissions/${r.source_id}` : '#'),
        symbol: r.symbol ?? null,
        address: r.address ?? null,
        title: r.title ?? '',
      },
      processId: r.process_id,
      processName: r.process_name,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      start: Number(r.start),
      end: Number(r.end),
      saidOn: r.said_on,
      note: r.note,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    };
  });
}

/** Deletes a stance; false when there is none with this id. */
export async function deleteStance(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('stances').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Who recorded a stance and on what concept, if it exists. */
export async function findStanceOwner(
  db: Db,
  id: string,
): Promise<{ recordedBy: string; conceptSlug: string } | undefined> {
  const row = await db
    .selectFrom('stances as st')
    .innerJoin('concepts as c', 'c.id', 'st.concept_id')
    .select(['st.recorded_by', 'c.slug'])
    .where('st.id', '=', id)
    .executeTakeFirst();
  return row ? { recordedBy: row.recorded_by, conceptSlug: row.slug } : undefined;
}
