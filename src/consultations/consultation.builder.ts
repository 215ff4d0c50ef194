/**
 * Test fixtures made by the project: a process with a 12-paragraph draft, accounts for every
 * role, organisations of several stakeholder groups, and a comment period.
 */
import { grantRole, signUp } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { importFile } from '../imports/imports.service.ts';
import {
  registerOrganisation,
  verifyOrganisation,
} from '../organisations/organisations.service.ts';
import type { Organisation } from '../organisations/organisations.schema.ts';
import { createProcess } from '../processes/processes.service.ts';
import type { Process } from '../processes/processes.schema.ts';
import { openCommentPeriod } from './consultations.service.ts';
import type { CommentPeriod } from './consultations.schema.ts';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../context.ts';
import { TestClient } from '../test-client.ts';
import type { Database } from '../db/database.ts';

/** The password every built account has. */
export const builtPassword = 'correct horse battery';

/** Paragraph texts of the built draft (version 1). */
export const draftParagraphs = [
  'States reaffirm that international law, and in particular the Charter of the United Nations, is applicable to the use of information and communications technologies.',
  'The Group notes the importance of the general availability and integrity of the public core of the Internet.',
  'States should not conduct or knowingly support activity that would harm the technical infrastructure essential to the general availability of the Internet.',
  'The Group recognises the role of the technical community in maintaining the domain name system and the root server system.',
  'Capacity-building should be demand-driven, sustainable and gender-sensitive.',
  'States are encouraged to share national views on how international law applies.',
  'The Group welcomes the participation of stakeholders in its informal consultations.',
  'Confidence-building measures can reduce the risk of misunderstanding between States.',
  'A points of contact directory should be established under the auspices of the United Nations.',
  'States should protect critical infrastructure from threats arising from the use of ICTs.',
  'The Group recommends continued regular institutional dialogue under the auspices of the United Nations.',
  'The Group will submit a report to the General Assembly at its next session.',
];

/** A draft as Markdown-free text with numbered paragraphs. */
export function draftText(
  paragraphs: string[] = draftParagraphs,
  title = 'Draft report of the test working group',
): string {
  return `${title}\n\n${paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n\n')}\n`;
}

/** Everything the builder made. */
export interface BuiltConsultation {
  process: Process;
  documentId: string;
  versionId: string;
  period: CommentPeriod;
  accounts: Record<
    'admin' | 'secretariat' | 'moderator' | 'civil' | 'tech' | 'government' | 'outsider',
    { id: string; email: string }
  >;
  organisations: Record<'civil' | 'tech' | 'government', Organisation>;
}

/**
 * The viewer of a built organisation's representative, as a session or an API token makes it
 * (tests that call services directly, without signing in).
 */
export function representativeViewer(
  built: BuiltConsultation,
  who: 'civil' | 'tech' | 'government',
  via: Viewer['via'] = 'session',
): Viewer {
  return {
    id: built.accounts[who].id,
    email: built.accounts[who].email,
    name: who,
    isAdmin: false,
    via,
    grants: [{ role: 'representative', scopeId: built.organisations[who].id }],
  };
}

function asViewer(
  account: { id: string; email: string; name: string },
  grants: Viewer['grants'] = [],
): Viewer {
  return { ...account, isAdmin: false, grants, via: 'session' };
}

