/**
 * The fake Brazil ministry, end to end: a new account registers "Ministry of Foreign Affairs of
 * Brazil" as a government for BRA; its comment is labelled not verified, listed apart, and never
 * counted as the State's word (country page, stance table, briefing) until the secretariat
 * verifies it with a reason; after a revocation it no longer is. A second government of a State
 * already verified is refused, at registration and at verification.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { createApiToken, signUp } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts, tagIndexedPassages } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { listEventsFor } from '../events/events.store.ts';
import { drain } from '../followers.ts';
import { getStancesOfCountry, recordStance } from '../stances/stances.service.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { TestClient } from '../test-client.ts';
import { getOrganisation } from './organisations.service.ts';
import type { Organisation } from './organisations.schema.ts';

const brazilSays =
  'Brazil considers that the infrastructures of elections deserve the same protection as the public core of the Internet.';
const briefing = '/briefings?processes=twg&concepts=public-core&from=2026-01-01&to=2026-06-30';

/** The part of a period page after the heading of the submissions listed apart, or ''. */
function apartPart(page: string): string {
  const at = page.indexOf('From organisations not yet verified');
  return at < 0 ? '' : page.slice(at);
}

/** The briefing's "Member states" part of "Who said what", up to the next heading. */
function statesSection(md: string): string {
  const start = md.indexOf('#### Member states');
  if (start < 0) return '';
  const end = md.indexOf('\n###', start + 5);
  return md.slice(start, end < 0 ? undefined : end);
}

