/** SQL for processes and their aliases. */
import type { Db } from '../db/database.ts';
import type { ProcessTable } from './processes.table.ts';
import type { Process } from './processes.schema.ts';
import { processStatuses } from './processes.schema.ts';

function toProcess(row: ProcessTable, aliases: string[]): Process {
  const status = processStatuses.find((s) => s === row.status) ?? 'active';
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    shortName: row.short_name,
    parentBody: row.parent_body,
    mandate: row.mandate,
    status,
    established: row.established,
    aliases: aliases.filter((a) => a !== row.name),
  };
}

async function aliasesOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const byProcess = new Map<string, string[]>();
  if (ids.length === 0) return byProcess;
  const rows = await db
    .selectFrom('process_aliases')
    .select(['process_id', 'alias'])
    .where('process_id', 'in', ids)
    .orderBy('alias')
    .execute();
  for (const row of rows) {
    const list = byProcess.get(row.process_id) ?? [];
    list.push(row.alias);
    byProcess.set(row.process_id, list);
  }
  return byProcess;
}

/** Every process, by name. */
export async function listProcesses(db: Db): Promise<Process[]> {
  const rows = await db.selectFrom('processes').selectAll().orderBy('name').execute();
  const aliases = await aliasesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toProcess(r, aliases.get(r.id) ?? []));
}

/** A page of the processes by name (then id): those after the key `after`, at most `limit`. */
export async function listProcessesAfter(
  db: Db,
  after: readonly [name: string, id: string] | undefined,
  limit: number,
): Promise<Process[]> {
  let query = db.selectFrom('processes').selectAll().orderBy('name').orderBy('id').limit(limit);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('name', '>', after[0]),
        eb.and([eb('name', '=', after[0]), eb('id', '>', after[1])]),
      ]),
    );
  const rows = await query.execute();
  const aliases = await aliasesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toProcess(r, aliases.get(r.id) ?? []));
}

/** The process with this id, slug or folded alias key, if any. */
export async function findProcess(
  db: Db,
  by: { id?: string; slug?: string; aliasKey?: string },
): Promise<Process | undefined> {
  let query = db.selectFrom('processes').selectAll('processes');
  if (by.id !== undefined) query = query.where('processes.id', '=', by.id);
  else if (by.slug !== undefined) query = query.where('processes.slug', '=', by.slug);
  else if (by.aliasKey !== undefined)
    query = query
      .innerJoin('process_aliases', 'process_aliases.process_id', 'processes.id')
      .where('process_aliases.alias_key', '=', by.aliasKey);
  else return undefined;
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const aliases = await aliasesOf(db, [row.id]);
  return toProcess(row, aliases.get(row.id) ?? []);
}

/** Inserts a process and its aliases (alias keys already folded). */
export async function insertProcess(
  db: Db,
  row: ProcessTable,
  aliases: { alias: string; aliasKey: string }[],
): Promise<void> {
  await db.insertInto('processes').values(row).execute();
  if (aliases.length > 0) {
    await db
      .insertInto('process_aliases')
      .values(aliases.map((a) => ({ process_id: row.id, alias: a.alias, alias_key: a.aliasKey })))
      .execute();
  }
}
