/**
 * The registry's service on both engines: terms (shipped, edited by administrators), measures
 * recorded and revised as versions, the registry read at past instants, the matrix and its
 * fragmentation indicator, and the bad input and trust rules of issue 16.
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
import { listEventsFor } from '../events/events.store.ts';
import { verifyRepresentative } from '../organisations/organisations.service.ts';
import {
  getCountryPractice,
  getMatrix,
  getMeasure,
  getTerms,
  listMeasures,
  parseAt,
  recordMeasure,
  reviseMeasure,
  saveTerm,
} from './registry.service.ts';

/** A measure's input as Brazil's ministry would give it. */
function brazilLaw(built: BuiltConsultation, extra: Record<string, unknown> = {}) {
  return {
    country: 'BRA',
    title: 'Lei de infraestrutura crítica da Internet',
    titleLanguage: 'pt',
    titleTranslations: { en: 'Critical Internet infrastructure act' },
    instrument: 'law',
    status: 'adopted',
    statusDates: { adopted: '2026-03-01' },
    elements: ['naming-numbering'],
    kinds: ['national-root'],
    reach: 'none',
    source: { documentId: built.documentId, paragraphs: ['para 2', '4'] },
    organisationId: built.organisations.government.id,
    asState: true,
    ...extra,
  };
}

