/**
 * Test fixtures made by the project: a corpus for a briefing paper on the public core of the
 * Internet in the built Test Working Group. The zero draft (English, imported today) is followed
 * by Rev.1 of 15 May 2026 in English and French, where a new paragraph 2 on the public core is
 * inserted and the old paragraph 2 becomes a changed paragraph 3. Published comments of June
 * 2026 come from two verified governments (Brazil in English, Egypt in Arabic), a government
 * that is not verified, a verified IGO, a civil-society organisation writing in French and a
 * technical-community organisation; an analyst records Kenya's support on the Chair's own text.
 * Meetings: one past (10 June), one inside the period but after "now" (25 June), one in
 * September; the comment period closes on 31 July. "Now" is 20 June 2026.
 */
import { signUp } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { Db, Engine, OpenDatabase } from '../db/database.ts';
import { drain } from '../followers.ts';
import { importFile } from '../imports/imports.service.ts';
import { createMeeting } from '../meetings/meetings.service.ts';
import {
  registerOrganisation,
  verifyOrganisation,
} from '../organisations/organisations.service.ts';
import type { StakeholderGroup } from '../organisations/organisations.schema.ts';
import { recordStance } from '../stances/stances.service.ts';
import { submitComment } from '../submissions/submissions.service.ts';

/** The instant the built paper is drafted at. */
export const briefingNow = new Date('2026-06-20T12:00:00Z');

/** What the speakers of the corpus say, as published. */
export const briefingSays = {
  brazil:
    'Brazil considers that the IT infrastructures underpinning electoral processes deserve the same protection as the public core of the Internet. We have no view on other matters.',
  egypt: 'تؤيد مصر حماية النواة العامة للإنترنت من أي ضرر متعمد. ونشكر الرئيس على جهوده.',
  atlantis:
    'Atlantis insists that the public core of the Internet is a matter for each State alone.',
  igo: 'The Office stands ready to support capacity-building. Protecting the public core of the Internet requires cooperation.',
  civil:
    "La société civile demande que le noyau public de l'Internet soit protégé par une norme. Le reste du texte nous convient.",
  tech: 'The root servers are part of the public core of the Internet and are operated by independent organisations.',
} as const;

/** Paragraphs of Rev.1 in English: a new paragraph 2, the old paragraph 2 changed as paragraph 3. */
export const rev1English = [
  'States reaffirm that international law, and in particular the Charter of the United Nations, is applicable to the use of information and communications technologies.',
  'States should not conduct or knowingly allow activity that damages the general availability or integrity of the public core of the Internet.',
  'The Group notes the importance of protecting the general availability and integrity of the public core of the Internet, without creating new obligations.',
  'States should not conduct or knowingly support activity that would harm the technical infrastructure essential to the general availability of the Internet.',
  'The Group recognises the role of the technical community in maintaining the domain name system and the root server system.',
  'Capacity-building should be demand-driven, sustainable and gender-sensitive.',
];

/** The same paragraphs of Rev.1 in French. */
export const rev1French = [
  'Les États réaffirment que le droit international, et en particulier la Charte des Nations Unies, est applicable à l’utilisation des technologies de l’information et des communications.',
  "Les États ne devraient pas mener ni sciemment permettre d'activité qui porte atteinte à la disponibilité générale ou à l'intégrité du noyau public de l'Internet.",
  "Le Groupe note l'importance de protéger la disponibilité générale et l'intégrité du noyau public de l'Internet, sans créer de nouvelles obligations.",
  'Les États ne devraient pas mener ni sciemment soutenir d’activité qui nuirait à l’infrastructure technique essentielle à la disponibilité générale de l’Internet.',
  'Le Groupe reconnaît le rôle de la communauté technique dans la gestion du système des noms de domaine et du système des serveurs racines.',
  'Le renforcement des capacités devrait répondre à la demande, être durable et tenir compte des questions de genre.',
];

/** Everything the corpus builder made. */
export interface BuiltBriefingCorpus {
  built: BuiltConsultation;
  rev1VersionId: string;
  organisations: Record<'egypt' | 'atlantis' | 'igo', { id: string; name: string }>;
}

function numbered(title: string, paragraphs: string[]): Uint8Array {
  return new TextEncoder().encode(
    `${title}\n\n${paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n\n')}\n`,
  );
}

