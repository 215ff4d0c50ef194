/**
 * Questionnaire rounds on both engines: the secretariat opens one; a verified representative of
 * an invited State's verified government saves a draft and submits (a receipt); late answers are
 * refused like late submissions and leave nothing; an answer in a language the questionnaire does
 * not have is accepted and marked; publishing turns submitted answers into registry entries.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { verifyRepresentative } from '../organisations/organisations.service.ts';
import { getCountryPractice } from './registry.service.ts';
import { getRoundStatus, openRound, publishRound, saveAnswer } from './rounds.service.ts';

async function refusal(call: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await call;
  } catch (error) {
    if (isPlenumError(error)) return { code: error.code, detail: error.detail ?? '' };
    throw error;
  }
  assert.fail('the call was not refused');
}

const six = (text: string) =>
  Object.fromEntries(['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [l, `${text} (${l})`]));

for (const engine of testEngines()) {
  describe(`questionnaire rounds (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let secretariat: Viewer;
    let roundId = '';
    const opened = new Date('2026-06-01T00:00:00Z');
    const during = new Date('2026-06-10T12:00:00Z');
    const afterClose = new Date('2026-07-01T00:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      government = representativeViewer(built, 'government');
      secretariat = {
        ...built.accounts.secretariat,
        name: 'secretariat',
        isAdmin: false,
        via: 'session',
        grants: [{ role: 'secretariat', scopeId: built.process.id }],
      };
      await verifyRepresentative(
        o.db,
        operatorViewer,
        { organisation: built.organisations.government.id, accountId: government.id },
        { kind: 'note_verbale', reason: 'Note verbale 2026/7.' },
      );
    });
    after(() => o.close());

    const inTrx = <T>(write: (db: typeof o.db) => Promise<T>) =>
      o.db.transaction().execute((trx) => write(trx));
    const counts = async () =>
      Number(
        (
          await o.db
            .selectFrom('registry_answers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const roundInput = (extra: Record<string, unknown> = {}) => ({
      title: 'Practice on the public core, 2026',
      questions: [
        {
          key: 'dns',
          kind: 'choice',
          texts: six('Do you require DNS blocking?'),
          choices: ['yes', 'no'],
        },
        { key: 'plans', texts: six('What do you plan?') },
      ],
      invited: ['BRA', 'KEN', 'NLD'],
      opensAt: '2026-06-01T09:00',
      closesAt: '2026-06-30T18:00',
      timeZone: 'Europe/Zurich',
      ...extra,
    });

    const measure = {
      title: 'Resolução sobre resolvedores',
      titleLanguage: 'pt',
      instrument: 'regulation',
      status: 'in_force',
      statusDates: { in_force: '2025-11-01' },
      elements: ['naming-numbering'],
      kinds: ['dns-obligations'],
    };

    test('only the secretariat opens a round; bad input names the field', async () => {
      assert.equal(
        (
          await refusal(
            inTrx((db) => openRound(db, government, built.process.id, roundInput(), opened)),
          )
        ).code,
        'FORBIDDEN',
      );
      for (const [extra, field] of [
        [{ invited: ['XYZ'] }, /^invited:/],
        [{ timeZone: 'Mars/Olympus' }, /^timeZone:/],
        [{ closesAt: '2026-05-01T09:00' }, /^closesAt:/],
        [{ questions: [] }, /^questions:/],
      ] as const) {
        const r = await refusal(
          inTrx((db) => openRound(db, secretariat, built.process.id, roundInput(extra), opened)),
        );
        assert.match(r.detail, field);
      }
      const round = await inTrx((db) =>
        openRound(db, secretariat, built.process.id, roundInput(), opened),
      );
      roundId = round.id;
      // 09:00 in Zurich in June is 07:00 UTC.
      assert.equal(round.opensAt, '2026-06-01T07:00:00.000Z');
      assert.deepEqual(round.languages, ['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    });

    test('an answer before the opening is refused and nothing is stored', async () => {
      const r = await refusal(
        inTrx((db) =>
          saveAnswer(
            db,
            government,
            roundId,
            { organisationId: built.organisations.government.id, language: 'pt', answers: {} },
            new Date('2026-06-01T06:00:00Z'),
          ),
        ),
      );
      assert.equal(r.code, 'ROUND_NOT_OPEN_YET');
      assert.equal(await counts(), 0);
    });

    test('only a verified representative of an invited government answers', async () => {
      const civil = representativeViewer(built, 'civil');
      const r = await refusal(
        inTrx((db) =>
          saveAnswer(
            db,
            civil,
            roundId,
            { organisationId: built.organisations.civil.id, language: 'en' },
            during,
          ),
        ),
      );
      assert.equal(r.code, 'FORBIDDEN');
      const unverified: Viewer = { ...government, id: built.accounts.outsider.id };
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              saveAnswer(
                db,
                unverified,
                roundId,
                { organisationId: built.organisations.government.id, language: 'en' },
                during,
              ),
            ),
          )
        ).code,
        'FORBIDDEN',
      );
      assert.equal(await counts(), 0);
    });

    test('a draft, then a submission with a receipt; a language the questionnaire lacks is marked', async () => {
      const draft = await inTrx((db) =>
        saveAnswer(
          db,
          government,
          roundId,
          {
            organisationId: built.organisations.government.id,
            language: 'pt-BR',
            answers: { dns: 'yes' },
          },
          during,
        ),
      );
      assert.equal(draft.status, 'draft');
      assert.equal(draft.receipt, null);
      assert.equal(draft.languageMarked, true);
      const badChoice = await refusal(
        inTrx((db) =>
          saveAnswer(
            db,
            government,
            roundId,
            {
              organisationId: built.organisations.government.id,
              language: 'en',
              answers: { dns: 'maybe' },
            },
            during,
          ),
        ),
      );
      assert.match(badChoice.detail, /^answers\.dns:/);
      const badMeasure = await refusal(
        inTrx((db) =>
          saveAnswer(
            db,
            government,
            roundId,
            {
              organisationId: built.organisations.government.id,
              language: 'en',
              measures: [
                { ...measure, source: { documentId: built.documentId, paragraphs: ['para 77'] } },
              ],
            },
            during,
          ),
        ),
      );
      assert.match(badMeasure.detail, /^measures\.0\.source\.paragraphs:/);
      const submitted = await inTrx((db) =>
        saveAnswer(
          db,
          government,
          roundId,
          {
            organisationId: built.organisations.government.id,
            language: 'es',
            answers: { dns: 'yes', plans: 'Un nuevo reglamento.' },
            measures: [
              { ...measure, source: { documentId: built.documentId, paragraphs: ['para 4'] } },
            ],
            submit: true,
          },
          during,
        ),
      );
      assert.equal(submitted.status, 'submitted');
      assert.match(submitted.receipt ?? '', /^[0-9a-f]{64}$/);
      assert.equal(submitted.languageMarked, false);
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              saveAnswer(
                db,
                government,
                roundId,
                { organisationId: built.organisations.government.id, language: 'es' },
                during,
              ),
            ),
          )
        ).code,
        'ANSWER_SUBMITTED',
      );
      const status = await getRoundStatus(o.db, secretariat, roundId, during);
      assert.deepEqual(status.submitted, ['BRA']);
      assert.deepEqual(status.missing, ['KEN', 'NLD']);
      assert.equal(
        (await refusal(getRoundStatus(o.db, government, roundId, during))).code,
        'FORBIDDEN',
      );
    });

    test('a late answer is refused like a late submission; publishing makes registry entries', async () => {
      const before = await counts();
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              saveAnswer(
                db,
                government,
                roundId,
                { organisationId: built.organisations.government.id, language: 'en' },
                afterClose,
              ),
            ),
          )
        ).code,
        'ROUND_CLOSED',
      );
      assert.equal(await counts(), before);
      assert.equal((await getCountryPractice(o.db, 'BRA')).state.length, 0);
      assert.match(
        (await refusal(inTrx((db) => publishRound(db, secretariat, roundId, during)))).detail,
        /after it closes/,
      );
      assert.equal(
        (await refusal(inTrx((db) => publishRound(db, government, roundId, afterClose)))).code,
        'FORBIDDEN',
      );
      const published = await inTrx((db) => publishRound(db, secretariat, roundId, afterClose));
      assert.equal(published.measures.length, 1);
      const practice = await getCountryPractice(o.db, 'BRA');
      assert.equal(practice.state.length, 1);
      assert.equal(practice.state[0]!.voice, 'state');
      assert.deepEqual(
        practice.state[0]!.source?.blocks.map((b) => b.address),
        ['para 4'],
      );
      assert.match(
        (await refusal(inTrx((db) => publishRound(db, secretariat, roundId, afterClose)))).detail,
        /already published/,
      );
    });
  });
}
