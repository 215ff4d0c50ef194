/** Every migration, in order. Names sort in the order they must run. */
import type { Migration } from 'kysely/migration';
import * as documents from './0001-documents.ts';
import * as consultations from './0002-consultations.ts';

/** The migrations by name, for Kysely's Migrator. */
export const migrations: Record<string, Migration> = {
  '0001-documents': documents,
  '0002-consultations': consultations,
};
