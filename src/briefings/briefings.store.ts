/**
 * SQL for briefings: the public passages of some processes that carry some concepts, the
 * paragraphs of the versions a paper quotes, the alignment of a version with the previous one,
 * and the stances recorded in the period. Each is one query, whatever the number of passages.
 */
import type { Db } from '../db/database.ts';

/** A published submission a briefing may quote, with whom it speaks for. */
export interface BriefingPassage {
  sourceId: string;
  text: string;
  language: string;
  date: string;
  processId: string;
  title: string;
  href: string;
  organisationId: string | null;
  organisationName: string | null;
  stakeholderGroup: string | null;
  country: string | null;
  /** False when the organisation is not verified (now, not when indexed). */
  organisationVerified: boolean;
}

const passageColumns = [
  's.source_id',
  's.text',
  's.language',
  's.date',
  's.process_id',
  's.title',
  's.href',
  's.organisation_id',
  's.organisation_name',
  's.stakeholder_group',
  's.country',
  'o.verified_at as organisation_verified_at',
] as const;

function toPassage(r: {
  source_id: string;
  text: string;
  language: string;
  date: string;
  process_id: string;
  title: string;
  href: string;
  organisation_id: string | null;
  organisation_name: string | null;
  stakeholder_group: string | null;
  country: string | null;
  organisation_verified_at: string | null;
}): BriefingPassage {
  return {
    sourceId: r.source_id,
    text: r.text,
    language: r.language,
    date: r.date,
    processId: r.process_id,
    title: r.title,
    href: r.href,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    stakeholderGroup: r.stakeholder_group,
    country: r.country,
    organisationVerified: r.organisation_verified_at !== null,
  };
}

/**
 * The published submissions to these processes, dated within [from, to], tagged with any of
 * these concepts: oldest first, in the order they were indexed on a day.
 */
export async function listBriefingSubmissions(
  db: Db,
  where: { processIds: string[]; conceptIds: string[]; from: string; to: string },
): Promise<BriefingPassage[]> {
  if (where.processIds.length === 0 || where.conceptIds.length === 0) return [];
  const rows = await db
    .selectFrom('search_items as s')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(passageColumns)
    .where('s.kind', '=', 'submission')
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
    .orderBy('s.date')
    .orderBy('s.seq')
    .execute();
  return rows.map(toPassage);
}

/** A paragraph of a public version that carries one of the concepts, in one of its languages. */
export interface TaggedParagraph {
  documentId: string;
  versionId: string;
  address: string;
}

/** The paragraphs of public versions of these processes tagged with any of these concepts. */
export async function listTaggedParagraphs(
  db: Db,
  where: { processIds: string[]; conceptIds: string[] },
): Promise<TaggedParagraph[]> {
  if (where.processIds.length === 0 || where.conceptIds.length === 0) return [];
  const rows = await db
    .selectFrom('search_items as s')
    .innerJoin('versions as v', 'v.id', 's.version_id')
    .select(['s.document_id', 's.version_id', 's.address'])
    .where('s.kind', '=', 'paragraph')
    .where('v.public', '=', 1)
    .where('s.process_id', 'in', where.processIds)
    .where('s.source_id', 'in', (eb) =>
      eb
        .selectFrom('concept_tags')
        .select('source_id')
        .where('concept_id', 'in', where.conceptIds)
        .where('process_id', 'in', where.processIds),
    )
    .distinct()
    .execute();
  return rows.flatMap((r) =>
    r.document_id && r.version_id && r.address
      ? [{ documentId: r.document_id, versionId: r.version_id, address: r.address }]
      : [],
  );
}

/** A paragraph of a version in one language, as search holds it. */
export interface VersionParagraph {
  sourceId: string;
  versionId: string;
  language: string;
  address: string;
  text: string;
  href: string;
  /** Reading order within its language version. */
  seq: number;
}

/** The paragraphs at these addresses of these versions, in every language they exist in. */
export async function listVersionParagraphs(
  db: Db,
  versionIds: string[],
  addresses: string[],
): Promise<VersionParagraph[]> {
  if (versionIds.length === 0 || addresses.length === 0) return [];
  const rows = await db
    .selectFrom('search_items as s')
    .innerJoin('blocks as b', 'b.id', 's.source_id')
    .select(['s.source_id', 's.version_id', 's.language', 's.address', 's.text', 's.href', 'b.seq'])
    .where('s.kind', '=', 'paragraph')
    .where('s.version_id', 'in', versionIds)
    .where('s.address', 'in', addresses)
    .orderBy('b.seq')
    .execute();
  return rows.map((r) => ({
    sourceId: r.source_id,
    versionId: r.version_id!,
    language: r.language,
    address: r.address!,
    text: r.text,
    href: r.href,
    seq: Number(r.seq),
  }));
}

