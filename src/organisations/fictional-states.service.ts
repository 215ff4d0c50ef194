/**
 * States marked fictional: a demo or a training round may have administrations of States that do
 * not exist, under a code of the ISO 3166-1 user-assigned range XAA–XZZ, never a real State's.
 * Only a code marked here is accepted as a State beyond the UN members; fictional States are
 * named with "(fictional)" in the reader's language and count in none of the figures of the 193
 * Member States (the map, the fragmentation indicator, the country pages' counts).
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { zodError } from '../validation.ts';
import { z } from 'zod';
import { fictionalCodePattern, findCountry, rememberFictionalState } from './countries.ts';
import {
  findFictionalStateRow,
  insertFictionalState,
  listFictionalStateRows,
} from './fictional-states.store.ts';

const name = z.string().trim().min(1).max(200);

/** A State to mark fictional: its code (XAA–XZZ) and its name in the six UN languages. */
export const fictionalStateSchema = z.object({
  iso3: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(
      z
        .string()
        .regex(
          fictionalCodePattern,
          'a fictional State takes a user-assigned code from XAA to XZZ, never a real State’s',
        ),
    ),
  names: z.object({ ar: name, en: name, es: name, fr: name, ru: name, zh: name }),
});

/** A fictional State as the service gives it. */
export interface FictionalState {
  iso3: string;
  names: Record<string, string>;
}

/** Marks a State fictional (administrators; the demo as the operator). */
export async function markFictionalState(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now: Date,
): Promise<FictionalState> {
  if (!viewer) throw new PlenumError('SIGN_IN_REQUIRED');
  if (!viewer.isAdmin)
    throw new PlenumError('FORBIDDEN', 'Only administrators mark a State fictional.');
  const parsed = fictionalStateSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const { iso3, names } = parsed.data;
  const stored = await insertFictionalState(db, {
    iso3,
    names: JSON.stringify(names),
    created_by: viewer.id,
    created_at: now.toISOString(),
  });
  if (!stored)
    throw new PlenumError('INVALID_REQUEST', `iso3: ${iso3} is already a fictional State.`);
  await recordEvent(
    db,
    {
      actor: viewer.id,
      action: 'organisations.fictional_state_marked',
      subjectType: 'fictional_state',
      subjectId: iso3,
      data: { names },
    },
    now,
  );
  rememberFictionalState(iso3, names);
  return { iso3, names };
}

/** Every fictional State (and their names noted for countryName). */
export async function listFictionalStates(db: Db): Promise<FictionalState[]> {
  const rows = await listFictionalStateRows(db);
  return rows.map((r) => {
    const names = JSON.parse(r.names) as Record<string, string>;
    rememberFictionalState(r.iso3, names);
    return { iso3: r.iso3, names };
  });
}

/**
 * The State a code names, for whatever takes a State: a UN member State, or a State marked
 * fictional (XAA–XZZ); undefined for anything else (an observer, ZZZ, an unmarked XAB).
 */
export async function lookupState(
  db: Db,
  code: string,
): Promise<{ iso3: string; fictional: boolean } | undefined> {
  const iso3 = code.trim().toUpperCase();
  const real = findCountry(iso3);
  if (real) return real.observer ? undefined : { iso3, fictional: false };
  if (!fictionalCodePattern.test(iso3)) return undefined;
  const row = await findFictionalStateRow(db, iso3);
  if (!row) return undefined;
  rememberFictionalState(iso3, JSON.parse(row.names) as Record<string, string>);
  return { iso3, fictional: true };
}