/** Builds a consultation open from `opens` to `closes` (UTC wall clock) on a 12-paragraph draft. */
export async function buildConsultation(
  db: Kysely<Database>,
  options: {
    opens?: string;
    closes?: string;
    moderation?: 'review' | 'immediate';
    now?: Date;
    slug?: string;
    /** Verify the built government (Brazil's), as the secretariat would; true unless false. */
    verifyGovernment?: boolean;
    /** Who may submit, and whether individuals' names are published (the defaults else). */
    submitters?: 'verified_organisations' | 'organisations' | 'individuals';
    individualNames?: 'published' | 'optional' | 'withheld';
  } = {},
): Promise<BuiltConsultation> {
  const slug = options.slug ?? 'twg';
  const process = await createProcess(db, {
    slug,
    name: 'Test Working Group',
    shortName: 'TWG',
    parentBody: 'Test Assembly',
    mandate: 'Drafting in tests.',
    aliases: [],
  });
  const report = await importFile(db, new TextEncoder().encode(draftText()), {
    process: slug,
    symbol: `TWG/${slug}/1`,
    version: 'Zero draft',
    language: 'en',
    format: 'text',
  });
  const made = async (name: string, isAdmin = false) => {
    const account = await db
      .transaction()
      .execute((trx: Db) =>
        signUp(
          trx,
          { email: `${name}@example.org`, name: `${name} person`, password: builtPassword },
          { isAdmin },
        ),
      );
    return account;
  };
  const admin = await made('admin', true);
  const secretariat = await made('secretariat');
  const moderator = await made('moderator');
  const civil = await made('civil');
  const tech = await made('tech');
  const government = await made('government');
  const outsider = await made('outsider');
  await grantRole(
    db,
    { email: secretariat.email, role: 'secretariat', scopeId: process.id },
    admin.id,
  );
  await grantRole(db, { email: moderator.email, role: 'moderator', scopeId: process.id }, admin.id);
  const civilOrg = await registerOrganisation(db, asViewer(civil), {
    name: 'Open Net Collective',
    stakeholderGroup: 'civil_society',
    country: 'KEN',
  });
  const techOrg = await registerOrganisation(db, asViewer(tech), {
    name: 'Root Operators Forum',
    stakeholderGroup: 'technical_community',
    country: 'NLD',
  });
  let govOrg = await registerOrganisation(db, asViewer(government), {
    name: 'Ministry of Digital Affairs of Ruritania',
    stakeholderGroup: 'government',
    country: 'BRA',
  });
  if (options.verifyGovernment !== false)
    govOrg = await verifyOrganisation(db, operatorViewer, govOrg.id, {
      kind: 'note_verbale',
      reason: 'Note verbale TWG/2026/1 from the Permanent Mission.',
    });
  const period = await openCommentPeriod(
    db,
    operatorViewer,
    process.id,
    {
      versionId: report.ids.version,
      title: 'Written comments on the zero draft',
      description: 'Comments on any paragraph are welcome.',
      opensAt: options.opens ?? '2026-01-01T00:00',
      closesAt: options.closes ?? '2030-12-31T23:59',
      timeZone: 'UTC',
      moderation: options.moderation ?? 'review',
      ...(options.submitters ? { submitters: options.submitters } : {}),
      ...(options.individualNames ? { individualNames: options.individualNames } : {}),
    },
    options.now ?? new Date('2026-06-01T00:00:00Z'),
  );
  const pick = (a: { id: string; email: string }) => ({ id: a.id, email: a.email });
  return {
    process,
    documentId: report.ids.document,
    versionId: report.ids.version,
    period,
    accounts: {
      admin: pick(admin),
      secretariat: pick(secretariat),
      moderator: pick(moderator),
      civil: pick(civil),
      tech: pick(tech),
      government: pick(government),
      outsider: pick(outsider),
    },
    organisations: { civil: civilOrg, tech: techOrg, government: govOrg },
  };
}

/** The id of the block at this address ('para 2') in a version (any language). */
export async function paragraphBlock(
  db: Kysely<Database>,
  versionId: string,
  address: string,
): Promise<string> {
  const row = await db
    .selectFrom('blocks')
    .innerJoin('language_versions', 'language_versions.id', 'blocks.language_version_id')
    .select('blocks.id')
    .where('language_versions.version_id', '=', versionId)
    .where('blocks.address', '=', address)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A test client of `app`, signed in through the sign-in form as one of the built accounts. */
export async function signedIn(
  app: Hono<AppEnv>,
  built: BuiltConsultation,
  who: keyof BuiltConsultation['accounts'],
): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(built.accounts[who].email, builtPassword);
  return client;
}
