/** SQL for organisations. */
import type { Db } from '../db/database.ts';
import { toOrganisation } from './organisation-row.ts';
import type { Organisation } from './organisations.schema.ts';
import type { OrganisationTable, RepresentativeVerificationTable } from './organisations.table.ts';

/** Inserts an organisation row. */
export async function insertOrganisation(db: Db, row: OrganisationTable): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

/** The organisation with this id or slug, if any. */
export async function findOrganisation(db: Db, ref: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref)]))
    .executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

/** True when a slug is taken. */
export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

/** Organisations with these ids. */
export async function findOrganisations(db: Db, ids: string[]): Promise<Map<string, Organisation>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toOrganisation(r)]));
}

/** Every organisation, by name (not individuals' own voices). */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
  // A person's own voice (group "individual") is not an organisation the list shows.
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .where('stakeholder_group', '<>', 'individual')
    .orderBy('name')
    .execute();
  return rows.map(toOrganisation);
}

/**
 * A page of the organisations the list shows, by name then id, after the one named `after`
 * (exclusive), at most `limit`: a keyset, so an organisation registered meanwhile never moves
 * another from one page to the next.
 */
export async function listOrganisationsAfter(
  db: Db,
  after: { name: string; id: string } | undefined,
  limit: number,
): Promise<Organisation[]> {
  let query = db
    .selectFrom('organisations')
    .selectAll()
    .where('stakeholder_group', '<>', 'individual')
    .orderBy('name')
    .orderBy('id')
    .limit(limit);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('name', '>', after.name),
        eb.and([eb('name', '=', after.name), eb('id', '>', after.id)]),
      ]),
    );
  return (await query.execute()).map(toOrganisation);
}

/** The organisations based in a State (its government first, then by name), at most `limit`. */
export async function listOrganisationsOfCountry(
  db: Db,
  iso3: string,
  limit: number,
): Promise<Organisation[]> {
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .where('country', '=', iso3)
    .where('stakeholder_group', '<>', 'individual')
    .orderBy((eb) => eb.case().when('stakeholder_group', '=', 'government').then(0).else(1).end())
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map(toOrganisation);
}

/** Marks an organisation verified, with the kind of proof and its reference. */
export async function markVerified(
  db: Db,
  id: string,
  verification: { by: string; at: string; kind: string; reason: string },
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      verified_at: verification.at,
      verified_by: verification.by,
      verification_kind: verification.kind,
      verification_reason: verification.reason,
    })
    .where('id', '=', id)
    .execute();
}

/** Withdraws an organisation's verification. */
export async function markUnverified(db: Db, id: string): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      verified_at: null,
      verified_by: null,
      verification_kind: null,
      verification_reason: null,
    })
    .where('id', '=', id)
    .execute();
}

/** The verified government of a state other than `except`, if there is one. */
export async function findVerifiedGovernment(
  db: Db,
  country: string,
  except?: string,
): Promise<Organisation | undefined> {
  let query = db
    .selectFrom('organisations')
    .selectAll()
    .where('stakeholder_group', '=', 'government')
    .where('country', '=', country)
    .where('verified_at', 'is not', null);
  if (except) query = query.where('id', '<>', except);
  const row = await query.executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

/** Inserts individuals' own voices that are not stored yet (their id is their account's). */
export async function insertMissingOrganisations(db: Db, rows: OrganisationTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('organisations')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The verified representatives of an organisation, by account id. */
export async function listRepresentativeVerifications(
  db: Db,
  organisationId: string,
): Promise<Map<string, { kind: string; reason: string; at: string }>> {
  const rows = await db
    .selectFrom('representative_verifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(
    rows.map((r) => [r.account_id, { kind: r.kind, reason: r.reason, at: r.verified_at }]),
  );
}

/** Records a representative's verification (replacing an earlier one). */
export async function upsertRepresentativeVerification(
  db: Db,
  row: RepresentativeVerificationTable,
): Promise<void> {
  await db
    .insertInto('representative_verifications')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'account_id']).doUpdateSet({
        kind: row.kind,
        reason: row.reason,
        verified_by: row.verified_by,
        verified_at: row.verified_at,
      }),
    )
    .execute();
}

/** Removes a representative's verification; true when there was one. */
export async function deleteRepresentativeVerification(
  db: Db,
  organisationId: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('representative_verifications')
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