/** One pair of an alignment between two language versions, with the blocks' addresses. */
export interface AlignedPair {
  fromAddress: string | null;
  toAddress: string | null;
  change: string;
  renumbered: boolean;
}

/** The alignment of one language version with a later one, as stored when the later was imported. */
export async function listAlignedPairs(
  db: Db,
  fromLanguageVersionId: string,
  toLanguageVersionId: string,
): Promise<AlignedPair[]> {
  const rows = await db
    .selectFrom('block_alignments as a')
    .leftJoin('blocks as f', 'f.id', 'a.from_block_id')
    .leftJoin('blocks as t', 't.id', 'a.to_block_id')
    .select(['f.address as from_address', 't.address as to_address', 'a.change', 'a.renumbered'])
    .where('a.from_language_version_id', '=', fromLanguageVersionId)
    .where('a.to_language_version_id', '=', toLanguageVersionId)
    .orderBy('a.link_seq')
    .execute();
  return rows.map((r) => ({
    fromAddress: r.from_address ?? null,
    toAddress: r.to_address ?? null,
    change: r.change,
    renumbered: Number(r.renumbered) === 1,
  }));
}

/** A stance recorded in the period, with the passage it quotes and who it names. */
export interface BriefingStance {
  stance: string;
  exact: string;
  saidOn: string;
  processId: string;
  /** The actor as the analyst named it: an organisation's name, or a State's code. */
  actorName: string | null;
  actorCountry: string | null;
  /** 'submission' or 'paragraph' (the words of a document, not of a speaker). */
  sourceKind: string;
  /** The quoted submission, when the stance quotes one that is still published. */
  submission: BriefingPassage | null;
  /** The quoted paragraph's place, when the stance quotes a document's paragraph. */
  paragraph: { documentId: string; versionId: string; address: string; href: string } | null;
}

/** The stances on these concepts in these processes said within [from, to], oldest first. */
export async function listBriefingStances(
  db: Db,
  where: { processIds: string[]; conceptIds: string[]; from: string; to: string },
): Promise<BriefingStance[]> {
  if (where.processIds.length === 0 || where.conceptIds.length === 0) return [];
  const rows = await db
    .selectFrom('stances as st')
    .leftJoin('organisations as actor', 'actor.id', 'st.organisation_id')
    .leftJoin('search_items as s', 's.source_id', 'st.source_id')
    .leftJoin('versions as v', 'v.id', 's.version_id')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(passageColumns)
    .select([
      'st.stance',
      'st.exact',
      'st.said_on',
      'st.process_id as stance_process_id',
      'st.country as actor_country',
      'st.source_kind',
      'actor.name as actor_name',
      'actor.country as actor_organisation_country',
      's.kind',
      's.document_id',
      's.version_id',
      's.address',
      'v.public',
    ])
    .where('st.concept_id', 'in', where.conceptIds)
    .where('st.process_id', 'in', where.processIds)
    .where('st.said_on', '>=', where.from)
    .where('st.said_on', '<=', where.to)
    .orderBy('st.said_on')
    .orderBy('st.id')
    .execute();
  return rows.map((r) => {
    const found = r.source_id !== null && r.source_id !== undefined;
    const isSubmission = r.source_kind === 'submission';
    return {
      stance: r.stance,
      exact: r.exact,
      saidOn: r.said_on,
      processId: r.stance_process_id,
      actorName: r.actor_name ?? null,
      actorCountry: r.actor_country ?? r.actor_organisation_country ?? null,
      sourceKind: r.source_kind,
      submission:
        found && isSubmission && r.kind === 'submission'
          ? toPassage(r as Parameters<typeof toPassage>[0])
          : null,
      paragraph:
        found &&
        !isSubmission &&
        r.document_id &&
        r.version_id &&
        r.address &&
        Number(r.public) === 1
          ? {
              documentId: r.document_id,
              versionId: r.version_id,
              address: r.address,
              href: r.href!,
            }
          : null,
    };
  });
}
