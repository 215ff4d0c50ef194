/** The SQL of the States marked fictional. */
import type { Db } from '../db/database.ts';
import type { FictionalStateTable } from './organisations.table.ts';

/** Marks a State fictional; false when its code already was. */
export async function insertFictionalState(db: Db, row: FictionalStateTable): Promise<boolean> {
  const r = await db
    .insertInto('fictional_states')
    .values(row)
    .onConflict((oc) => oc.column('iso3').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** A fictional State by code, if marked. */
export async function findFictionalStateRow(
  db: Db,
  iso3: string,
): Promise<FictionalStateTable | undefined> {
  return db.selectFrom('fictional_states').selectAll().where('iso3', '=', iso3).executeTakeFirst();
}

/** Every fictional State, by code. */
export async function listFictionalStateRows(db: Db): Promise<FictionalStateTable[]> {
  return db.selectFrom('fictional_states').selectAll().orderBy('iso3').execute();
}
