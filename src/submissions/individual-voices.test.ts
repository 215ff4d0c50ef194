/**
 * Individuals through the submission form: a person submits in their own name (with an
 * affiliation) or anonymously where the period allows it, and a period's rules refuse the others
 * with the typed text kept. An anonymous submitter's name and e-mail appear nowhere public: the
 * period and document pages, the submission's page, the CSV and JSON exports, the Atom feeds, the
 * API and search; the process's moderators alone read who wrote it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { signUp } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  builtPassword,
  paragraphBlock,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { openCommentPeriod } from '../consultations/consultations.service.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { drain } from '../followers.ts';
import { TestClient } from '../test-client.ts';

const hidden = { name: 'Zephyrine Okonkwo-Vasquez', email: 'zephyrine.hidden@example.net' };
const named = { name: 'Bartholomew Ngata', email: 'bartholomew@example.net' };
/** Words of the anonymous comment, found by search: the check that search reads it at all. */
const anonymousWords =
  'Quarantine of misconfigured resolvers should follow a published and appealable procedure.';
const namedWords = 'Interoperability of registries deserves a paragraph of its own.';
const affiliation = 'University of Lagos (as a researcher)';

/** Everything public that could name a submitter, as an anonymous reader gets it. */
const publicSurfaces = (periodId: string, documentId: string, submissionId: string) => [
  `/consultations/${periodId}`,
  `/documents/${documentId}/v/1/en?comments=${encodeURIComponent('para 2')}`,
  `/submissions/${submissionId}`,
  `/consultations/${periodId}/submissions.csv`,
  `/consultations/${periodId}/submissions.json`,
  `/consultations/${periodId}/feed.atom`,
  '/processes/twg/feed.atom',
  `/api/consultations/${periodId}/submissions`,
  `/api/submissions/${submissionId}`,
  '/organisations/anonymous',
  `/search?q=${encodeURIComponent('misconfigured resolvers')}`,
  `/api/search?q=${encodeURIComponent('misconfigured resolvers')}`,
];

