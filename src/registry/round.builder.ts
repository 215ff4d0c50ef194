/**
 * Test support: what the registry's tests set up again and again — the builder's government with
 * its representative verified (so that it may state Brazil's practice and answer rounds), and a
 * questionnaire round on the builder's process, open through June 2026 in Geneva's time, with
 * Brazil and Kenya invited. Each test changes only what it is about.
 */
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import {
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { Db } from '../db/database.ts';
import { verifyRepresentative } from '../organisations/organisations.service.ts';
import type { Round } from './rounds.service.ts';
import { openRound } from './rounds.service.ts';

/** The builder's government representative, verified by a note verbale; its viewer. */
export async function verifiedGovernment(db: Db, built: BuiltConsultation): Promise<Viewer> {
  const government = representativeViewer(built, 'government');
  await verifyRepresentative(
    db,
    operatorViewer,
    { organisation: built.organisations.government.id, accountId: government.id },
    { kind: 'note_verbale', reason: 'Note verbale 2026/7 from the Permanent Mission.' },
  );
  return government;
}

/**
 * A round as the registry's tests open it: the fields given replace the defaults; opened at `now`
 * (the first of June 2026 unless given).
 */
export function openTestRound(
  db: Db,
  built: BuiltConsultation,
  fields: Record<string, unknown> = {},
  now = new Date('2026-06-01T00:00:00Z'),
): Promise<Round> {
  return db.transaction().execute((trx) =>
    openRound(
      trx,
      operatorViewer,
      built.process.id,
      {
        title: 'Practice on the public core, 2026',
        questions: [{ key: 'plans', texts: { en: 'What do you plan?' } }],
        invited: ['BRA', 'KEN'],
        opensAt: '2026-06-01T09:00',
        closesAt: '2026-06-30T18:00',
        timeZone: 'Europe/Zurich',
        ...fields,
      },
      now,
    ),
  );
}
