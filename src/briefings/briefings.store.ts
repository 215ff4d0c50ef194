/** SQL for briefings: the public passages of some processes and dates that carry some concepts. */
import type { Db } from '../db/database.ts';

/** A passage a briefing may quote. */
export interface BriefingPassage {
  sourceId: string;
  kind: string;
  text: string;
  language: string;
  date: string;
  processId: string;
  documentId: string | null;
  symbol: string | null;
  title: string;
  address: string | null;
  href: string;
  organisationName: string | null;
  stakeholderGroup: string | null;
  country: string | null;
  /** False when the passage is a submission of an organisation not verified (now, not when indexed). */
  organisationVerified: boolean;
}

/**
 * The public passages of these processes, dated within [from, to], tagged with any of these
 * concepts: oldest first, in the order they were indexed on a day.
 */
export async function listBriefingPassages(
  db: Db,
  where: { processIds: string[]; conceptIds: string[]; from: string; to: string },
): Promise<BriefingPassage[]> {
  if (where.processIds.length === 0 || where.conceptIds.length === 0) return [];
  const rows = await db
    .selectFrom('search_items as s')
    .leftJoin('versions as v', 'v.id', 's.version_id')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.source_id',
      's.kind',
      's.text',
      's.language',
      's.date',
      's.process_id',
      's.document_id',
      's.symbol',
      's.title',
      's.address',
      's.href',
      's.organisation_name',
      's.stakeholder_group',
      's.country',
      'o.verified_at as organisation_verified_at',
    ])
    .where('s.process_id', 'in', where.processIds)
    .where('s.date', '>=', where.from)
    .where('s.date', '<=', where.to)
    .where('s.source_id', 'in', (eb) =>
      eb
        .selectFrom('concept_tags')
        .select('source_id')
        .where('concept_id', 'in', where.conceptIds)
        .where('process_id', 'in', where.processIds),
    )
    .where((eb) => eb.or([eb('v.public', '=', 1), eb('s.version_id', 'is', null)]))
    .orderBy('s.date')
    .orderBy('s.seq')
    .execute();
  return rows.map((r) => ({
    sourceId: r.source_id,
    kind: r.kind,
    text: r.text,
    language: r.language,
    date: r.date,
    processId: r.process_id,
    documentId: r.document_id,
    symbol: r.symbol,
    title: r.title,
    address: r.address,
    href: r.href,
    organisationName: r.organisation_name,
    stakeholderGroup: r.stakeholder_group,
    country: r.country,
    organisationVerified: r.organisation_verified_at !== null,
  }));
}
