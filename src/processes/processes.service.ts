/** Processes: the UN working groups, committees and reviews whose documents plenum holds. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { keyPageOf, type KeyPage } from '../api/cursor.ts';
import type { Db } from '../db/database.ts';
import { isId, newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { foldKey } from '../text/fold.ts';
import { checkCanCreateProcess } from './processes.policy.ts';
import { newProcessSchema, type NewProcess, type Process } from './processes.schema.ts';
import {
  findProcess,
  insertProcess,
  listProcesses,
  listProcessesAfter,
} from './processes.store.ts';

/** Every process, by name. */
export async function getProcesses(db: Db): Promise<Process[]> {
  return listProcesses(db);
}

/**
 * A page of the processes by name (then id): those after the key `after` of the previous page,
 * at most `limit`.
 */
export async function getProcessesPage(
  db: Db,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<KeyPage<Process>> {
  const read = await listProcessesAfter(db, page.after, page.limit + 1);
  return keyPageOf(read, page.limit, (p) => [p.name, p.id]);
}

/** The process with this id, if there is one (for features that hold a process id). */
export async function findProcessById(db: Db, id: string): Promise<Process | undefined> {
  return findProcess(db, { id });
}

/** Finds a process by id, slug or any alias ("OECE" finds the Ad Hoc Committee). */
export async function lookupProcess(db: Db, ref: string): Promise<Process | undefined> {
  const trimmed = ref.trim();
  if (trimmed === '') return undefined;
  if (isId(trimmed)) return findProcess(db, { id: trimmed.toLowerCase() });
  return (
    (await findProcess(db, { slug: trimmed.toLowerCase() })) ??
    (await findProcess(db, { aliasKey: foldKey(trimmed) }))
  );
}

/** Like lookupProcess, but a missing process is a PROCESS_NOT_FOUND error. */
export async function requireProcess(db: Db, ref: string): Promise<Process> {
  const found = await lookupProcess(db, ref);
  if (!found)
    throw new PlenumError(
      'PROCESS_NOT_FOUND',
      `"${ref}" is not a known process id, slug, name or alias (see plenum process list; create one with plenum process add).`,
    );
  return found;
}

/**
 * Makes a process as a person or program asks (the API, the command line's operator): the policy
 * first, then createProcess, with the viewer as the event's actor.
 */
export async function addProcess(
  db: Db,
  viewer: Viewer | null,
  input: NewProcess,
): Promise<Process> {
  checkCanCreateProcess(viewer);
  return createProcess(db, input, viewer.id);
}

/** Creates a process; its name, short name and aliases all become lookup keys. */
export async function createProcess(db: Db, input: NewProcess, actor = 'system'): Promise<Process> {
  const parsed = newProcessSchema.safeParse(input);
  if (!parsed.success) {
    throw new PlenumError(
      'INVALID_REQUEST',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const p = parsed.data;
  const id = newId();
  const keys = new Map<string, string>();
  for (const alias of [p.name, ...(p.shortName ? [p.shortName] : []), ...p.aliases]) {
    const key = foldKey(alias);
    if (key !== '' && !keys.has(key)) keys.set(key, alias);
  }
  if (await findProcess(db, { slug: p.slug })) {
    throw new PlenumError('PROCESS_CONFLICT', `The slug "${p.slug}" is taken.`);
  }
  for (const [key, alias] of keys) {
    const holder = await findProcess(db, { aliasKey: key });
    if (holder)
      throw new PlenumError('PROCESS_CONFLICT', `"${alias}" already names ${holder.name}.`);
  }
  await insertProcess(
    db,
    {
      id,
      slug: p.slug,
      name: p.name,
      short_name: p.shortName,
      parent_body: p.parentBody,
      mandate: p.mandate,
      status: p.status,
      established: p.established,
      created_at: new Date().toISOString(),
    },
    [...keys].map(([aliasKey, alias]) => ({ alias, aliasKey })),
  );
  await recordEvent(db, {
    actor,
    action: 'process.created',
    subjectType: 'process',
    subjectId: id,
  });
  return { id, ...p, aliases: [...keys.values()].filter((a) => a !== p.name) };
}
