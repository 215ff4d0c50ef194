/**
 * The demo's monitoring: the shipped concepts, a demo analyst who recorded stances quoting the
 * demo's fictional organisations (their own published words, never a real State's), and a watch.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import { signUp } from '../accounts/accounts.service.ts';
import { findAccountByEmail } from '../accounts/accounts.store.ts';
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import type { Db } from '../db/database.ts';
import { recordStance } from '../stances/stances.service.ts';
import { findByIdempotencyKeys, idempotencyKeyName } from '../submissions/submissions.store.ts';
import { createWatch } from '../watches/watches.service.ts';
import { demoPassword } from './demo-consultation.ts';

/** What the demo's monitoring added. */
export interface DemoMonitoring {
  stances: number;
  watches: number;
}

/** Adds concepts, stances and a watch; runs after the demo consultation is loaded. */
export async function loadDemoMonitoring(db: Db): Promise<DemoMonitoring> {
  // The documents were indexed before the concepts existed (plenum demo on a new file).
  if ((await installShippedConcepts(db)) > 0) await tagIndexedPassages(db);
  const account = await signUp(
    db,
    { email: 'analyst@demo.plenum.example', name: 'Demo analyst', password: demoPassword },
    { actor: 'demo' },
  );
  const analyst: Viewer = {
    id: account.id,
    email: account.email,
    name: account.name,
    isAdmin: false,
    grants: [],
    via: 'session',
  };
  const submission = async (rep: string, n: number): Promise<string> => {
    const author = await findAccountByEmail(db, `${rep}@demo.plenum.example`);
    const key = `demo-submission-${n}`;
    const row =
      author &&
      (await findByIdempotencyKeys(db, [{ authorId: author.id, key }])).get(
        idempotencyKeyName(author.id, key),
      );
    if (!row) throw new Error(`demo submission ${n} is missing`);
    return row.id;
  };
  const stances = [
    {
      source: await submission('civil', 1),
      concept: 'public-core',
      stance: 'supports',
      exact: 'We support articulating this norm.',
      saidOn: '2026-09-10',
    },
    {
      source: await submission('tech', 2),
      concept: 'unique-identifiers',
      stance: 'supports',
      exact: 'Paragraph 8 correctly describes the coordination of the unique identifier system.',
      saidOn: '2026-09-18',
    },
    {
      source: await submission('tech', 2),
      concept: 'root-servers',
      stance: 'conditional',
      exact:
        'We suggest adding that the root server system is operated by several independent organisations.',
      saidOn: '2026-09-18',
      note: 'Asks for a change to paragraph 8 (demo).',
    },
  ];
  for (const s of stances) await recordStance(db, analyst, s, new Date('2026-10-20T09:00:00Z'));
  await createWatch(
    db,
    analyst,
    { name: 'Root servers and the public core', query: 'root server', concepts: [] },
    new Date('2026-10-20T09:05:00Z'),
  );
  await createWatch(
    db,
    analyst,
    { name: 'Public core (concept)', concepts: ['public-core'] },
    new Date('2026-10-20T09:06:00Z'),
  );
  return { stances: stances.length, watches: 2 };
}
