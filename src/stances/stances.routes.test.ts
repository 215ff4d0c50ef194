import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { createApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import { drain } from '../followers.ts';
import {
  buildConsultation,
  signedIn,
  draftText,
  paragraphBlock,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import { submitComment } from '../submissions/submissions.service.ts';

const civilBody =
  'Open Net Collective supports the protection of the public core of the Internet,\nprovided that the technical community keeps its role in the domain name system.';
const governmentBody =
  'The Ministry is of the view that the public core of the Internet should be protected by binding rules agreed among States.';

async function stanceCount(o: OpenDatabase): Promise<number> {
  const row = await o.db
    .selectFrom('stances')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const engine of testEngines()) {
  describe(`stances (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let civilSubmission = '';
    let governmentSubmission = '';
    let para2 = '';
    let privateBlock = '';
    const as = (who: keyof BuiltConsultation['accounts']) => signedIn(app, built, who);
    const viewerOf = (who: 'civil' | 'government', organisationId: string): Viewer => ({
      id: built.accounts[who].id,
      email: built.accounts[who].email,
      name: who,
      isAdmin: false,
      via: 'session',
      grants: [{ role: 'representative', scopeId: organisationId }],
    });

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      const now = new Date('2026-06-01T12:00:00Z');
      const submit = (who: 'civil' | 'government', body: string) => {
        const org = built.organisations[who];
        return o.db
          .transaction()
          .execute((trx) =>
            submitComment(
              trx,
              viewerOf(who, org.id),
              built.period.id,
              { organisationId: org.id, body, idempotencyKey: `stance-test-${who}` },
              [],
              now,
            ),
          );
      };
      civilSubmission = (await submit('civil', civilBody)).submissionId;
      governmentSubmission = (await submit('government', governmentBody)).submissionId;
      para2 = await paragraphBlock(o.db, built.versionId, 'para 2');
      const hidden = await importFile(
        o.db,
        new TextEncoder().encode(draftText(['A paragraph still in preparation.'], 'Private draft')),
        { process: 'twg', symbol: 'TWG/PRIVATE/1', language: 'en', format: 'text', private: true },
      );
      const hiddenBlock = await o.db
        .selectFrom('blocks')
        .select('id')
        .where('language_version_id', '=', hidden.ids.languageVersion)
        .where('address', '=', 'para 1')
        .executeTakeFirstOrThrow();
      privateBlock = hiddenBlock.id;
      await drain(o.db, engine);
      app = createApp({ db: o.db, engine });
    });
    after(async () => o.close());

    test('recording a stance needs an account; the form shows the passage', async () => {
      assert.equal((await app.request(`/stances/new?source=${civilSubmission}`)).status, 401);
      const civil = await as('civil');
      const res = await civil.get(`/stances/new?source=${civilSubmission}&concept=public-core`);
      assert.equal(res.status, 200);
      const page = await res.text();
      assert.match(page, /Open Net Collective supports the protection/);
      assert.match(page, /<option value="public-core" selected>/);
      const submissionPage = await (await civil.get(`/submissions/${civilSubmission}`)).text();
      assert.match(submissionPage, new RegExp(`href="/stances/new\\?source=${civilSubmission}"`));
    });

    test('a quote that is not in the passage is refused with the form kept, and nothing is stored', async () => {
      const civil = await as('civil');
      const res = await civil.post('/stances', {
        source: civilSubmission,
        concept: 'public-core',
        stance: 'supports',
        exact: 'the public core must be abolished',
        note: 'kept note',
        _page: `/stances/new?source=${civilSubmission}`,
      });
      assert.equal(res.status, 422);
      const page = await res.text();
      assert.match(page, /The quoted words are not in the passage/);
      assert.match(page, /kept note/);
      assert.equal(await stanceCount(o), 0);
    });

    test('a stance from a submission: the quote is the exact source text even when pasted with other line breaks', async () => {
      const civil = await as('civil');
      const res = await civil.post('/stances', {
        source: civilSubmission,
        concept: 'public-core',
        stance: 'conditional',
        exact:
          'supports the protection of the public core of the Internet, provided that the technical community',
        saidOn: '2026-05-30',
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/concepts/public-core#stances');
      const row = await o.db.selectFrom('stances').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.exact, civilBody.slice(Number(row.start), Number(row.end)));
      assert.match(
        row.exact,
        /Internet,\nprovided/,
        'the line break of the source, not of the paste',
      );
      assert.equal(row.stakeholder_group, 'civil_society');
      assert.equal(row.said_on, '2026-05-30');
    });

    test('a stance from a paragraph needs an actor; a state by its code; the state page shows it', async () => {
      const analyst = await as('tech');
      const noActor = await analyst.post('/stances', {
        source: para2,
        concept: 'public-core',
        stance: 'supports',
        exact: 'public core of the Internet',
      });
      assert.equal(noActor.status, 400);
      assert.match(await noActor.text(), /Name the actor/);
      const badState = await analyst.post('/stances', {
        source: para2,
        concept: 'public-core',
        stance: 'supports',
        exact: 'public core of the Internet',
        country: 'XYZ',
      });
      assert.equal(badState.status, 400);
      const ok = await analyst.post('/stances', {
        source: para2,
        concept: 'dns',
        stance: 'neutral',
        exact: 'general availability and integrity',
        country: 'ken',
        note: '<script>window.hacked = 1</script>',
      });
      assert.equal(ok.status, 303);
      const government = await as('government');
      assert.equal(
        (
          await government.post('/stances', {
            source: governmentSubmission,
            concept: 'public-core',
            stance: 'supports',
            exact: 'should be protected by binding rules agreed among States',
          })
        ).status,
        303,
      );
      const kenya = await (await app.request('/countries/KEN')).text();
      assert.match(kenya, /Kenya/);
      assert.match(kenya, /general availability and integrity/);
      assert.doesNotMatch(kenya, /<script>window.hacked/);
      const brazil = await (await app.request('/countries/bra')).text();
      assert.match(brazil, /binding rules agreed among States/, 'the stance of its government');
      assert.match(brazil, /Ministry of Digital Affairs of Ruritania/, 'and its submission');
      assert.equal((await app.request('/countries/XYZ')).status, 404);
    });

    test('a stance dated in the future, and an identical duplicate, are refused with a message (issue 19)', async () => {
      const analyst = await as('tech');
      const before = await stanceCount(o);
      const future = await analyst.post('/stances', {
        source: para2,
        concept: 'dns',
        stance: 'supports',
        exact: 'general availability and integrity',
        country: 'BRA',
        saidOn: '2031-01-01',
        _page: `/stances/new?source=${para2}`,
      });
      assert.equal(future.status, 400);
      const futurePage = await future.text();
      assert.match(futurePage, /cannot be dated in the future/);
      assert.match(futurePage, /2031-01-01/, 'the typed date is kept');
      const again = await analyst.post('/stances', {
        source: para2,
        concept: 'dns',
        stance: 'neutral',
        exact: 'general availability and integrity',
        country: 'KEN',
        _page: `/stances/new?source=${para2}`,
      });
      assert.equal(again.status, 400);
      assert.match(await again.text(), /This stance is already recorded/);
      assert.equal(await stanceCount(o), before, 'nothing was stored');
    });

    test('the concept page draws the stance map as SVG with a table beside it, in English and Arabic', async () => {
      const page = await (await app.request('/concepts/public-core')).text();
      assert.match(page, /<svg [^>]*role="img" aria-labelledby="stance-map-title stance-map-desc"/);
      assert.match(
        page,
        /<title id="stance-map-title">Stance map: Public core of the Internet<\/title>/,
      );
      assert.match(
        page,
        /3 stances by 3 actors/,
        'the DNS stance counts: the DNS is under the public core',
      );
      assert.match(page, /<caption>Every recorded stance, oldest first<\/caption>/);
      assert.match(page, /Open Net Collective<\/a><\/td>/);
      assert.match(page, /supports with conditions/);
      const arabic = await (
        await app.request('/concepts/public-core', { headers: { 'accept-language': 'ar' } })
      ).text();
      assert.match(
        arabic,
        /<title id="stance-map-title">خريطة المواقف: النواة العامة للإنترنت<\/title>/,
      );
      assert.match(arabic, /تؤيد بشروط/);
    });

    test('a paragraph of a draft in preparation cannot be quoted', async () => {
      const analyst = await as('tech');
      assert.equal((await analyst.get(`/stances/new?source=${privateBlock}`)).status, 404);
      const res = await analyst.post('/stances', {
        source: privateBlock,
        concept: 'public-core',
        stance: 'supports',
        exact: 'still in preparation',
        country: 'KEN',
      });
      assert.equal(res.status, 404);
      assert.equal(await stanceCount(o), 3);
    });

    test("the API records a stance with a token and lists a state's stances", async () => {
      const token = await createApiToken(
        o.db,
        viewerOf('civil', built.organisations.civil.id),
        'test',
      );
      const res = await app.request('/api/stances', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          source: para2,
          concept: 'public-core',
          stance: 'opposes',
          exact: 'public core',
          country: 'NLD',
        }),
      });
      assert.equal(res.status, 201);
      const stance = (await res.json()) as { quote: { exact: string; address: string } };
      assert.equal(stance.quote.exact, 'public core');
      assert.equal(stance.quote.address, 'para 2');
      const listed = (await (await app.request('/api/countries/NLD/stances')).json()) as {
        stances: { stance: string }[];
      };
      assert.deepEqual(
        listed.stances.map((s) => s.stance),
        ['opposes'],
      );
    });

    test('a stance is removed by whoever recorded it or an administrator, not by others', async () => {
      const row = await o.db
        .selectFrom('stances')
        .select('id')
        .where('country', '=', 'NLD')
        .executeTakeFirstOrThrow();
      const other = await as('government');
      assert.equal((await other.post(`/stances/${row.id}/delete`, {})).status, 403);
      const page = await (await other.get('/concepts/public-core')).text();
      assert.doesNotMatch(page, new RegExp(`/stances/${row.id}/delete`), 'no button for others');
      const admin = await as('admin');
      const res = await admin.post(`/stances/${row.id}/delete`, {});
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/concepts/public-core#stances');
      assert.equal(await stanceCount(o), 3);
      assert.equal((await admin.post(`/stances/${row.id}/delete`, {})).status, 404);
    });

    test('every recorded quote is the exact text of its source', async () => {
      const rows = await o.db.selectFrom('stances').selectAll().execute();
      assert.equal(rows.length, 3);
      for (const row of rows) {
        const source = await o.db
          .selectFrom('search_items')
          .select('text')
          .where('source_id', '=', row.source_id)
          .executeTakeFirstOrThrow();
        assert.equal(source.text.slice(Number(row.start), Number(row.end)), row.exact);
        assert.ok(source.text.includes(row.prefix + row.exact + row.suffix));
      }
    });
  });
}
