/**
 * The demo's registry: a questionnaire round on the illustrative process, answered by the
 * governments of three States marked fictional (user-assigned codes XDA–XDC, named "(fictional)"
 * wherever they appear), one answer carrying its legal text; the round is published, so their
 * measures fill the comparison matrix, the timeline and their State pages. No words are
 * attributed to a real State, and the 193 Member States' map and indicator stay as they were.
 */
import { grantRole, signUp } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { markFictionalState } from '../organisations/fictional-states.service.ts';
import { insertOrganisation } from '../organisations/organisations.store.ts';
import { verifyRepresentative } from '../organisations/organisations.service.ts';
import {
  checkAnswerFiles,
  openRound,
  publishRound,
  saveAnswer,
} from '../registry/rounds.service.ts';
import { demoPassword } from './demo-consultation.ts';

/** The fictional States, their names in the six languages, and what each declares. */
const states = [
  {
    iso3: 'XDA',
    names: {
      ar: 'نوردمارك',
      en: 'Nordmark',
      es: 'Nordmark',
      fr: 'Nordmark',
      ru: 'Нордмарк',
      zh: '诺德马克',
    },
    language: 'en',
    measures: [
      {
        title: 'Critical Network Resilience Act',
        titleLanguage: 'en',
        instrument: 'law',
        status: 'in_force',
        statusDates: { adopted: '2024-03-01', in_force: '2025-01-01' },
        elements: ['routing', 'transmission-media'],
        kinds: ['routing-obligations', 'incident-reporting'],
      },
      {
        title: 'Data Residency Regulation',
        titleLanguage: 'en',
        instrument: 'regulation',
        status: 'adopted',
        statusDates: { adopted: '2026-02-15' },
        elements: ['data-centres'],
        kinds: ['data-localisation'],
      },
    ],
    legalText:
      'Critical Network Resilience Act (fictional, for the plenum demo)\n\nSection 1. Operators of routing infrastructure report incidents within 24 hours.\n',
  },
  {
    iso3: 'XDB',
    names: {
      ar: 'سولفيرا',
      en: 'Solvera',
      es: 'Solvera',
      fr: 'Solvera',
      ru: 'Сольвера',
      zh: '索尔维拉',
    },
    language: 'es',
    measures: [
      {
        title: 'Ley de Resolución de Nombres de Dominio',
        titleLanguage: 'es',
        titleTranslations: { en: 'Domain Name Resolution Act' },
        instrument: 'law',
        status: 'in_force',
        statusDates: { adopted: '2023-06-01', in_force: '2023-09-01' },
        elements: ['naming-numbering'],
        kinds: ['dns-obligations'],
        reach: 'partial',
      },
    ],
  },
  {
    iso3: 'XDC',
    names: {
      ar: 'فالمونت',
      en: 'Valmont',
      es: 'Valmont',
      fr: 'Valmont',
      ru: 'Вальмон',
      zh: '瓦尔蒙',
    },
    language: 'fr',
    measures: [
      {
        title: 'Plan national de racine de confiance',
        titleLanguage: 'fr',
        titleTranslations: { en: 'National trust root plan' },
        instrument: 'plan',
        status: 'planned',
        statusDates: { planned: '2026-05-01' },
        elements: ['cryptography'],
        kinds: ['national-ca'],
      },
    ],
  },
] as const;

/** What the demo's registry holds. */
export interface DemoRegistry {
  fictionalStates: number;
  registryMeasures: number;
}

/**
 * Adds the fictional States, their governments and representatives, a round on the process
 * (opened, answered, closed and published at fixed dates in 2026, as the demo consultation is).
 */
export async function loadDemoRegistry(db: Db, processSlug = 'oewg'): Promise<DemoRegistry> {
  const at = (iso: string) => new Date(iso);
  for (const s of states)
    await markFictionalState(
      db,
      operatorViewer,
      { iso3: s.iso3, names: s.names },
      at('2026-08-01T00:00:00Z'),
    );
  const round = await openRound(
    db,
    operatorViewer,
    processSlug,
    {
      title: 'National practice on the public core, 2026 (demo, fictional States)',
      questions: [
        {
          key: 'plans',
          texts: {
            en: 'Which measures on the public core do you plan in the next two years?',
            fr: 'Quelles mesures touchant le noyau public prévoyez-vous dans les deux prochaines années ?',
            es: '¿Qué medidas sobre el núcleo público prevén en los próximos dos años?',
          },
        },
      ],
      invited: states.map((s) => s.iso3),
      opensAt: '2026-08-03T09:00',
      closesAt: '2026-09-30T18:00',
      timeZone: 'Europe/Zurich',
    },
    at('2026-08-01T00:00:00Z'),
  );
  for (const [i, s] of states.entries()) {
    const organisation = newId();
    const name = `Ministry of Digital Affairs of ${s.names.en} (fictional State)`;
    await insertOrganisation(db, {
      id: organisation,
      slug: `ministry-of-digital-affairs-of-${s.names.en.toLowerCase()}`,
      name,
      stakeholder_group: 'government',
      country: s.iso3,
      website: null,
      verified_at: '2026-08-01T00:00:00.000Z',
      verified_by: operatorViewer.id,
      verification_kind: 'letter',
      verification_reason: 'Letter of accreditation (demo).',
      created_by: 'demo',
      created_at: '2026-08-01T00:00:00.000Z',
    });
    const account = await signUp(
      db,
      {
        email: `registry-${s.iso3.toLowerCase()}@demo.plenum.example`,
        name: `Representative, ${name.replace(/ \(fictional.*\)/, '')}`,
        password: demoPassword,
      },
      { actor: 'demo' },
    );
    await grantRole(
      db,
      { email: account.email, role: 'representative', scopeId: organisation },
      'demo',
    );
    await verifyRepresentative(
      db,
      operatorViewer,
      { organisation, accountId: account.id },
      { kind: 'note_verbale', reason: 'Note verbale (demo).' },
      at('2026-08-02T00:00:00Z'),
    );
    const rep: Viewer = {
      id: account.id,
      email: account.email,
      name: account.name,
      isAdmin: false,
      grants: [{ role: 'representative', scopeId: organisation }],
      via: 'session',
    };
    const files =
      'legalText' in s
        ? await checkAnswerFiles([
            { name: `${s.iso3.toLowerCase()}-act.txt`, bytes: Buffer.from(s.legalText, 'utf8') },
          ])
        : [];
    await saveAnswer(
      db,
      rep,
      round.id,
      {
        organisationId: organisation,
        language: s.language,
        answers: { plans: `${s.names.en} (fictional) plans no further measure before 2028.` },
        measures: s.measures,
        submit: true,
      },
      at(`2026-09-${String(10 + i).padStart(2, '0')}T10:00:00Z`),
      files,
    );
  }
  const published = await publishRound(db, operatorViewer, round.id, at('2026-10-05T09:00:00Z'));
  return { fictionalStates: states.length, registryMeasures: published.measures.length };
}
