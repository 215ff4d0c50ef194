/**
 * Every state-changing route and every private read, tried by every role: who may open and extend
 * periods, moderate, submit and co-sign for which organisation, verify, publish, and read a
 * version that is not public yet.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken, grantRole, signUp } from '../accounts/accounts.service.ts';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { createProcess } from '../processes/processes.service.ts';
import { createApp } from '../app.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import {
  verifyOrganisation,
  verifyRepresentative,
} from '../organisations/organisations.service.ts';
import { enqueueMail } from '../mail/mail.store.ts';
import { recordMeasure } from '../registry/registry.service.ts';
import { openTestRound } from '../registry/round.builder.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { TestClient } from '../test-client.ts';
import {
  buildConsultation,
  builtPassword,
  draftText,
  type BuiltConsultation,
} from './consultation.builder.ts';

type Role =
  | 'anonymous'
  | 'outsider'
  | 'civil'
  | 'tech'
  | 'government'
  | 'moderator'
  | 'secretariat'
  | 'admin';
const roles: Role[] = [
  'anonymous',
  'outsider',
  'civil',
  'tech',
  'government',
  'moderator',
  'secretariat',
  'admin',
];

for (const engine of testEngines()) {
  describe(`authorisation of every route and role (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let followers: Followers;
    const clients = new Map<Role, TestClient>();
    let privateVersionSeq = 0;
    let n = 0;

    /** A fresh submission by civil society, in review (or awaiting the government's co-signature). */
    const freshSubmission = async (cosign = false): Promise<string> => {
      n += 1;
      const viewer = {
        id: built.accounts.civil.id,
        email: built.accounts.civil.email,
        name: 'civil',
        isAdmin: false,
        via: 'session' as const,
        grants: [{ role: 'representative' as const, scopeId: built.organisations.civil.id }],
      };
      const receipt = await submitComment(
        o.db,
        viewer,
        built.period.id,
        {
          organisationId: built.organisations.civil.id,
          body: `Comment number ${n}`,
          idempotencyKey: `authz-fixture-${n}`,
          cosigners: cosign ? [built.organisations.government.id] : [],
        },
        [],
        new Date('2026-06-01T12:00:00Z'),
      );
      return receipt.submissionId;
    };

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      followers = new Followers(o.db, engine, allFollowers);
      app = createApp({
        db: o.db,
        engine,
        followers,
        now: () => new Date('2026-06-01T12:00:00Z'),
      });
      const report = await importFile(
        o.db,
        new TextEncoder().encode(draftText(['A paragraph still in preparation.', 'Another one.'])),
        {
          process: 'twg',
          document: built.documentId,
          version: 'Internal draft',
          language: 'en',
          format: 'text',
          private: true,
        },
      );
      privateVersionSeq = report.version.seq;
      for (const role of roles) {
        const client = new TestClient(app);
        if (role !== 'anonymous') await client.signIn(built.accounts[role].email, builtPassword);
        clients.set(role, client);
      }
    });
    after(async () => {
      // Requests kick the followers: let them finish before closing.
      await followers.stop();
      await o.close();
    });

    /** Runs a request for every role and checks each status against the expectation. */
    const matrix = async (
      what: string,
      expected: Record<Role, number>,
      request: (client: TestClient, role: Role) => Promise<Response>,
    ): Promise<void> => {
      const got: Partial<Record<Role, number>> = {};
      for (const role of roles) got[role] = (await request(clients.get(role)!, role)).status;
      assert.deepEqual(got, expected, what);
    };

    const staffOnly = {
      anonymous: 401,
      outsider: 403,
      civil: 403,
      tech: 403,
      government: 403,
      moderator: 403,
      secretariat: 303,
      admin: 303,
    };

    test('only the secretariat (and admins) open a comment period', async () => {
      await matrix('open a period', staffOnly, (c) =>
        c.post('/processes/twg/consultations', {
          versionId: built.versionId,
          title: 'A new round',
          opensAt: '2026-06-01T00:00',
          closesAt: '2026-12-31T00:00',
          timeZone: 'UTC',
        }),
      );
      await matrix('the form to open one', { ...staffOnly, secretariat: 200, admin: 200 }, (c) =>
        c.get('/processes/twg/consultations/new'),
      );
    });

    test('only the secretariat (and admins) extend a period', async () => {
      let day = 1;
      await matrix('extend', staffOnly, (c) =>
        c.post(`/consultations/${built.period.id}/extend`, {
          closesAt: `2031-01-${String(day++).padStart(2, '0')}T00:00`,
          reason: 'More time was requested.',
        }),
      );
    });

    test('only representatives of an organisation submit for it', async () => {
      await matrix(
        'submit for civil society',
        {
          anonymous: 401,
          outsider: 403,
          civil: 201,
          tech: 403,
          government: 403,
          moderator: 403,
          secretariat: 403,
          admin: 201,
        },
        (c, role) =>
          c.post(`/consultations/${built.period.id}/submissions`, {
            organisationId: built.organisations.civil.id,
            body: `From ${role}`,
            idempotencyKey: `authz-submit-${role}`,
          }),
      );
      await matrix(
        'the submission form',
        {
          anonymous: 401,
          outsider: 200,
          civil: 200,
          tech: 200,
          government: 200,
          moderator: 200,
          secretariat: 200,
          admin: 200,
        },
        (c) => c.get(`/consultations/${built.period.id}/submit`),
      );
    });

    test('only the named co-signer confirms a joint submission', async () => {
      const expected = {
        anonymous: 401,
        outsider: 403,
        civil: 403,
        tech: 403,
        government: 303,
        moderator: 403,
        secretariat: 403,
        admin: 303,
      };
      const got: Partial<Record<Role, number>> = {};
      for (const role of roles) {
        const id = await freshSubmission(true);
        got[role] = (
          await clients.get(role)!.post(`/submissions/${id}/cosign`, {
            organisationId: built.organisations.government.id,
            answer: 'confirm',
          })
        ).status;
      }
      assert.deepEqual(got, expected);
    });

    test('only moderators and the secretariat moderate and see the queue', async () => {
      const moderators = {
        anonymous: 401,
        outsider: 403,
        civil: 403,
        tech: 403,
        government: 403,
        moderator: 303,
        secretariat: 303,
        admin: 303,
      };
      const got: Partial<Record<Role, number>> = {};
      for (const role of roles) {
        const id = await freshSubmission();
        got[role] = (
          await clients.get(role)!.post(`/submissions/${id}/moderate`, { action: 'publish' })
        ).status;
      }
      assert.deepEqual(got, moderators);
      await matrix(
        'the queue',
        { ...moderators, moderator: 200, secretariat: 200, admin: 200 },
        (c) => c.get(`/consultations/${built.period.id}/moderation`),
      );
    });

    test('a submission not yet published is read by its submitter, co-signers and the process staff only', async () => {
      const id = await freshSubmission(true);
      await matrix(
        'read in review',
        {
          anonymous: 404,
          outsider: 404,
          civil: 200,
          tech: 404,
          government: 200,
          moderator: 200,
          secretariat: 200,
          admin: 200,
        },
        (c) => c.get(`/submissions/${id}`),
      );
      await matrix(
        'its receipt',
        {
          anonymous: 404,
          outsider: 404,
          civil: 200,
          tech: 404,
          government: 200,
          moderator: 200,
          secretariat: 200,
          admin: 200,
        },
        (c) => c.get(`/submissions/${id}/receipt.txt`),
      );
    });

    test("a period's comments as Web Annotations download for every role", async () => {
      await matrix(
        'download the annotations',
        Object.fromEntries(roles.map((r) => [r, 200])) as Record<Role, number>,
        (c) => c.get(`/consultations/${built.period.id}/annotations.jsonld`),
      );
    });

    test('a version not yet public is read by the process staff only, and published by the secretariat', async () => {
      const readers = {
        anonymous: 404,
        outsider: 404,
        civil: 404,
        tech: 404,
        government: 404,
        moderator: 200,
        secretariat: 200,
        admin: 200,
      };
      await matrix('read the page', readers, (c) =>
        c.get(`/documents/${built.documentId}/v/${privateVersionSeq}/en`),
      );
      const version = await o.db
        .selectFrom('versions')
        .select('id')
        .where('seq', '=', privateVersionSeq)
        .where('document_id', '=', built.documentId)
        .executeTakeFirstOrThrow();
      await matrix('read the API', readers, (c) => c.get(`/api/versions/${version.id}/blocks`));
      const languageVersion = await o.db
        .selectFrom('language_versions')
        .select('id')
        .where('version_id', '=', version.id)
        .executeTakeFirstOrThrow();
      await matrix('download its Akoma Ntoso XML', readers, (c) =>
        c.get(`/language-versions/${languageVersion.id}/akn.xml`),
      );
      const listing = (await (
        await clients.get('anonymous')!.get(`/api/documents/${built.documentId}`)
      ).json()) as { versions: unknown[] };
      assert.equal(listing.versions.length, 1, 'the public API lists only the public version');
      await matrix(
        'publish',
        {
          anonymous: 404,
          outsider: 404,
          civil: 404,
          tech: 404,
          government: 404,
          moderator: 403,
          secretariat: 303,
          admin: 303,
        },
        (c) => c.post(`/versions/${version.id}/publish`, {}),
      );
      await matrix(
        'read once published',
        {
          anonymous: 200,
          outsider: 200,
          civil: 200,
          tech: 200,
          government: 200,
          moderator: 200,
          secretariat: 200,
          admin: 200,
        },
        (c) => c.get(`/documents/${built.documentId}/v/${privateVersionSeq}/en`),
      );
    });

    test('only the secretariat of this process (and admins) import a document and see its drafts', async () => {
      // A secretariat of another process is refused like any outsider.
      const other = await createProcess(o.db, {
        slug: 'other-wg',
        name: 'Another Working Group',
        shortName: 'AWG',
        parentBody: 'Test Assembly',
        mandate: 'Elsewhere.',
        aliases: [],
      });
      const account = await o.db.transaction().execute((trx) =>
        signUp(trx, {
          email: 'awg-secretariat@example.org',
          name: 'AWG',
          password: builtPassword,
        }),
      );
      await grantRole(
        o.db,
        { email: account.email, role: 'secretariat', scopeId: other.id },
        built.accounts.admin.id,
      );
      const otherSecretariat = new TestClient(app);
      await otherSecretariat.signIn(account.email, builtPassword);
      const all = async (
        what: string,
        expected: Record<Role, number> & { otherSecretariat: number },
        request: (client: TestClient) => Promise<Response>,
      ) => {
        const got: Record<string, number> = {};
        for (const role of roles) got[role] = (await request(clients.get(role)!)).status;
        got.otherSecretariat = (await request(otherSecretariat)).status;
        assert.deepEqual(got, expected, what);
      };
      let k = 0;
      const upload = (client: TestClient) =>
        client.post('/processes/twg/import-drafts', {
          file: new File([draftText(['A paragraph to import.'])], `upload-${++k}.txt`),
          symbol: `TWG/AUTHZ/${k}`,
          version: `Upload ${k}`,
          language: 'en',
        });
      const freshDraft = async (): Promise<string> => {
        const res = await upload(clients.get('secretariat')!);
        assert.equal(res.status, 303);
        return res.headers.get('location')!;
      };
      const uploaders = { ...staffOnly, otherSecretariat: 403 };
      await all('the upload form', { ...uploaders, secretariat: 200, admin: 200 }, (c) =>
        c.get('/processes/twg/import'),
      );
      await all('upload', uploaders, upload);
      const hidden = {
        anonymous: 404,
        outsider: 404,
        civil: 404,
        tech: 404,
        government: 404,
        moderator: 404,
        secretariat: 200,
        admin: 200,
        otherSecretariat: 404,
      };
      const draft = await freshDraft();
      await all('read a draft', hidden, (c) => c.get(draft));
      const block = /<li id="block-([^"]+)"/.exec(
        await (await clients.get('secretariat')!.get(draft)).text(),
      )![1]!;
      await all('correct a draft', { ...hidden, secretariat: 303, admin: 303 }, (c) =>
        c.post(`${draft}/corrections`, { type: 'number', block, number: '1' }),
      );
      for (const action of ['publish', 'discard']) {
        const got: Record<string, number> = {};
        for (const role of [...roles, 'otherSecretariat' as const]) {
          const fresh = await freshDraft();
          const client = role === 'otherSecretariat' ? otherSecretariat : clients.get(role)!;
          got[role] = (await client.post(`${fresh}/${action}`, {})).status;
        }
        assert.deepEqual(got, { ...hidden, secretariat: 303, admin: 303 }, action);
      }
    });

    test('only a secretariat verifies organisations; only a representative adds another', async () => {
      const tech = built.organisations.tech;
      const techRep = built.accounts.tech.id;
      const proof = {
        kind: 'email_domain',
        reason: 'Writes from the domain of the technical body.',
      };
      const withdrawn = { reason: 'The domain was not theirs after all.' };
      await matrix('verify', staffOnly, (c) => c.post(`/organisations/${tech.slug}/verify`, proof));
      await matrix(
        'verify with no reference: refused with the page again',
        { ...staffOnly, secretariat: 400, admin: 400 },
        (c) => c.post(`/organisations/${tech.slug}/verify`, {}),
      );
      // Each role revokes a verification that holds: it is made again before each try.
      await matrix('revoke', staffOnly, async (c) => {
        await verifyOrganisation(o.db, operatorViewer, tech.id, proof);
        return c.post(`/organisations/${tech.slug}/revoke`, withdrawn);
      });
      await matrix('verify a representative', staffOnly, (c) =>
        c.post(`/organisations/${tech.slug}/representatives/${techRep}/verify`, proof),
      );
      await matrix('revoke a representative', staffOnly, async (c) => {
        await verifyRepresentative(
          o.db,
          operatorViewer,
          { organisation: tech.id, accountId: techRep },
          proof,
        );
        return c.post(`/organisations/${tech.slug}/representatives/${techRep}/revoke`, withdrawn);
      });
      // The forms are on the organisation's page for those who may use them only.
      const formsShown: Partial<Record<Role, boolean>> = {};
      for (const role of roles) {
        const res = await clients.get(role)!.get(`/organisations/${tech.slug}`);
        assert.equal(res.status, 200, role);
        const page = await res.text();
        formsShown[role] =
          page.includes(`action="/organisations/${tech.slug}/verify"`) &&
          page.includes(`action="/organisations/${tech.slug}/representatives/${techRep}/verify"`);
      }
      assert.deepEqual(formsShown, {
        anonymous: false,
        outsider: false,
        civil: false,
        tech: false,
        government: false,
        moderator: false,
        secretariat: true,
        admin: true,
      });
      await matrix(
        'add a representative',
        {
          anonymous: 401,
          outsider: 403,
          civil: 303,
          tech: 403,
          government: 403,
          moderator: 403,
          secretariat: 403,
          admin: 303,
        },
        (c) =>
          c.post(`/organisations/${built.organisations.civil.slug}/representatives`, {
            email: built.accounts.outsider.email,
          }),
      );
    });

    test('the password reset and address verification pages are open to all; the link request is signed in', async () => {
      const everyone = (status: number) =>
        Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
      await matrix('the forgot-password form', everyone(200), (c) => c.get('/forgot-password'));
      await matrix('ask for a reset link', everyone(200), (c, role) =>
        c.post('/forgot-password', { email: `${role}@example.org` }),
      );
      await matrix('the reset form', everyone(200), (c) =>
        c.get('/reset-password?token=not-a-real-token'),
      );
      await matrix('reset with a link that does not exist', everyone(400), (c) =>
        c.post('/reset-password', { token: 'not-a-real-token', password: 'a long new password' }),
      );
      await matrix('the verification landing page', everyone(200), (c) =>
        c.get('/verify-email?token=not-a-real-token'),
      );
      await matrix('verify with a link that does not exist', everyone(400), (c) =>
        c.post('/verify-email', { token: 'not-a-real-token' }),
      );
      await matrix('send the verification link again', { ...everyone(200), anonymous: 401 }, (c) =>
        c.post('/account/verification', {}),
      );
    });

    test('only administrators see the outbox and put a given-up message back', async () => {
      const adminOnly = {
        anonymous: 401,
        outsider: 403,
        civil: 403,
        tech: 403,
        government: 403,
        moderator: 403,
        secretariat: 403,
        admin: 200,
      };
      await matrix('the outbox page', adminOnly, (c) => c.get('/admin/mail'));
      const got: Partial<Record<Role, number>> = {};
      for (const role of roles) {
        n += 1;
        await enqueueMail(
          o.db,
          {
            idempotencyKey: `authz-failed-${n}`,
            kind: 'password_reset',
            recipient: 'someone@example.org',
            accountId: null,
            language: 'en',
            subject: 'A message given up',
            text: 'text',
            html: '<p>html</p>',
          },
          new Date('2026-06-01T12:00:00Z'),
        );
        const row = await o.db
          .updateTable('mail_outbox')
          .set({ state: 'failed', attempts: 12, last_error: '550 no such user' })
          .where('idempotency_key', '=', `authz-failed-${n}`)
          .returning('id')
          .executeTakeFirstOrThrow();
        got[role] = (await clients.get(role)!.post(`/admin/mail/${row.id}/retry`, {})).status;
      }
      assert.deepEqual(got, { ...adminOnly, admin: 303 });
      const retried = await o.db
        .selectFrom('mail_outbox')
        .select(['idempotency_key', 'state'])
        .where('idempotency_key', 'like', 'authz-failed-%')
        .execute();
      assert.equal(retried.filter((r) => r.state === 'pending').length, 1, 'only the admin’s');
    });

    test('the development mailbox exists only when mail is in development mode, for anyone there', async () => {
      const absent = Object.fromEntries(roles.map((r) => [r, 404])) as Record<Role, number>;
      await matrix('without development mode', absent, (c) => c.get('/dev/mail'));
      const development = createApp({
        db: o.db,
        engine,
        followers,
        now: () => new Date('2026-06-01T12:00:00Z'),
        mail: 'development',
      });
      const got: Partial<Record<Role, number>> = {};
      for (const role of roles) {
        const client = new TestClient(development);
        if (role !== 'anonymous') await client.signIn(built.accounts[role].email, builtPassword);
        got[role] = (await client.get('/dev/mail')).status;
      }
      assert.deepEqual(got, Object.fromEntries(roles.map((r) => [r, 200])));
    });

    test('the countries list and a country report, page and API, are public to every role alike', async () => {
      const gov = built.organisations.government;
      const everyone = (status: number) =>
        Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
      await matrix('the countries list', everyone(200), (c) => c.get('/countries'));
      await matrix('the countries API', everyone(200), (c) => c.get('/api/countries'));
      for (const format of ['page', 'html', 'md', 'docx'])
        await matrix(`a country report as ${format}`, everyone(200), (c) =>
          c.get(`/countries/${gov.country!}?format=${format}`),
        );
      await matrix('a country in the API', everyone(200), (c) =>
        c.get(`/api/countries/${gov.country!}`),
      );
      await matrix('an unknown country', everyone(404), (c) => c.get('/countries/XYZ'));
      await matrix('an unknown country in the API', everyone(404), (c) =>
        c.get('/api/countries/XYZ'),
      );
    });

    test('the registry pages and its CSV are public to every role alike; bad input is 400 or 404', async () => {
      const measure = await o.db.transaction().execute((trx) =>
        recordMeasure(
          trx,
          {
            id: built.accounts.civil.id,
            email: built.accounts.civil.email,
            name: 'civil',
            isAdmin: false,
            via: 'session',
            grants: [],
          },
          {
            country: 'KEN',
            title: 'Data protection regulations',
            titleLanguage: 'en',
            instrument: 'regulation',
            status: 'in_force',
            statusDates: { in_force: '2026-01-01' },
            elements: ['data-centres'],
            kinds: ['data-localisation'],
          },
          new Date('2026-05-01T00:00:00Z'),
        ),
      );
      const everyone = (status: number) =>
        Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
      for (const path of [
        '/registry',
        '/registry?region=african&kind=data-localisation&status=in_force&at=2026-05-02',
        '/registry.csv',
        '/registry/compare',
        '/registry/compare?region=african',
        '/registry/terms',
        `/registry/measures/${measure.id}`,
        `/registry/measures/${measure.id}?at=2026-05-02`,
        '/registry/countries/KEN',
        '/registry/countries/KEN?at=2026-04-01',
        '/registry/map',
        '/registry/map?element=data-centres&show=indicator&at=2026-05-02',
        '/registry/pair',
        '/registry/pair?a=KEN&b=FRA&at=2026-05-02',
        '/registry/timeline',
        '/registry/timeline?region=african&kind=data-localisation',
      ])
        await matrix(path, everyone(200), (c) => c.get(path));
      for (const path of [
        '/registry?status=rumoured',
        '/registry/compare?at=never',
        `/registry/measures/${measure.id}?at=x`,
        '/registry/map?element=satellites',
        '/registry/map?show=colours',
        '/registry/pair?a=KEN',
        '/registry/pair?a=KEN&b=XYZ',
        '/registry/timeline?at=never',
      ])
        await matrix(path, everyone(400), (c) => c.get(path));
      for (const path of [
        `/registry/measures/${measure.id}?at=2026-04-01`,
        '/registry/measures/not-a-measure',
        '/registry/countries/XYZ',
      ])
        await matrix(path, everyone(404), (c) => c.get(path));
    });

    test('a round page is public; its answers, reminders and grants are the secretariat’s', async () => {
      const round = await openTestRound(
        o.db,
        built,
        {
          title: 'Practice on the public core',
          opensAt: '2026-05-01T09:00',
          closesAt: '2026-12-31T18:00',
        },
        new Date('2026-05-01T00:00:00Z'),
      );
      const everyone = (status: number) =>
        Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
      const secretariatOnly = (ok: number): Record<Role, number> => ({
        ...everyone(403),
        anonymous: 401,
        secretariat: ok,
        admin: ok,
      });
      await matrix('a round page', everyone(200), (c) => c.get(`/registry/rounds/${round.id}`));
      await matrix('a missing round page', everyone(404), (c) =>
        c.get('/registry/rounds/00000000-0000-4000-8000-000000000000'),
      );
      await matrix('the answers of an unpublished round', secretariatOnly(200), (c) =>
        c.get(`/registry/rounds/${round.id}/answers.csv`),
      );
      await matrix('the open data of an unpublished round', secretariatOnly(200), (c) =>
        c.get(`/registry/rounds/${round.id}/open-data.zip`),
      );
      await matrix('more time for a State that did not ask', secretariatOnly(400), (c) =>
        c.post(`/registry/rounds/${round.id}/extensions/KEN`, { closesAt: '2027-01-15T18:00' }),
      );
      await matrix(
        'more time asked by someone who answers for no invited government',
        { ...everyone(403), anonymous: 401 },
        (c) =>
          c.post(`/registry/rounds/${round.id}/more-time`, {
            organisationId: built.organisations.civil.id,
            reason: 'A bill.',
          }),
      );
      await matrix(
        'an answer by someone who answers for no invited government',
        { ...everyone(403), anonymous: 401 },
        (c) =>
          c.post(`/registry/rounds/${round.id}/answers`, {
            organisationId: built.organisations.civil.id,
            language: 'en',
            'answers.plans': 'None.',
            action: 'draft',
          }),
      );
      await matrix(
        'an answer for the government by anyone but a verified representative of it',
        { ...everyone(403), anonymous: 401 },
        (c) =>
          c.post(`/registry/rounds/${round.id}/answers`, {
            organisationId: built.organisations.government.id,
            language: 'en',
            'answers.plans': 'None.',
            action: 'submit',
          }),
      );
      await matrix('reminders', secretariatOnly(303), (c) =>
        c.post(`/registry/rounds/${round.id}/reminders`, {}),
      );
      await matrix('the registry’s Atom feed', everyone(200), (c) => c.get('/registry/feed.atom'));
      // Who reads and imports an answer's legal texts: src/registry/answer-files.test.ts, with files.
      const noFile = '/registry/answer-files/00000000-0000-4000-8000-000000000000';
      await matrix('a legal text no answer has', everyone(404), (c) => c.get(noFile));
      await matrix('importing a legal text no answer has', everyone(404), (c) =>
        c.post(`${noFile}/import`, {}),
      );
    });

    test('the account page needs a session; the API submits only with a representative token', async () => {
      assert.equal((await clients.get('anonymous')!.get('/account')).status, 401);
      assert.equal((await clients.get('civil')!.get('/account')).status, 200);
      const civilToken = await createApiToken(
        o.db,
        {
          id: built.accounts.civil.id,
          email: '',
          name: '',
          isAdmin: false,
          grants: [],
          via: 'session',
        },
        'test',
      );
      const techToken = await createApiToken(
        o.db,
        {
          id: built.accounts.tech.id,
          email: '',
          name: '',
          isAdmin: false,
          grants: [],
          via: 'session',
        },
        'test',
      );
      const post = (token: string | undefined, key: string) =>
        app.request(`/api/consultations/${built.period.id}/submissions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({
            organisationId: built.organisations.civil.slug,
            body: 'Through the API',
            idempotencyKey: key,
          }),
        });
      assert.equal((await post(undefined, 'api-none-1')).status, 401);
      assert.equal((await post('plenum_not-a-real-token', 'api-bad-1')).status, 401);
      assert.equal((await post(techToken, 'api-tech-1')).status, 403);
      const ok = await post(civilToken, 'api-civil-1');
      assert.equal(ok.status, 201);
      const again = await post(civilToken, 'api-civil-1');
      assert.equal(again.status, 201);
      assert.equal(((await again.json()) as { replayed: boolean }).replayed, true);
      // A session cookie alone cannot post to the API (no form token there).
      const cookieOnly = await app.request(`/api/consultations/${built.period.id}/submissions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: [...clients.get('civil')!.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        body: JSON.stringify({
          organisationId: built.organisations.civil.slug,
          body: 'x',
          idempotencyKey: 'api-cookie-1',
        }),
      });
      assert.equal(cookieOnly.status, 401);
    });
  });
}