for (const engine of testEngines()) {
  describe(`individuals through the form, and anonymity kept (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let anonymousWriter: TestClient;
    let namedWriter: TestClient;
    let para2: string;
    let anonymousId = '';
    let namedId = '';

    /** Opens another period on the built version with these rules; its id. */
    const openPeriod = async (
      submitters: 'organisations' | 'individuals',
      individualNames: 'published' | 'optional' | 'withheld',
    ) =>
      (
        await openCommentPeriod(
          o.db,
          operatorViewer,
          built.process.id,
          {
            versionId: built.versionId,
            title: `Comments (${submitters}, names ${individualNames})`,
            opensAt: '2026-01-01T00:00',
            closesAt: '2030-12-31T23:59',
            timeZone: 'UTC',
            moderation: 'immediate',
            submitters,
            individualNames,
          },
          new Date('2026-06-01T00:00:00Z'),
        )
      ).id;

    const submissionOf = async (body: string) =>
      (
        await o.db
          .selectFrom('submissions')
          .select('id')
          .where('body', '=', body)
          .executeTakeFirstOrThrow()
      ).id;

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, {
        moderation: 'immediate',
        submitters: 'individuals',
        individualNames: 'optional',
      });
      app = createApp({ db: o.db, engine, now: () => new Date('2026-06-01T12:00:00Z') });
      for (const person of [hidden, named])
        await o.db
          .transaction()
          .execute((trx) => signUp(trx, { ...person, password: builtPassword }));
      anonymousWriter = new TestClient(app);
      await anonymousWriter.signIn(hidden.email, builtPassword);
      namedWriter = new TestClient(app);
      await namedWriter.signIn(named.email, builtPassword);
      para2 = await paragraphBlock(o.db, built.versionId, 'para 2');
    });
    after(async () => o.close());

    test('the form offers a person without an organisation both ways, as the period allows', async () => {
      const form = await (await namedWriter.get(`/consultations/${built.period.id}/submit`)).text();
      assert.match(form, /name="submitAs" value="myself"/);
      assert.match(form, /name="submitAs" value="anonymous"/);
      assert.match(form, /name="affiliation"/);
      assert.doesNotMatch(form, /name="organisationId"/, 'they represent no organisation');
    });

    test('a person submits in their own name, with an affiliation shown as not verified', async () => {
      const res = await namedWriter.post(`/consultations/${built.period.id}/submissions`, {
        submitAs: 'myself',
        affiliation,
        body: namedWords,
        blockId: para2,
        idempotencyKey: 'form-named-0001',
      });
      assert.equal(res.status, 201, await res.text());
      namedId = await submissionOf(namedWords);
      const page = await (await app.request(`/consultations/${built.period.id}`)).text();
      assert.ok(page.includes(named.name), 'the name is published');
      assert.ok(page.includes(affiliation), 'with the affiliation');
      assert.doesNotMatch(page, new RegExp(named.email), 'never the e-mail');
    });

    test('a person submits anonymously through the form', async () => {
      const res = await anonymousWriter.post(`/consultations/${built.period.id}/submissions`, {
        submitAs: 'anonymous',
        // An affiliation would name them: it is not kept for an anonymous submission.
        affiliation: 'Office of Zephyrine',
        body: anonymousWords,
        blockId: para2,
        idempotencyKey: 'form-anonymous-0001',
      });
      assert.equal(res.status, 201, await res.text());
      anonymousId = await submissionOf(anonymousWords);
    });

    test("the anonymous submitter's name and e-mail appear nowhere public", async () => {
      await drain(o.db, engine);
      const reader = new TestClient(app);
      const leaks: string[] = [];
      const missing: string[] = [];
      for (const path of publicSurfaces(built.period.id, built.documentId, anonymousId)) {
        const res = await reader.get(path);
        assert.equal(res.status, 200, path);
        const text = await res.text();
        for (const secret of [hidden.name, 'Zephyrine', hidden.email, 'zephyrine.hidden'])
          if (text.includes(secret)) leaks.push(`${path} names "${secret}"`);
        // Each surface does list the anonymous submission: the check above reads the right thing.
        if (
          !text.includes('misconfigured resolvers') &&
          !text.includes('misconfigured</mark> <mark>resolvers') &&
          !text.includes(anonymousId)
        )
          missing.push(path);
      }
      // The list of organisations names no submission: it is read for the name only.
      const list = await (await reader.get('/organisations')).text();
      if (list.includes('Zephyrine') || list.includes('zephyrine'))
        leaks.push('/organisations names them');
      assert.deepEqual(leaks, []);
      assert.deepEqual(missing, []);
    });

    test('the named submission and its affiliation are in the exports; the anonymous one is "Anonymous"', async () => {
      const reader = new TestClient(app);
      const csv = await (
        await reader.get(`/consultations/${built.period.id}/submissions.csv`)
      ).text();
      const header = csv.split('\r\n')[0]!;
      // Affiliation keeps its place after the content's SHA-256 (the campaign id comes after it).
      assert.ok(header.includes(',content_sha256,affiliation,campaign_id'), header);
      assert.ok(csv.includes(named.name));
      assert.ok(csv.includes(affiliation));
      const json = (await (
        await reader.get(`/consultations/${built.period.id}/submissions.json`)
      ).json()) as {
        submissions: {
          id: string;
          affiliation: string | null;
          organisation: { name: string; stakeholderGroup: string };
        }[];
      };
      const anonymous = json.submissions.find((s) => s.id === anonymousId)!;
      assert.equal(anonymous.organisation.name, 'Anonymous');
      assert.equal(anonymous.organisation.stakeholderGroup, 'individual');
      assert.equal(anonymous.affiliation, null);
      const byName = json.submissions.find((s) => s.id === namedId)!;
      assert.equal(byName.organisation.name, named.name);
      assert.equal(byName.affiliation, affiliation);
    });

    test('the process moderators read who wrote it; the writer reads their own; nobody else does', async () => {
      const moderator = await signedIn(app, built, 'moderator');
      const staffPage = await (await moderator.get(`/submissions/${anonymousId}`)).text();
      assert.ok(staffPage.includes(hidden.name), 'the moderator sees the name');
      assert.ok(staffPage.includes(hidden.email), 'and the e-mail');
      const own = await anonymousWriter.get(`/submissions/${anonymousId}`);
      assert.equal(own.status, 200, 'the writer reads their own');
      const civil = await signedIn(app, built, 'civil');
      const other = await (await civil.get(`/submissions/${anonymousId}`)).text();
      assert.ok(!other.includes(hidden.name), 'a representative of another organisation does not');
    });

    test("a period's rules refuse through the form, with what was typed kept and nothing stored", async () => {
      const namesPublished = await openPeriod('individuals', 'published');
      const organisationsOnly = await openPeriod('organisations', 'published');
      const count = async () =>
        Number(
          (
            await o.db
              .selectFrom('submissions')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const cases = [
        { period: namesPublished, submitAs: 'anonymous', words: 'Typed for a period of names.' },
        { period: organisationsOnly, submitAs: 'myself', words: 'Typed for organisations only.' },
        { period: organisationsOnly, submitAs: 'anonymous', words: 'Typed anonymously there.' },
      ];
      for (const [i, c] of cases.entries()) {
        const stored = await count();
        const res = await anonymousWriter.post(`/consultations/${c.period}/submissions`, {
          submitAs: c.submitAs,
          title: `Kept title ${i}`,
          body: c.words,
          idempotencyKey: `form-refused-000${i}`,
          _page: `/consultations/${c.period}/submit`,
        });
        const page = await res.text();
        assert.equal(res.status, 403, `${c.submitAs} in ${c.period}`);
        assert.match(page, /role="alert"/);
        // A period of organisations only shows a person without one no form (below): nothing
        // was typed into a form there, so only the form of a period of names comes back.
        if (c.period === namesPublished) {
          assert.ok(page.includes(c.words), 'the typed text is kept');
          assert.ok(page.includes(`Kept title ${i}`), 'and the title');
        }
        assert.equal(await count(), stored, 'nothing stored');
      }
      // A period of organisations only offers a person without one no form at all.
      const form = await (
        await anonymousWriter.get(`/consultations/${organisationsOnly}/submit`)
      ).text();
      assert.doesNotMatch(form, /name="submitAs"/);
    });
  });
}