/** The code and message of what a call refused, for assertions. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await call;
  } catch (error) {
    if (isPlenumError(error)) return { code: error.code, detail: error.detail ?? '' };
    throw error;
  }
  assert.fail('the call was not refused');
}

for (const engine of testEngines()) {
  describe(`registry service (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let civil: Viewer;
    const t1 = new Date('2026-04-01T10:00:00Z');
    const t2 = new Date('2026-05-01T10:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      government = representativeViewer(built, 'government');
      civil = representativeViewer(built, 'civil');
      await verifyRepresentative(
        o.db,
        operatorViewer,
        { organisation: built.organisations.government.id, accountId: government.id },
        { kind: 'note_verbale', reason: 'Note verbale 2026/7 from the Permanent Mission.' },
      );
    });
    after(() => o.close());

    /** Counts of the registry's rows, to prove a refusal left them as they were. */
    async function counts() {
      const [m, v, e] = await Promise.all([
        o.db
          .selectFrom('registry_measures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        o.db
          .selectFrom('registry_measure_versions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        o.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return [Number(m.n), Number(v.n), Number(e.n)];
    }

    /** Runs a write in a transaction, as routes do, so that a refusal rolls everything back. */
    function inTrx<T>(write: (db: typeof o.db) => Promise<T>): Promise<T> {
      return o.db.transaction().execute((trx) => write(trx));
    }

    test('the shipped elements and kinds come with six languages and concepts', async () => {
      const terms = await getTerms(o.db);
      const elements = terms.filter((t) => t.type === 'element').map((t) => t.slug);
      assert.deepEqual(elements.slice(0, 4), [
        'routing',
        'naming-numbering',
        'cryptography',
        'transmission-media',
      ]);
      assert.ok(
        terms.some((t) => t.slug === 'data-localisation' && t.type === 'kind' && t.fragmenting),
      );
      for (const t of terms)
        for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
          assert.ok(t.texts[l].name.length > 0, `${t.slug} has a name in ${l}`);
          assert.ok(t.texts[l].definition.length > 0, `${t.slug} has a definition in ${l}`);
        }
      assert.equal(terms.find((t) => t.slug === 'national-root')?.conceptSlug, 'root-servers');
    });

    test('an administrator edits a term and adds one; anyone else is refused', async () => {
      const texts = Object.fromEntries(
        ['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [
          l,
          { name: `Satellites ${l}`, definition: `Orbit ${l}` },
        ]),
      );
      const admin: Viewer = { ...operatorViewer, id: built.accounts.admin.id, isAdmin: true };
      assert.equal(
        (
          await refusal(
            inTrx((db) => saveTerm(db, civil, 'satellites', { type: 'element', texts })),
          )
        ).code,
        'FORBIDDEN',
      );
      const missing = await refusal(
        inTrx((db) =>
          saveTerm(db, admin, 'satellites', {
            type: 'element',
            texts: { ...texts, ru: undefined },
          }),
        ),
      );
      assert.match(missing.detail, /texts\.ru/);
      const unknownConcept = await refusal(
        inTrx((db) =>
          saveTerm(db, admin, 'satellites', { type: 'element', texts, conceptSlug: 'no-such' }),
        ),
      );
      assert.match(unknownConcept.detail, /^conceptSlug:/);
      await inTrx((db) =>
        saveTerm(db, admin, 'satellites', { type: 'element', texts, conceptSlug: 'public-core' }),
      );
      const edited = { ...texts, en: { name: 'Routing (edited)', definition: 'As edited.' } };
      await inTrx((db) => saveTerm(db, admin, 'routing', { type: 'element', texts: edited }));
      const terms = await getTerms(o.db);
      assert.equal(terms.find((t) => t.slug === 'routing')?.texts.en.name, 'Routing (edited)');
      assert.equal(terms.find((t) => t.slug === 'routing')?.position, 0);
      assert.equal(terms.find((t) => t.slug === 'satellites')?.conceptSlug, 'public-core');
      const wrongType = await refusal(
        inTrx((db) => saveTerm(db, admin, 'routing', { type: 'kind', texts })),
      );
      assert.match(wrongType.detail, /^type:/);
    });

    test("a verified representative of the State's verified government states its practice", async () => {
      const measure = await inTrx((db) => recordMeasure(db, government, brazilLaw(built), t1));
      assert.equal(measure.voice, 'state');
      assert.equal(measure.version, 1);
      assert.deepEqual(
        measure.source?.blocks.map((b) => b.address),
        ['para 2', 'para 4'],
      );
      const events = await listEventsFor(o.db, 'registry_measure', measure.id);
      assert.deepEqual(
        events.map((e) => e.action),
        ['registry.measure_recorded'],
      );
    });

    test("anyone else's record is a report, and claiming the State's word is refused", async () => {
      const before = await counts();
      const claim = await refusal(
        inTrx((db) =>
          recordMeasure(
            db,
            civil,
            brazilLaw(built, { organisationId: built.organisations.civil.id }),
            t1,
          ),
        ),
      );
      assert.equal(claim.code, 'FORBIDDEN');
      assert.match(claim.detail, /^asState:/);
      // A representative of Brazil's government who is not verified (here: another account given the role).
      const unverified: Viewer = { ...government, id: built.accounts.outsider.id };
      assert.equal(
        (await refusal(inTrx((db) => recordMeasure(db, unverified, brazilLaw(built), t1)))).code,
        'FORBIDDEN',
      );
      // The verified Brazilian representative cannot state another State's practice.
      const other = await refusal(
        inTrx((db) => recordMeasure(db, government, brazilLaw(built, { country: 'ARG' }), t1)),
      );
      assert.match(other.detail, /^asState:.*ARG/);
      // Speaking for an organisation one does not represent.
      const borrowed = await refusal(
        inTrx((db) => recordMeasure(db, civil, brazilLaw(built, { asState: false }), t1)),
      );
      assert.match(borrowed.detail, /^organisationId:/);
      assert.deepEqual(await counts(), before);
      const report = await inTrx((db) =>
        recordMeasure(
          db,
          civil,
          brazilLaw(built, {
            organisationId: built.organisations.civil.id,
            asState: false,
            kinds: ['data-localisation'],
          }),
          t1,
        ),
      );
      assert.equal(report.voice, 'reported');
      const practice = await getCountryPractice(o.db, 'bra');
      assert.equal(practice.state.length, 1);
      assert.ok(practice.reported.some((m) => m.id === report.id));
      assert.ok(!practice.state.some((m) => m.id === report.id));
    });

    test('bad input is refused with the field named, and nothing is written', async () => {
      const before = await counts();
      const cases: [Record<string, unknown>, RegExp][] = [
        [
          { source: { documentId: built.documentId, paragraphs: ['para 99'] } },
          /^source\.paragraphs: "para 99" is not a paragraph/,
        ],
        [
          {
            source: { documentId: '0190a000-0000-7000-8000-000000000000', paragraphs: ['para 1'] },
          },
          /^source\.documentId:/,
        ],
        [{ country: 'XYZ' }, /^country:/],
        [{ country: 'B1' }, /^country:/],
        [{ elements: ['the-moon'] }, /^elements: "the-moon"/],
        [{ kinds: ['tax'] }, /^kinds: "tax"/],
        [{ elements: [] }, /^elements:/],
        [{ instrument: 'edict' }, /^instrument:/],
        [{ status: 'in_force', statusDates: { adopted: '2026-03-01' } }, /^statusDates\.in_force:/],
        [{ statusDates: { adopted: '2026-02-30' } }, /^statusDates\.adopted:/],
        [{ title: '   ' }, /^title:/],
        [{ titleLanguage: 'not a tag' }, /^titleLanguage:/],
        [{ reach: 'galactic' }, /^reach:/],
        [{ organisationId: 'nobody-at-all' }, /^organisationId:/],
      ];
      for (const [extra, expected] of cases) {
        const r = await refusal(
          inTrx((db) => recordMeasure(db, government, brazilLaw(built, extra), t1)),
        );
        assert.equal(r.code, 'INVALID_REQUEST', JSON.stringify(extra));
        assert.match(r.detail, expected, JSON.stringify(extra));
      }
      assert.equal(
        (await refusal(inTrx((db) => recordMeasure(db, null, brazilLaw(built), t1)))).code,
        'SIGN_IN_REQUIRED',
      );
      const unverifiedEmail = { ...government, unverified: true };
      assert.equal(
        (await refusal(inTrx((db) => recordMeasure(db, unverifiedEmail, brazilLaw(built), t1))))
          .code,
        'EMAIL_UNVERIFIED',
      );
      assert.deepEqual(await counts(), before);
    });

    test('a revision is a new version; the old one stays readable at its date', async () => {
      const first = await inTrx((db) =>
        recordMeasure(
          db,
          government,
          brazilLaw(built, {
            title: 'Decreto de localização de dados',
            elements: ['routing'],
            kinds: ['data-localisation'],
          }),
          t1,
        ),
      );
      const second = await inTrx((db) =>
        reviseMeasure(
          db,
          government,
          first.id,
          brazilLaw(built, {
            title: 'Decreto de localização de dados',
            elements: ['routing'],
            kinds: ['data-localisation'],
            status: 'in_force',
            statusDates: { adopted: '2026-03-01', in_force: '2026-04-20' },
          }),
          t2,
        ),
      );
      assert.equal(second.version, 2);
      const now = await getMeasure(o.db, first.id);
      assert.equal(now.measure.status, 'in_force');
      assert.deepEqual(
        now.history.map((v) => v.version),
        [1, 2],
      );
      const then = await getMeasure(o.db, first.id, parseAt('2026-04-15'));
      assert.equal(then.measure.status, 'adopted');
      assert.equal(then.measure.version, 1);
      assert.equal(then.measure.latestVersion, 2);
      assert.equal(
        (await refusal(getMeasure(o.db, first.id, parseAt('2026-01-01')))).code,
        'MEASURE_NOT_FOUND',
      );
      const practiceThen = await getCountryPractice(o.db, 'BRA', '2026-04-15');
      assert.equal(practiceThen.state.find((m) => m.id === first.id)?.status, 'adopted');
      const practiceNow = await getCountryPractice(o.db, 'BRA');
      assert.equal(practiceNow.state.find((m) => m.id === first.id)?.status, 'in_force');
      assert.equal((await getCountryPractice(o.db, 'BRA', '2026-03-01')).state.length, 0);
      // Someone else may not revise it; a stale version is refused; the country never changes.
      assert.equal(
        (await refusal(inTrx((db) => reviseMeasure(db, civil, first.id, brazilLaw(built), t2))))
          .code,
        'FORBIDDEN',
      );
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              reviseMeasure(
                db,
                government,
                first.id,
                { ...brazilLaw(built), expectedVersion: 1 },
                t2,
              ),
            ),
          )
        ).code,
        'MEASURE_CONFLICT',
      );
      const moved = await refusal(
        inTrx((db) =>
          reviseMeasure(
            db,
            government,
            first.id,
            brazilLaw(built, { country: 'ARG', asState: false }),
            t2,
          ),
        ),
      );
      assert.match(moved.detail, /^country:/);
      assert.equal(
        (
          await refusal(
            inTrx((db) => reviseMeasure(db, government, 'not-an-id', brazilLaw(built), t2)),
          )
        ).code,
        'MEASURE_NOT_FOUND',
      );
      assert.equal((await getMeasure(o.db, first.id)).history.length, 2);
    });

    test('the at= parameter takes a date or an instant and names itself otherwise', async () => {
      assert.equal(parseAt('2026-04-15'), '2026-04-15T23:59:59.999Z');
      assert.equal(parseAt('2026-04-15T10:00:00+02:00'), '2026-04-15T08:00:00.000Z');
      assert.equal(parseAt(''), undefined);
      for (const bad of ['yesterday', '2026-02-30', '2026-13-01T00:00:00Z'])
        assert.throws(
          () => parseAt(bad),
          (e: unknown) => isPlenumError(e) && (e.detail ?? '').startsWith('at:'),
        );
    });

    test('lists filter by region, element, kind, status and voice', async () => {
      const all = await listMeasures(o.db, {});
      assert.ok(all.length >= 3);
      assert.equal((await listMeasures(o.db, { region: 'african' })).length, 0);
      const grulac = await listMeasures(o.db, { region: 'latin-american-caribbean' });
      assert.equal(grulac.length, all.length);
      assert.ok(
        (await listMeasures(o.db, { element: 'routing' })).every((m) =>
          m.elements.includes('routing'),
        ),
      );
      assert.ok(
        (await listMeasures(o.db, { kind: 'national-root' })).every((m) =>
          m.kinds.includes('national-root'),
        ),
      );
      assert.ok(
        (await listMeasures(o.db, { status: 'in_force' })).every((m) => m.status === 'in_force'),
      );
      assert.ok(
        (await listMeasures(o.db, { voice: 'reported' })).every((m) => m.voice === 'reported'),
      );
      assert.match((await refusal(listMeasures(o.db, { status: 'rumoured' }))).detail, /^status:/);
    });

    test('the matrix puts measures in cells and computes the indicator from its inputs', async () => {
      const matrix = await getMatrix(o.db, {});
      const brazil = matrix.rows.find((r) => r.country === 'BRA');
      assert.ok(brazil);
      assert.equal(
        brazil.cells['naming-numbering']?.total,
        (await listMeasures(o.db, { element: 'naming-numbering', country: 'BRA' })).length,
      );
      const figure = matrix.fragmentation.find(
        (f) => f.element === 'naming-numbering' && f.region === 'latin-american-caribbean',
      );
      assert.ok(figure);
      assert.equal(figure.states, 33);
      assert.deepEqual(figure.fragmenting, ['BRA']);
      assert.equal(figure.share, 1 / 33);
      const african = matrix.fragmentation.find(
        (f) => f.element === 'naming-numbering' && f.region === 'african',
      );
      assert.equal(african?.share, 0);
      // Before anything was recorded, nothing fragments.
      const empty = await getMatrix(o.db, { at: '2026-01-01' });
      assert.equal(empty.rows.length, 0);
      assert.ok(empty.fragmentation.every((f) => f.share === 0));
      // A planned measure does not count: only adopted, in force or amended ones do.
      const planned = await getMatrix(o.db, { status: 'planned' });
      assert.ok(planned.fragmentation.every((f) => f.fragmenting.length === 0));
    });

    test('the kept counts and spans give what reading every version gives, now and at past dates', async () => {
      // Revise a measure twice (status and elements change), so that spans close and counts move.
      const first = (await listMeasures(o.db, { country: 'BRA', voice: 'state' }))[0];
      assert.ok(first);
      const later = new Date('2026-06-01T10:00:00Z');
      const revised = await inTrx((db) =>
        reviseMeasure(
          db,
          government,
          first.id,
          brazilLaw(built, {
            title: first.title,
            status: 'repealed',
            statusDates: { adopted: '2026-03-01', repealed: '2026-05-30' },
            elements: ['routing', 'cryptography'],
            kinds: ['national-root', 'data-localisation'],
          }),
          later,
        ),
      );
      assert.equal(revised.version, first.version + 1);
      // Reports by others on the same cells, another State's in between: a cell's two voices are
      // not side by side in the store (PostgreSQL returns rows in no set order).
      for (const country of ['ARG', 'BRA'])
        await inTrx((db) =>
          recordMeasure(
            db,
            civil,
            brazilLaw(built, {
              country,
              organisationId: built.organisations.civil.id,
              asState: false,
              elements: ['routing', 'cryptography'],
            }),
            later,
          ),
        );
      const instants = [
        undefined,
        first.recordedAt,
        new Date(later.getTime() - 1).toISOString(),
        later.toISOString(),
      ];
      for (const at of instants)
        for (const filter of [{}, { kind: 'national-root' }, { voice: 'state' as const }]) {
          const matrix = await getMatrix(o.db, { ...filter, at });
          const measures = await listMeasures(o.db, { ...filter, at });
          const expected = new Map<string, number>();
          for (const m of measures)
            for (const e of m.elements)
              expected.set(`${m.country} ${e}`, (expected.get(`${m.country} ${e}`) ?? 0) + 1);
          const got = new Map<string, number>();
          for (const row of matrix.rows)
            for (const [e, cell] of Object.entries(row.cells))
              got.set(`${row.country} ${e}`, cell.total);
          assert.deepEqual(
            [...got].toSorted(),
            [...expected].toSorted(),
            `matrix at ${at ?? 'now'} with ${JSON.stringify(filter)}`,
          );
        }
    });
  });
}
