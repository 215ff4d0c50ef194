/**
 * The registry's own pages judge whose word a measure is when they are read (issue 16, point 2),
 * on both engines: a measure stated by a verified representative of a State's verified government
 * is shown as the State's own word only while both verifications stand; once the secretariat
 * revokes the representative (or the government), the list, the measure page with its history,
 * the State's page, the CSV and the API show it as reported, and a voice filter follows. The
 * matrix and map count from kept counts: the registry-voices follower moves them when the
 * verification changes, now and at a past date alike, and back when it is given again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import {
  revokeRepresentative,
  verifyRepresentative,
} from '../organisations/organisations.service.ts';
import { drain } from '../followers.ts';
import { recordMeasure } from './registry.service.ts';

const now = new Date('2026-06-01T12:00:00Z');

for (const engine of testEngines()) {
  describe(`the registry's pages judge the voice as they are read (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let government: Viewer;
    let measureId = '';
    const page = (path: string) => app.request(path, { headers: { 'accept-language': 'en' } });
    const voiceIn = (html: string) =>
      /<span class="state-word">/.test(html)
        ? 'state'
        : /<span class="unverified">/.test(html)
          ? 'reported'
          : 'none';

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => now });
      government = representativeViewer(built, 'government');
      await verifyRepresentative(
        o.db,
        operatorViewer,
        { organisation: built.organisations.government.id, accountId: government.id },
        { kind: 'email_domain', reason: 'itamaraty.example' },
      );
      const measure = await o.db.transaction().execute((trx) =>
        recordMeasure(
          trx,
          government,
          {
            country: 'BRA',
            title: 'Lei da raiz nacional',
            titleLanguage: 'pt',
            instrument: 'law',
            status: 'adopted',
            statusDates: { adopted: '2026-03-01' },
            elements: ['naming-numbering'],
            kinds: ['national-root'],
            organisationId: built.organisations.government.id,
            asState: true,
          },
          new Date('2026-04-01T00:00:00Z'),
        ),
      );
      measureId = measure.id;
    });
    after(() => o.close());

    const everywhere = async () => {
      const list = await (await page('/registry')).text();
      const stateOnly = await (await page('/registry?voice=state')).text();
      const reportedOnly = await (await page('/registry?voice=reported')).text();
      const measure = await (await page(`/registry/measures/${measureId}`)).text();
      const country = await (await page('/registry/countries/BRA')).text();
      const csv = await (await page('/registry.csv')).text();
      const api = (await (await page(`/api/registry/measures/${measureId}`)).json()) as {
        measure: { voice: string };
        history: { voice: string }[];
      };
      const apiList = (await (await page('/api/registry/measures?country=BRA')).json()) as {
        measures: { voice: string }[];
      };
      const stateSection = country.slice(
        country.indexOf('<h2>Stated by the State’s government'),
        country.indexOf('<h2>Reported by others'),
      );
      await drain(o.db, engine);
      const mapCategory = async (query: string) => {
        const map = (await (
          await page(`/api/registry/map?element=naming-numbering&${query}`)
        ).json()) as { states: { country: string; category: string }[] };
        return map.states.find((s) => s.country === 'BRA')!.category;
      };
      const matrix = (await (await page('/api/registry/matrix')).json()) as {
        rows: { country: string; cells: Record<string, { total: number; reported: number }> }[];
      };
      const cell = matrix.rows.find((r) => r.country === 'BRA')!.cells['naming-numbering']!;
      return {
        mapState: await mapCategory('voice=state'),
        mapReported: await mapCategory('voice=reported'),
        mapStateAtPastDate: await mapCategory('voice=state&at=2026-05-01'),
        matrixCell: `${cell.total} measure, ${cell.reported} reported`,
        list: voiceIn(list),
        stateFilterListsIt: stateOnly.includes(measureId),
        reportedFilterListsIt: reportedOnly.includes(measureId),
        measure: voiceIn(measure),
        countryStateSectionListsIt: stateSection.includes(measureId),
        csv: csv.split('\r\n')[1]!.includes(',state,') ? 'state' : 'reported',
        api: api.measure.voice,
        apiHistory: api.history.map((v) => v.voice).join(','),
        apiList: apiList.measures.map((m) => m.voice).join(','),
      };
    };

    test('the State’s own word while the government and its representative stay verified', async () => {
      assert.deepEqual(await everywhere(), {
        mapState: 'fragmenting',
        mapReported: 'none',
        mapStateAtPastDate: 'fragmenting',
        matrixCell: '1 measure, 0 reported',
        list: 'state',
        stateFilterListsIt: true,
        reportedFilterListsIt: false,
        measure: 'state',
        countryStateSectionListsIt: true,
        csv: 'state',
        api: 'state',
        apiHistory: 'state',
        apiList: 'state',
      });
    });

    test('reported everywhere once the representative’s verification is revoked', async () => {
      await o.db
        .transaction()
        .execute((trx) =>
          revokeRepresentative(
            trx,
            operatorViewer,
            { organisation: built.organisations.government.id, accountId: government.id },
            { reason: 'Left the ministry.' },
          ),
        );
      assert.deepEqual(await everywhere(), {
        mapState: 'none',
        mapReported: 'fragmenting',
        mapStateAtPastDate: 'none',
        matrixCell: '1 measure, 1 reported',
        list: 'reported',
        stateFilterListsIt: false,
        reportedFilterListsIt: true,
        measure: 'reported',
        countryStateSectionListsIt: false,
        csv: 'reported',
        api: 'reported',
        apiHistory: 'reported',
        apiList: 'reported',
      });
    });

    test('the State’s own word again, counts included, once the representative is verified again', async () => {
      await verifyRepresentative(
        o.db,
        operatorViewer,
        { organisation: built.organisations.government.id, accountId: government.id },
        { kind: 'email_domain', reason: 'Back at the ministry.' },
      );
      const seen = await everywhere();
      assert.deepEqual(
        [
          seen.mapState,
          seen.mapReported,
          seen.mapStateAtPastDate,
          seen.matrixCell,
          seen.list,
          seen.api,
        ],
        ['fragmenting', 'none', 'fragmenting', '1 measure, 0 reported', 'state', 'state'],
      );
    });
  });
}
