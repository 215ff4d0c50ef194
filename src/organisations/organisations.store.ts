/** SQL for organisations. */
import type { Db } from '../db/database.ts';
import { toOrganisation } from './organisation-row.ts';
import type { Organisation } from './organisations.schema.ts';
import type { OrganisationTable } from './organisations.table.ts';

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

/** Every organisation, by name. */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  return rows.map(toOrganisation);
}

/** Marks an organisation verified. */
export async function markVerified(db: Db, id: string, by: string, at: string): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ verified_at: at, verified_by: by })
    .where('id', '=', id)
    .execute();
}