for (const engine of testEngines()) {
  describe(`verified voices: the fake Brazil ministry (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let ministry: Organisation;
    let secretariat: TestClient;

    /** What every reader sees of the State and the period, and whether the State counts the ministry. */
    async function readings() {
      await drain(o.db, engine);
      await tagIndexedPassages(o.db);
      const period = await (await app.request(`/consultations/${built.period.id}`)).text();
      const country = await (await app.request('/countries/BRA')).text();
      const md = await (await app.request(`${briefing}&format=md`)).text();
      const stances = await getStancesOfCountry(o.db, 'BRA');
      return {
        period,
        country,
        states: statesSection(md),
        md,
        stanceCounted: stances.some((s) => s.actor.organisationId === ministry.id),
      };
    }

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      // Brazil's built government stays unverified: the fake ministry comes first to the secretariat.
      built = await buildConsultation(o.db, { moderation: 'immediate', verifyGovernment: false });
      app = createApp({ db: o.db, engine });
      const account = await o.db.transaction().execute((trx) =>
        signUp(trx, {
          email: 'newcomer@example.net',
          name: 'A newcomer',
          password: builtPassword,
        }),
      );
      const newcomer = new TestClient(app);
      await newcomer.signIn('newcomer@example.net', builtPassword);
      const registered = await newcomer.post('/organisations', {
        name: 'Ministry of Foreign Affairs of Brazil',
        stakeholderGroup: 'government',
        country: 'BRA',
      });
      assert.equal(registered.status, 303);
      ministry = await getOrganisation(o.db, 'ministry-of-foreign-affairs-of-brazil');
      assert.equal(ministry.verified, false);
      const viewer: Viewer = {
        id: account.id,
        email: account.email,
        name: account.name,
        isAdmin: false,
        via: 'session',
        grants: [{ role: 'representative', scopeId: ministry.id }],
      };
      await o.db
        .transaction()
        .execute((trx) =>
          submitComment(
            trx,
            viewer,
            built.period.id,
            { organisationId: ministry.id, body: brazilSays, idempotencyKey: 'brazil-0001' },
            [],
            new Date('2026-06-02T10:00:00Z'),
          ),
        );
      const [submission] = await o.db
        .selectFrom('submissions')
        .select('id')
        .where('organisation_id', '=', ministry.id)
        .execute();
      await drain(o.db, engine);
      const analyst: Viewer = {
        id: built.accounts.tech.id,
        email: built.accounts.tech.email,
        name: 'analyst',
        isAdmin: false,
        via: 'session',
        grants: [],
      };
      await recordStance(o.db, analyst, {
        source: submission!.id,
        concept: 'public-core',
        stance: 'supports',
        exact: 'the same protection as the public core of the Internet',
        saidOn: '2026-06-02',
      });
      secretariat = await signedIn(app, built, 'secretariat');
    });
    after(async () => o.close());

    test('unverified: labelled not verified, listed apart, not the State’s word anywhere', async () => {
      const r = await readings();
      assert.match(apartPart(r.period), /Ministry of Foreign Affairs of Brazil/);
      assert.match(apartPart(r.period), /class="unverified"[^>]*>not verified</);
      assert.ok(apartPart(r.period).includes(brazilSays), 'the comment is in the part apart');
      assert.equal(
        r.period.indexOf(brazilSays),
        r.period.indexOf('From organisations not yet verified') +
          apartPart(r.period).indexOf(brazilSays),
        'and nowhere before it',
      );
      assert.ok(!r.country.includes(brazilSays), 'not among "Submissions by its government"');
      // The country report lists every organisation of the State, this one labelled not verified;
      // nowhere else does it appear (neither its comment nor its stance).
      assert.match(r.country, /Ministry of Foreign Affairs of Brazil \(Government, not verified\)/);
      const outsideOrganisations = r.country.replace(
        /<h2 id="organisations">[\s\S]*?<h2 id="processes">/,
        '',
      );
      assert.ok(
        !outsideOrganisations.includes('Ministry of Foreign Affairs of Brazil'),
        'nor its stance',
      );
      assert.ok(!r.states.includes('Brazil considers'), r.md);
      assert.match(
        r.md,
        /#### Other stakeholders: Governments and organisations not verified by the secretariat\n\n\*\*Ministry of Foreign Affairs of Brazil\*\*\n\n> Brazil considers/,
      );
      assert.equal(r.stanceCounted, false);
      const organisationPage = await (await app.request(`/organisations/${ministry.slug}`)).text();
      assert.match(organisationPage, /not verified/);
    });

    test('verification needs a reason; with one, the ministry counts as Brazil', async () => {
      const refused = await secretariat.post(`/organisations/${ministry.slug}/verify`, {
        kind: 'note_verbale',
        reason: '',
      });
      assert.equal(refused.status, 400);
      const again = await refused.text();
      assert.match(again, /role="alert"/);
      assert.match(again, /<option value="note_verbale" selected>/, 'what was chosen is kept');
      assert.equal((await getOrganisation(o.db, ministry.id)).verified, false);

      const done = await secretariat.post(`/organisations/${ministry.slug}/verify`, {
        kind: 'note_verbale',
        reason: 'Note verbale 123/2026 of the Permanent Mission of Brazil',
      });
      assert.equal(done.status, 303);
      const verified = await getOrganisation(o.db, ministry.id);
      assert.deepEqual(
        { kind: verified.verification?.kind, reason: verified.verification?.reason },
        {
          kind: 'note_verbale',
          reason: 'Note verbale 123/2026 of the Permanent Mission of Brazil',
        },
      );
      const events = await listEventsFor(o.db, 'organisation', ministry.id);
      assert.deepEqual(events.at(-1)?.data, {
        kind: 'note_verbale',
        reason: 'Note verbale 123/2026 of the Permanent Mission of Brazil',
      });

      const r = await readings();
      assert.equal(apartPart(r.period), '', 'nothing is listed apart any more');
      assert.ok(r.period.includes(brazilSays));
      assert.ok(r.country.includes(brazilSays));
      assert.match(r.states, /\*\*Brazil\*\*\n\n> Brazil considers/);
      assert.equal(r.stanceCounted, true);
      const page = await (await app.request(`/organisations/${ministry.slug}`)).text();
      assert.match(page, /Note verbale 123\/2026 of the Permanent Mission of Brazil/);
    });

    test('a second government of Brazil is refused, at registration and at verification', async () => {
      const other = new TestClient(app);
      await other.signIn(built.accounts.outsider.email, builtPassword);
      const res = await other.post('/organisations', {
        name: 'Ministry of Communications of Brazil',
        stakeholderGroup: 'government',
        country: 'BRA',
        _page: '/organisations/new',
      });
      assert.equal(res.status, 409);
      const page = await res.text();
      assert.match(page, /already registered and verified/);
      assert.match(page, /value="Ministry of Communications of Brazil"/, 'the name typed is kept');

      const verifyBuilt = await secretariat.post(
        `/organisations/${built.organisations.government.slug}/verify`,
        { kind: 'letter', reason: 'A letter that cannot make a second government' },
      );
      assert.equal(verifyBuilt.status, 409);
      assert.equal(
        (await getOrganisation(o.db, built.organisations.government.id)).verified,
        false,
      );

      // Through the API too, with a secretariat's token.
      const token = await createApiToken(
        o.db,
        {
          id: built.accounts.secretariat.id,
          email: built.accounts.secretariat.email,
          name: 'secretariat',
          isAdmin: false,
          via: 'session',
          grants: [{ role: 'secretariat', scopeId: built.process.id }],
        },
        'verify',
      );
      const api = await app.request(
        `/api/organisations/${built.organisations.government.id}/verify`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'letter', reason: 'Still a second government' }),
        },
      );
      assert.equal(api.status, 409);
      assert.equal(
        ((await api.json()) as { error: { code: string } }).error.code,
        'GOVERNMENT_ALREADY_VERIFIED',
      );
    });

    test('after a revocation (with a reason) the ministry no longer counts', async () => {
      const noReason = await secretariat.post(`/organisations/${ministry.slug}/revoke`, {
        reason: '',
      });
      assert.equal(noReason.status, 400);
      assert.equal((await getOrganisation(o.db, ministry.id)).verified, true);
      const revoked = await secretariat.post(`/organisations/${ministry.slug}/revoke`, {
        reason: 'The Permanent Mission says it sent no such note.',
      });
      assert.equal(revoked.status, 303);
      const events = await listEventsFor(o.db, 'organisation', ministry.id);
      assert.equal(events.at(-1)?.action, 'organisation.verification_revoked');
      const r = await readings();
      assert.ok(apartPart(r.period).includes(brazilSays));
      assert.ok(!r.country.includes(brazilSays));
      assert.ok(!r.states.includes('Brazil considers'));
      assert.equal(r.stanceCounted, false);
      const twice = await secretariat.post(`/organisations/${ministry.slug}/revoke`, {
        reason: 'Once more',
      });
      assert.equal(twice.status, 409);
    });

    test('only a secretariat or an administrator verifies', async () => {
      const representative = await signedIn(app, built, 'civil');
      const res = await representative.post(`/organisations/${ministry.slug}/verify`, {
        kind: 'letter',
        reason: 'I vouch for myself',
      });
      assert.equal(res.status, 403);
      assert.equal((await getOrganisation(o.db, ministry.id)).verified, false);
    });
  });
}