/** Builds the corpus in a freshly migrated database, indexes and tags it. */
export async function buildBriefingCorpus(
  o: OpenDatabase,
  engine: Engine,
): Promise<BuiltBriefingCorpus> {
  const db = o.db;
  await installShippedConcepts(db);
  const built = await buildConsultation(db, {
    moderation: 'immediate',
    closes: '2026-07-31T23:59',
  });
  const rev1 = await importFile(
    db,
    numbered('Draft report of the test working group', rev1English),
    {
      process: 'twg',
      document: 'TWG/twg/1',
      version: 'Rev.1',
      date: '2026-05-15',
      language: 'en',
      format: 'text',
    },
  );
  await importFile(db, numbered('Projet de rapport du groupe de travail de test', rev1French), {
    process: 'twg',
    document: 'TWG/twg/1',
    version: 'Rev.1',
    language: 'fr',
    format: 'text',
  });

  let keys = 0;
  const speak = async (organisationId: string, accountId: string, email: string, body: string) => {
    const viewer: Viewer = {
      id: accountId,
      email,
      name: email,
      isAdmin: false,
      via: 'session',
      grants: [{ role: 'representative', scopeId: organisationId }],
    };
    await db
      .transaction()
      .execute((trx: Db) =>
        submitComment(
          trx,
          viewer,
          built.period.id,
          { organisationId, body, idempotencyKey: `briefing-corpus-${++keys}` },
          [],
          new Date('2026-06-02T10:00:00Z'),
        ),
      );
  };
  const organisation = async (
    who: string,
    input: { name: string; stakeholderGroup: StakeholderGroup; country?: string },
    verified: boolean,
  ) => {
    const account = await db.transaction().execute((trx: Db) =>
      signUp(trx, {
        email: `${who}@example.org`,
        name: `${who} person`,
        password: 'correct horse battery',
      }),
    );
    const viewer: Viewer = { ...account, isAdmin: false, grants: [], via: 'session' };
    const made = await registerOrganisation(db, viewer, input);
    if (verified)
      await verifyOrganisation(db, operatorViewer, made.id, {
        kind: 'letter',
        reason: `Letter from ${input.name} to the secretariat`,
      });
    return { id: made.id, name: made.name, account };
  };
  const egypt = await organisation(
    'egypt',
    { name: 'Permanent Mission of Egypt', stakeholderGroup: 'government', country: 'EGY' },
    true,
  );
  const atlantis = await organisation(
    'atlantis',
    {
      name: 'Ministry of Foreign Affairs of Atlantis',
      stakeholderGroup: 'government',
      country: 'ARG',
    },
    false,
  );
  const igo = await organisation(
    'igo',
    { name: 'Inter-Regional Office of Tests', stakeholderGroup: 'igo' },
    true,
  );

  const { accounts, organisations } = built;
  await speak(
    organisations.government.id,
    accounts.government.id,
    accounts.government.email,
    briefingSays.brazil,
  );
  await speak(egypt.id, egypt.account.id, egypt.account.email, briefingSays.egypt);
  await speak(atlantis.id, atlantis.account.id, atlantis.account.email, briefingSays.atlantis);
  await speak(igo.id, igo.account.id, igo.account.email, briefingSays.igo);
  await speak(organisations.civil.id, accounts.civil.id, accounts.civil.email, briefingSays.civil);
  await speak(organisations.tech.id, accounts.tech.id, accounts.tech.email, briefingSays.tech);
  await drain(db, engine);
  await tagIndexedPassages(db);

  // An analyst records Kenya's support on the Chair's own words (paragraph 2 of Rev.1, English).
  const para2 = await db
    .selectFrom('blocks')
    .innerJoin('language_versions', 'language_versions.id', 'blocks.language_version_id')
    .select('blocks.id')
    .where('language_versions.id', '=', rev1.ids.languageVersion)
    .where('blocks.address', '=', 'para 2')
    .executeTakeFirstOrThrow();
  await recordStance(
    db,
    {
      id: accounts.tech.id,
      email: accounts.tech.email,
      name: 'analyst',
      isAdmin: false,
      via: 'session',
      grants: [],
    },
    {
      source: para2.id,
      concept: 'public-core',
      stance: 'supports',
      exact: 'integrity of the public core of the Internet',
      country: 'KEN',
      saidOn: '2026-06-03',
    },
  );

  const meeting = (title: string, day: string) =>
    createMeeting(
      db,
      operatorViewer,
      built.process.id,
      {
        title,
        kind: 'formal',
        format: 'in_person',
        place: 'New York',
        startsAt: `${day}T10:00`,
        endsAt: `${day}T13:00`,
        timeZone: 'America/New_York',
      },
      new Date('2026-05-01T00:00:00Z'),
    );
  await meeting('Second substantive session', '2026-06-10');
  await meeting('Informal consultation on the public core', '2026-06-25');
  await meeting('Third substantive session', '2026-09-14');
  return {
    built,
    rev1VersionId: rev1.ids.version,
    organisations: {
      egypt: { id: egypt.id, name: egypt.name },
      atlantis: { id: atlantis.id, name: atlantis.name },
      igo: { id: igo.id, name: igo.name },
    },
  };
}
