/**
 * Every JSON API route, tried by every role, with the hidden cases: a document whose every version
 * is in preparation, its version, language version and block, a comment period on it and a
 * submission there. The routes are read from the app, so a new API route without a row here fails.
 * Whoever may not see a hidden thing gets exactly the answer a missing one gets, and no answer to
 * them names it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import type { OpenDatabase } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { createMeeting } from '../meetings/meetings.service.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import { recordMeasure } from '../registry/registry.service.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { openRound } from '../registry/rounds.service.ts';
import { TestClient } from '../test-client.ts';
import { listTreeHeads } from '../transparency/transparency.service.ts';
import {
  buildConsultation,
  builtPassword,
  paragraphBlock,
  type BuiltConsultation,
} from './consultation.builder.ts';
import { buildHiddenDocument, secret } from './hidden-document.builder.ts';

type Role =
  | 'anonymous'
  | 'reader'
  | 'representative'
  | 'moderator'
  | 'secretariat'
  | 'otherSecretariat'
  | 'admin'
  | 'readerToken'
  | 'representativeToken'
  | 'secretariatToken';
const roles: Role[] = [
  'anonymous',
  'reader',
  'representative',
  'moderator',
  'secretariat',
  'otherSecretariat',
  'admin',
  'readerToken',
  'representativeToken',
  'secretariatToken',
];
/** The roles that read what the process's staff prepares. */
const staff = new Set<Role>(['moderator', 'secretariat', 'admin', 'secretariatToken']);
const tokenRoles = new Set<Role>(['readerToken', 'representativeToken', 'secretariatToken']);

const now = new Date('2026-06-01T12:00:00Z');
/** One request of a row, with the status each role gets. */
interface Case {
  name: string;
  path: string;
  body?: (role: Role) => unknown;
  expect: Record<Role, number>;
  /** The same request for a thing that does not exist: outsiders must get the same answer. */
  missing?: { path: string; hiddenRef: string; missingRef: string };
  /** The staff's answer names the hidden document: proof that the outsiders' check can fail. */
  staffSees?: boolean;
}

const everyone = (status: number) =>
  Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
const staffOnly = (status: number) =>
  Object.fromEntries(roles.map((r) => [r, staff.has(r) ? status : 404])) as Record<Role, number>;
/** A POST of the API: sessions (and no credentials) get 401, tokens what `tokens` says. */
const tokensOnly = (tokens: Partial<Record<Role, number>>) =>
  Object.fromEntries(roles.map((r) => [r, tokenRoles.has(r) ? tokens[r] : 401])) as Record<
    Role,
    number
  >;

for (const engine of testEngines()) {
  describe(`authorisation of every API route and role (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let followers: Followers;
    const clients = new Map<Role, TestClient>();
    const tokens = new Map<Role, string>();
    const rows = new Map<string, Case[]>();
    let n = 0;

    const ask = async (role: Role, c: Case): Promise<Response> => {
      const post = c.body !== undefined;
      const client = clients.get(role)!;
      const token = tokens.get(role);
      const headers: Record<string, string> = {
        cookie: [...client.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(post ? { 'content-type': 'application/json' } : {}),
      };
      return app.request(c.path, {
        method: post ? 'POST' : 'GET',
        headers,
        ...(post ? { body: JSON.stringify(c.body!(role)) } : {}),
      });
    };

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db);
      followers = new Followers(o.db, engine, allFollowers);
      app = createApp({ db: o.db, engine, followers, now: () => now });

      const hidden = await buildHiddenDocument(o.db, engine, built, now);
      const hiddenBlock = hidden.ids.block;
      const hiddenPeriod = { id: hidden.periodId };
      const hiddenSubmission = hidden.submissionId;
      const publicSubmission = hidden.publicSubmissionId;
      const elsewhere = hidden.elsewhere;
      const meeting = await createMeeting(
        o.db,
        operatorViewer,
        built.process.id,
        {
          title: 'Substantive session',
          session: 'Third substantive session',
          kind: 'formal',
          format: 'in_person',
          place: 'Geneva, Palais des Nations',
          startsAt: '2026-07-06T10:00',
          endsAt: '2026-07-10T18:00',
          timeZone: 'Europe/Zurich',
        },
        now,
      );

      const accountOf: Record<Role, { email: string; id: string } | undefined> = {
        anonymous: undefined,
        reader: built.accounts.outsider,
        representative: built.accounts.civil,
        moderator: built.accounts.moderator,
        secretariat: built.accounts.secretariat,
        otherSecretariat: elsewhere,
        admin: built.accounts.admin,
        readerToken: built.accounts.outsider,
        representativeToken: built.accounts.civil,
        secretariatToken: built.accounts.secretariat,
      };
      for (const role of roles) {
        const client = new TestClient(app);
        const account = accountOf[role];
        if (account && tokenRoles.has(role)) {
          const viewer: Viewer = {
            ...account,
            name: role,
            isAdmin: false,
            grants: [],
            via: 'session',
          };
          tokens.set(role, await createApiToken(o.db, viewer, 'matrix'));
        } else if (account) await client.signIn(account.email, builtPassword);
        clients.set(role, client);
      }

      const publicLanguageVersion = (
        await o.db
          .selectFrom('language_versions')
          .select('id')
          .where('version_id', '=', built.versionId)
          .executeTakeFirstOrThrow()
      ).id;
      const publicBlock = await paragraphBlock(o.db, built.versionId, 'para 2');
      /** A readable thing for everyone, and the hidden one for the staff only. */
      const byId = (
        pattern: string,
        what: string,
        shown: string,
        hiddenId: string,
        suffix = '',
      ): Case[] => {
        const missingId = newId();
        return [
          {
            name: `a public ${what}`,
            path: pattern.replace(':id', shown) + suffix,
            expect: everyone(200),
          },
          {
            name: `a hidden ${what}`,
            path: pattern.replace(':id', hiddenId) + suffix,
            expect: staffOnly(200),
            missing: {
              path: pattern.replace(':id', missingId) + suffix,
              hiddenRef: hiddenId,
              missingRef: missingId,
            },
            staffSees: what === 'document',
          },
        ];
      };
      const stanceBody = (source: string, exact: string) => (role: Role) => ({
        source,
        concept: 'public-core',
        // Each role records a different stance: the same one twice is refused as a duplicate.
        stance: tokenRoles.has(role)
          ? ({ readerToken: 'supports', representativeToken: 'opposes' }[role as string] ??
            'conditional')
          : 'neutral',
        exact,
        country: 'KEN',
        note: `Recorded by ${role}`,
      });
      const missingBlock = newId();
      const submissionBody = (role: Role) => ({
        organisationId: built.organisations.civil.slug,
        body: `Through the API, as ${role}`,
        idempotencyKey: `api-matrix-${role}-${++n}`,
      });
      const missingPeriod = newId();
      const add = (route: string, cases: Case[]) => rows.set(route, cases);

      add('GET /api/processes', [
        { name: 'the list', path: '/api/processes', expect: everyone(200) },
      ]);
      add('GET /api/processes/:process', [
        { name: 'a process', path: '/api/processes/twg', expect: everyone(200), staffSees: true },
      ]);
      add('GET /api/processes/:process/documents', [
        {
          name: 'a process’s documents',
          path: '/api/processes/twg/documents',
          expect: everyone(200),
          staffSees: true,
        },
      ]);
      add('GET /api/documents', [
        { name: 'a public symbol', path: `/api/documents?symbol=TWG/twg/1`, expect: everyone(200) },
        {
          name: 'a hidden symbol',
          path: `/api/documents?symbol=${secret.symbol}`,
          expect: staffOnly(200),
          missing: {
            path: '/api/documents?symbol=TWG/NONE/9',
            hiddenRef: secret.symbol,
            missingRef: 'TWG/NONE/9',
          },
          staffSees: true,
        },
      ]);
      add(
        'GET /api/documents/:id',
        byId('/api/documents/:id', 'document', built.documentId, hidden.ids.document),
      );
      add(
        'GET /api/versions/:id',
        byId('/api/versions/:id', 'version', built.versionId, hidden.ids.version),
      );
      add(
        'GET /api/versions/:id/blocks',
        byId('/api/versions/:id', 'version', built.versionId, hidden.ids.version, '/blocks'),
      );
      add(
        'GET /api/language-versions/:id',
        byId(
          '/api/language-versions/:id',
          'language version',
          publicLanguageVersion,
          hidden.ids.languageVersion,
        ),
      );
      add(
        'GET /api/language-versions/:id/blocks',
        byId(
          '/api/language-versions/:id',
          'language version',
          publicLanguageVersion,
          hidden.ids.languageVersion,
          '/blocks',
        ),
      );
      add('GET /api/blocks/:id', byId('/api/blocks/:id', 'block', publicBlock, hiddenBlock));
      add(
        'GET /api/versions/:id/akn',
        byId('/api/versions/:id', 'version', built.versionId, hidden.ids.version, '/akn'),
      );
      add('GET /api/organisations', [
        { name: 'the list', path: '/api/organisations', expect: everyone(200) },
      ]);
      add('POST /api/organisations', [
        {
          name: 'a new organisation (any account; each role its own name)',
          path: '/api/organisations',
          body: (role) => ({ name: `Registered by ${role}`, stakeholderGroup: 'academia' }),
          expect: tokensOnly({ readerToken: 201, representativeToken: 201, secretariatToken: 201 }),
        },
      ]);
      // The government's representative is no role here: adding them changes no role's answers.
      const newRepresentative = () => ({ email: built.accounts.government.email });
      add('POST /api/organisations/:ref/representatives', [
        {
          name: 'to its own organisation (a representative)',
          path: `/api/organisations/${built.organisations.civil.slug}/representatives`,
          body: newRepresentative,
          expect: tokensOnly({ readerToken: 403, representativeToken: 200, secretariatToken: 403 }),
        },
        {
          name: 'to a missing organisation',
          path: '/api/organisations/no-such-organisation/representatives',
          body: newRepresentative,
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      // Verification changes state: the verify rows come first, so the revoke rows find it made.
      const tech = built.organisations.tech.slug;
      const techRep = built.accounts.tech.id;
      const proof = () => ({ kind: 'letter', reason: 'Letter of 3 May from its chair.' });
      const withdrawn = () => ({ reason: 'The chair wrote that the letter was not theirs.' });
      const verifiers = tokensOnly({
        readerToken: 403,
        representativeToken: 403,
        secretariatToken: 200,
      });
      const missingHere = tokensOnly({
        readerToken: 403,
        representativeToken: 403,
        secretariatToken: 404,
      });
      add('POST /api/organisations/:ref/verify', [
        {
          name: 'an organisation',
          path: `/api/organisations/${tech}/verify`,
          body: proof,
          expect: verifiers,
        },
        {
          name: 'a missing organisation',
          path: '/api/organisations/no-such-organisation/verify',
          body: proof,
          expect: missingHere,
        },
      ]);
      add('POST /api/organisations/:ref/revoke', [
        {
          name: 'a verified organisation',
          path: `/api/organisations/${tech}/revoke`,
          body: withdrawn,
          expect: verifiers,
        },
      ]);
      add('POST /api/organisations/:ref/representatives/:accountId/verify', [
        {
          name: 'its representative',
          path: `/api/organisations/${tech}/representatives/${techRep}/verify`,
          body: proof,
          expect: verifiers,
        },
        {
          name: 'an account that does not represent it',
          path: `/api/organisations/${tech}/representatives/${built.accounts.outsider.id}/verify`,
          body: proof,
          expect: missingHere,
        },
      ]);
      add('POST /api/organisations/:ref/representatives/:accountId/revoke', [
        {
          name: 'its verified representative',
          path: `/api/organisations/${tech}/representatives/${techRep}/revoke`,
          body: withdrawn,
          expect: verifiers,
        },
      ]);
      add('GET /api/concepts', [
        { name: 'the list', path: '/api/concepts', expect: everyone(200) },
      ]);
      add('GET /api/concepts/:slug', [
        { name: 'a concept', path: '/api/concepts/public-core', expect: everyone(200) },
      ]);
      add('POST /api/stances', [
        {
          name: 'on a public paragraph',
          path: '/api/stances',
          body: stanceBody(publicBlock, 'public core of the Internet'),
          expect: tokensOnly({ readerToken: 201, representativeToken: 201, secretariatToken: 201 }),
        },
        {
          // Stances are read by everyone, so even the staff quote only public passages.
          name: 'on a hidden paragraph',
          path: '/api/stances',
          body: stanceBody(hiddenBlock, 'public core of the Internet'),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
        {
          name: 'on a missing paragraph',
          path: '/api/stances',
          body: stanceBody(missingBlock, 'public core of the Internet'),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      add('GET /api/countries', [
        { name: 'the States and their counts', path: '/api/countries', expect: everyone(200) },
      ]);
      add('GET /api/countries/:code', [
        { name: 'one State', path: '/api/countries/KEN', expect: everyone(200) },
        { name: 'no such State', path: '/api/countries/ZZZ', expect: everyone(404) },
      ]);
      add('GET /api/countries/:code/stances', [
        { name: "a state's stances", path: '/api/countries/KEN/stances', expect: everyone(200) },
      ]);
      const measureBody =
        (extra: Record<string, unknown> = {}) =>
        (role: Role) => ({
          country: 'KEN',
          title: `Reported through the API by ${role}`,
          titleLanguage: 'en',
          instrument: 'law',
          status: 'adopted',
          statusDates: { adopted: '2026-02-01' },
          elements: ['routing'],
          kinds: ['routing-obligations'],
          source: { documentId: built.documentId, paragraphs: ['para 3'] },
          ...extra,
        });
      const civilViewer: Viewer = {
        ...built.accounts.civil,
        name: 'civil',
        isAdmin: false,
        via: 'session',
        grants: [],
      };
      const measure = await o.db
        .transaction()
        .execute((trx) => recordMeasure(trx, civilViewer, measureBody()('representative'), now));
      const missingMeasure = newId();
      const termBody = () => ({
        type: 'element',
        texts: Object.fromEntries(
          ['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [
            l,
            { name: `Orbit ${l}`, definition: `Satellites ${l}` },
          ]),
        ),
      });
      add('GET /api/registry/terms', [
        { name: 'the elements and kinds', path: '/api/registry/terms', expect: everyone(200) },
      ]);
      add('POST /api/registry/terms/:slug', [
        {
          name: 'an element (administrators only)',
          path: '/api/registry/terms/satellites',
          body: termBody,
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 403 }),
        },
      ]);
      add('GET /api/registry/measures', [
        {
          name: 'the measures',
          path: '/api/registry/measures?region=african&at=2026-06-01',
          expect: everyone(200),
        },
        {
          name: 'a bad filter',
          path: '/api/registry/measures?status=rumoured',
          expect: everyone(400),
        },
      ]);
      add('POST /api/registry/measures', [
        {
          name: 'a report',
          path: '/api/registry/measures',
          body: measureBody(),
          expect: tokensOnly({ readerToken: 201, representativeToken: 201, secretariatToken: 201 }),
        },
        {
          name: "a claim of the State's own word by no representative of its government",
          path: '/api/registry/measures',
          body: measureBody({ asState: true }),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 403 }),
        },
        {
          name: 'a paragraph that does not exist',
          path: '/api/registry/measures',
          body: measureBody({ source: { documentId: built.documentId, paragraphs: ['para 99'] } }),
          expect: tokensOnly({ readerToken: 400, representativeToken: 400, secretariatToken: 400 }),
        },
      ]);
      add('GET /api/registry/measures/:id', [
        { name: 'a measure', path: `/api/registry/measures/${measure.id}`, expect: everyone(200) },
        {
          name: 'a missing measure',
          path: `/api/registry/measures/${missingMeasure}`,
          expect: everyone(404),
        },
      ]);
      add('POST /api/registry/measures/:id/versions', [
        {
          name: 'a revision (its recorder only)',
          path: `/api/registry/measures/${measure.id}/versions`,
          body: measureBody({ status: 'in_force', statusDates: { in_force: '2026-05-01' } }),
          expect: tokensOnly({ readerToken: 403, representativeToken: 201, secretariatToken: 403 }),
        },
        {
          name: 'a missing measure',
          path: `/api/registry/measures/${missingMeasure}/versions`,
          body: measureBody(),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      add('GET /api/registry/countries/:code', [
        {
          name: "a State's practice",
          path: '/api/registry/countries/KEN?at=2026-06-01',
          expect: everyone(200),
        },
        { name: 'no such State', path: '/api/registry/countries/ZZZ', expect: everyone(404) },
      ]);
      const roundBody = () => ({
        title: 'Practice on the public core',
        questions: [
          { key: 'plans', texts: { en: 'What do you plan?', fr: 'Que prévoyez-vous ?' } },
        ],
        invited: ['BRA', 'KEN'],
        opensAt: '2026-05-01T09:00',
        closesAt: '2026-12-31T18:00',
        timeZone: 'Europe/Zurich',
      });
      const round = await o.db
        .transaction()
        .execute((trx) => openRound(trx, operatorViewer, built.process.id, roundBody(), now));
      const missingRound = newId();
      add('POST /api/processes/:process/registry-rounds', [
        {
          name: 'a round (the secretariat)',
          path: '/api/processes/twg/registry-rounds',
          body: roundBody,
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 201 }),
        },
      ]);
      add('GET /api/registry-rounds/:id', [
        { name: 'a round', path: `/api/registry-rounds/${round.id}`, expect: everyone(200) },
        {
          name: 'a missing round',
          path: `/api/registry-rounds/${missingRound}`,
          expect: everyone(404),
        },
      ]);
      add('POST /api/registry-rounds/:id/answers', [
        {
          name: 'an answer by no verified representative of an invited government',
          path: `/api/registry-rounds/${round.id}/answers`,
          body: () => ({ organisationId: built.organisations.civil.id, language: 'en' }),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 403 }),
        },
        {
          name: 'to a missing round',
          path: `/api/registry-rounds/${missingRound}/answers`,
          body: () => ({ organisationId: built.organisations.civil.id, language: 'en' }),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      add('GET /api/registry-rounds/:id/status', [
        {
          name: "a round's answers (the secretariat)",
          path: `/api/registry-rounds/${round.id}/status`,
          expect: {
            ...everyone(403),
            anonymous: 401,
            secretariat: 200,
            admin: 200,
            secretariatToken: 200,
          },
        },
      ]);
      add('POST /api/registry-rounds/:id/more-time', [
        {
          name: 'more time asked by no verified representative of an invited government',
          path: `/api/registry-rounds/${round.id}/more-time`,
          body: () => ({ organisationId: built.organisations.civil.id, reason: 'A bill.' }),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 403 }),
        },
        {
          name: 'more time in a missing round',
          path: `/api/registry-rounds/${missingRound}/more-time`,
          body: () => ({ organisationId: built.organisations.civil.id, reason: 'A bill.' }),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      add('POST /api/registry-rounds/:id/extensions/:country', [
        {
          name: 'more time for a State that did not ask (the secretariat: refused, 400)',
          path: `/api/registry-rounds/${round.id}/extensions/KEN`,
          body: () => ({ closesAt: '2027-01-15T18:00' }),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 400 }),
        },
      ]);
      add('POST /api/registry-rounds/:id/reminders', [
        {
          name: 'reminders (the secretariat)',
          path: `/api/registry-rounds/${round.id}/reminders`,
          body: () => ({}),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 200 }),
        },
      ]);
      add('POST /api/registry/answer-files/:id/import', [
        {
          name: 'importing a file no answer has (not found, whoever asks; who may import is tested in src/registry/answer-files.test.ts)',
          path: '/api/registry/answer-files/00000000-0000-4000-8000-000000000000/import',
          body: () => ({}),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      add('POST /api/registry-rounds/:id/publish', [
        {
          name: 'a round still open',
          path: `/api/registry-rounds/${round.id}/publish`,
          body: () => ({}),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 400 }),
        },
      ]);
      add('GET /api/registry/matrix', [
        {
          name: 'the matrix',
          path: '/api/registry/matrix?kind=routing-obligations',
          expect: everyone(200),
        },
      ]);
      add('GET /api/registry/map', [
        {
          name: 'the map by indicator',
          path: '/api/registry/map?element=naming-numbering&show=indicator',
          expect: everyone(200),
        },
        {
          name: 'an unknown element',
          path: '/api/registry/map?element=nothing',
          expect: everyone(400),
        },
      ]);
      add('GET /api/registry/pair', [
        { name: 'two States', path: '/api/registry/pair?a=BRA&b=FRA', expect: everyone(200) },
        { name: 'one State twice', path: '/api/registry/pair?a=BRA&b=bra', expect: everyone(400) },
      ]);
      add('GET /api/registry/timeline', [
        {
          name: 'the timeline of a region',
          path: '/api/registry/timeline?region=african',
          expect: everyone(200),
        },
      ]);
      const secretariatWrite = (status: number) =>
        tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: status });
      add('POST /api/processes/:process/consultations', [
        {
          name: 'a period on the public version (the secretariat)',
          path: '/api/processes/twg/consultations',
          body: () => ({
            versionId: built.versionId,
            title: 'A second round through the API',
            opensAt: '2026-09-01T09:00',
            closesAt: '2026-10-01T18:00',
            timeZone: 'Europe/Zurich',
          }),
          expect: secretariatWrite(201),
        },
      ]);
      add('POST /api/consultations/:id/extend', [
        {
          name: 'the open period (the secretariat)',
          path: `/api/consultations/${built.period.id}/extend`,
          body: () => ({ closesAt: '2031-01-15T23:00', reason: 'Delegations asked for time.' }),
          expect: secretariatWrite(200),
        },
      ]);
      add('GET /api/processes/:process/consultations', [
        {
          name: 'the periods',
          path: '/api/processes/twg/consultations',
          expect: everyone(200),
          staffSees: true,
        },
      ]);
      add(
        'GET /api/consultations/:id',
        byId('/api/consultations/:id', 'period', built.period.id, hiddenPeriod.id),
      );
      add(
        'GET /api/consultations/:id/submissions',
        byId('/api/consultations/:id', 'period', built.period.id, hiddenPeriod.id, '/submissions'),
      );
      add(
        'GET /api/consultations/:id/campaigns',
        byId('/api/consultations/:id', 'period', built.period.id, hiddenPeriod.id, '/campaigns'),
      );
      add('POST /api/consultations/:id/submissions', [
        {
          name: 'to an open period',
          path: `/api/consultations/${built.period.id}/submissions`,
          body: submissionBody,
          expect: tokensOnly({ readerToken: 403, representativeToken: 201, secretariatToken: 403 }),
        },
        {
          name: 'to a hidden period',
          path: `/api/consultations/${hiddenPeriod.id}/submissions`,
          body: submissionBody,
          expect: tokensOnly({ readerToken: 403, representativeToken: 404, secretariatToken: 403 }),
          missing: {
            path: `/api/consultations/${missingPeriod}/submissions`,
            hiddenRef: hiddenPeriod.id,
            missingRef: missingPeriod,
          },
        },
      ]);
      add(
        'GET /api/consultations/:id/annotations',
        byId('/api/consultations/:id', 'period', built.period.id, hiddenPeriod.id, '/annotations'),
      );
      const annotationBody = () => ({
        organisationId: built.organisations.tech.id,
        collection: { type: 'AnnotationPage', items: [] },
      });
      add('POST /api/consultations/:id/annotations', [
        {
          name: 'into an open period',
          path: `/api/consultations/${built.period.id}/annotations`,
          body: annotationBody,
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 200 }),
        },
        {
          name: 'into a hidden period',
          path: `/api/consultations/${hiddenPeriod.id}/annotations`,
          body: annotationBody,
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 200 }),
          missing: {
            path: `/api/consultations/${missingPeriod}/annotations`,
            hiddenRef: hiddenPeriod.id,
            missingRef: missingPeriod,
          },
        },
      ]);
      add('GET /api/processes/:process/meetings', [
        { name: 'the meetings', path: '/api/processes/twg/meetings', expect: everyone(200) },
      ]);
      add('GET /api/meetings/:id', [
        { name: 'a meeting', path: `/api/meetings/${meeting.id}`, expect: everyone(200) },
      ]);
      add(
        'GET /api/submissions/:id',
        byId('/api/submissions/:id', 'submission', publicSubmission, hiddenSubmission),
      );
      add('GET /api/search', [
        {
          name: 'a word of both',
          path: '/api/search?q=public+core',
          expect: everyone(200),
          staffSees: true,
        },
        {
          name: 'within a hidden document',
          path: `/api/search?q=public+core&document=${encodeURIComponent(secret.symbol)}`,
          expect: staffOnly(200),
          missing: {
            path: `/api/search?q=public+core&document=${encodeURIComponent('TWG/NONE/9')}`,
            hiddenRef: secret.symbol,
            missingRef: 'TWG/NONE/9',
          },
          staffSees: true,
        },
      ]);
      // The transparency log is public; an entry about a draft in preparation shows only its
      // hash to outsiders (transparency.test.ts checks the redaction itself).
      const { treeHeads } = await listTreeHeads(o.db, { limit: 1000 });
      const [latest, oldest] = [treeHeads[0]!.treeSize, treeHeads.at(-1)!.treeSize];
      const log = (path: string): Case[] => [
        { name: 'the log', path, expect: everyone(200), staffSees: false },
      ];
      add('GET /api/transparency/tree-head', log('/api/transparency/tree-head'));
      add('GET /api/transparency/tree-heads', log('/api/transparency/tree-heads'));
      add('GET /api/transparency/proof', log(`/api/transparency/proof?leaf=0&size=${latest}`));
      add(
        'GET /api/transparency/consistency',
        log(`/api/transparency/consistency?first=${oldest}&second=${latest}`),
      );
      add('GET /api/transparency/entries', log('/api/transparency/entries?start=0'));
      add('GET /api/transparency/key', log('/api/transparency/key'));
      add('GET /api/tokens', [
        {
          name: 'your own tokens',
          path: '/api/tokens',
          expect: { ...everyone(200), anonymous: 401 },
        },
      ]);
      const secretariatTokenId = (
        await o.db
          .selectFrom('api_tokens')
          .select('id')
          .where('account_id', '=', built.accounts.secretariat.id)
          .executeTakeFirstOrThrow()
      ).id;
      add('GET /api/tokens/:id/uses', [
        {
          name: 'the uses of the secretariat’s token (its owner only)',
          path: `/api/tokens/${secretariatTokenId}/uses`,
          expect: { ...everyone(404), anonymous: 401, secretariat: 200, secretariatToken: 200 },
        },
      ]);
      add('POST /api/tokens/:id/revoke', [
        {
          // A token of no one here: the matrix's own tokens must stay live for the other rows.
          name: 'a token that is not yours',
          path: `/api/tokens/${newId()}/revoke`,
          body: () => ({}),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      // A comment of the technical community's co-signed by civil society, and one in review:
      // each answered once, by the one token whose account may (the others are refused first).
      const byAdmin: Viewer = {
        ...built.accounts.admin,
        name: 'admin',
        isAdmin: true,
        grants: [],
        via: 'session',
      };
      const comment = async (organisationId: string, cosigners: string[], key: string) =>
        (
          await submitComment(
            o.db,
            byAdmin,
            built.period.id,
            { organisationId, body: `For the matrix: ${key}`, idempotencyKey: key, cosigners },
            [],
            now,
          )
        ).submissionId;
      const invited = await comment(
        built.organisations.tech.id,
        [built.organisations.civil.id],
        'matrix-cosign',
      );
      const inReview = await comment(built.organisations.civil.id, [], 'matrix-moderate');
      const missingSubmission = newId();
      const cosignBody = () => ({
        organisationId: built.organisations.civil.id,
        answer: 'confirm',
      });
      add('POST /api/submissions/:id/cosign', [
        {
          name: 'an invitation to its organisation',
          path: `/api/submissions/${invited}/cosign`,
          body: cosignBody,
          expect: tokensOnly({ readerToken: 403, representativeToken: 200, secretariatToken: 403 }),
        },
        {
          name: 'a missing submission',
          path: `/api/submissions/${missingSubmission}/cosign`,
          body: cosignBody,
          // The organisation is checked first: only its representative learns the id is unknown.
          expect: tokensOnly({ readerToken: 403, representativeToken: 404, secretariatToken: 403 }),
        },
      ]);
      add('POST /api/submissions/:id/moderate', [
        {
          name: 'a submission in review',
          path: `/api/submissions/${inReview}/moderate`,
          body: () => ({ action: 'publish' }),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 200 }),
        },
        {
          name: 'a missing submission',
          path: `/api/submissions/${missingSubmission}/moderate`,
          body: () => ({ action: 'publish' }),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      add('POST /api/consultations/:id/publish', [
        {
          name: 'the open period (publishing waits for its close)',
          path: `/api/consultations/${built.period.id}/publish`,
          body: () => ({}),
          expect: tokensOnly({ readerToken: 403, representativeToken: 403, secretariatToken: 409 }),
        },
        {
          name: 'a missing period',
          path: `/api/consultations/${missingPeriod}/publish`,
          body: () => ({}),
          expect: tokensOnly({ readerToken: 404, representativeToken: 404, secretariatToken: 404 }),
        },
      ]);
      // The page actions' counterparts (issue 17, point 1). Tokens of this matrix hold every
      // scope (made before scopes): what refuses here is the account's role.
      const allTokens = (status: number) =>
        tokensOnly({ readerToken: status, representativeToken: status, secretariatToken: status });
      add('POST /api/processes', [
        {
          name: 'a new process (administrators only)',
          path: '/api/processes',
          body: (role) => ({
            slug: `by-${role.toLowerCase()}`,
            name: `Process by ${role}`,
            parentBody: 'Test Assembly',
            mandate: 'Refused in tests.',
          }),
          expect: allTokens(403),
        },
      ]);
      add('POST /api/concepts', [
        {
          name: 'a new concept (administrators only)',
          path: '/api/concepts',
          body: (role) => ({ slug: `by-${role.toLowerCase()}`, names: { en: `By ${role}` } }),
          expect: allTokens(403),
        },
      ]);
      add('POST /api/concepts/:slug/terms', [
        {
          name: 'a term (administrators only)',
          path: '/api/concepts/public-core/terms',
          body: () => ({ language: 'en', term: 'core of the net' }),
          expect: allTokens(403),
        },
      ]);
      add('POST /api/concepts/:slug/terms/:term/delete', [
        {
          name: 'a term (administrators only)',
          path: `/api/concepts/public-core/terms/${newId()}/delete`,
          body: () => ({}),
          expect: allTokens(403),
        },
      ]);
      add('POST /api/stances/:id/delete', [
        {
          name: 'a missing stance',
          path: `/api/stances/${newId()}/delete`,
          body: () => ({}),
          expect: allTokens(404),
        },
      ]);
      add('POST /api/processes/:process/meetings', [
        {
          name: 'a meeting (the secretariat)',
          path: '/api/processes/twg/meetings',
          body: (role) => ({
            title: `Informal consultations by ${role}`,
            kind: 'informal',
            format: 'virtual',
            startsAt: '2026-08-03T10:00',
            endsAt: '2026-08-03T12:00',
            timeZone: 'America/New_York',
          }),
          expect: secretariatWrite(201),
        },
      ]);
      add('POST /api/meetings/:id/change', [
        {
          name: 'a move online (the secretariat)',
          path: `/api/meetings/${meeting.id}/change`,
          body: () => ({ action: 'move_online', reason: 'The venue is closed.' }),
          expect: secretariatWrite(200),
        },
        {
          name: 'a missing meeting',
          path: `/api/meetings/${newId()}/change`,
          body: () => ({ action: 'cancel', reason: 'Not needed.' }),
          expect: allTokens(404),
        },
      ]);
      add('POST /api/processes/:process/follow', [
        {
          name: 'a process (any account)',
          path: '/api/processes/twg/follow',
          body: () => ({ follow: true }),
          expect: allTokens(200),
        },
      ]);
      add('POST /api/processes/:process/translations', [
        {
          name: 'the process’s name (the secretariat)',
          path: '/api/processes/twg/translations',
          body: () => ({
            translations: [
              {
                subjectType: 'process',
                subjectId: built.process.id,
                field: 'name',
                language: 'fr',
                text: 'Groupe de travail',
              },
            ],
          }),
          expect: secretariatWrite(200),
        },
      ]);
      add('POST /api/watches', [
        {
          name: 'a watch (any account)',
          path: '/api/watches',
          body: (role) => ({ name: `Watch of ${role}`, query: 'public core' }),
          expect: allTokens(201),
        },
      ]);
      for (const [route, suffix, body] of [
        ['POST /api/watches/:id', '', { name: 'Renamed', query: 'core' }],
        ['POST /api/watches/:id/feed-key', '/feed-key', {}],
        ['POST /api/watches/:id/delete', '/delete', {}],
      ] as const)
        add(route, [
          {
            name: 'a missing watch (or another’s)',
            path: `/api/watches/${newId()}${suffix}`,
            body: () => body,
            expect: allTokens(404),
          },
        ]);
      add('POST /api/versions/:id/publish', [
        {
          name: 'the public version (the secretariat; it stays public)',
          path: `/api/versions/${built.versionId}/publish`,
          body: () => ({}),
          expect: secretariatWrite(200),
        },
        {
          name: 'a missing version',
          path: `/api/versions/${newId()}/publish`,
          body: () => ({}),
          expect: allTokens(404),
        },
      ]);
      add('POST /api/processes/:process/import-drafts', [
        {
          name: 'a text file (the secretariat)',
          path: '/api/processes/twg/import-drafts',
          body: (role) => ({
            file: {
              name: 'draft.md',
              content: Buffer.from(`# Draft by ${role}\n\n1. A first paragraph.\n`).toString(
                'base64',
              ),
            },
            symbol: `TWG/API/${role}`,
            title: `A draft of ${role}`,
          }),
          expect: secretariatWrite(201),
        },
      ]);
      const missingDraft = newId();
      add('GET /api/import-drafts/:id', [
        {
          name: 'a missing draft',
          path: `/api/import-drafts/${missingDraft}`,
          expect: everyone(404),
        },
      ]);
      for (const [route, suffix, body] of [
        ['POST /api/import-drafts/:id/corrections', 'corrections', { type: 'join', block: 'b1' }],
        ['POST /api/import-drafts/:id/publish', 'publish', {}],
        ['POST /api/import-drafts/:id/discard', 'discard', {}],
      ] as const)
        add(route, [
          {
            name: 'a missing draft',
            path: `/api/import-drafts/${missingDraft}/${suffix}`,
            body: () => body,
            expect: allTokens(404),
          },
        ]);
      // A briefing job is its owner's: the request here is refused (the period ends before it
      // starts) so that no job runs on after the test (src/briefings/briefing-jobs.test.ts runs them).
      add('POST /api/briefings', [
        {
          name: 'a request that does not hold (any account)',
          path: '/api/briefings',
          body: () => ({
            processes: ['twg'],
            concepts: ['public-core'],
            from: '2026-06-30',
            to: '2026-01-01',
          }),
          expect: allTokens(400),
        },
      ]);
      const signedInRead = (status: number) =>
        Object.fromEntries(roles.map((r) => [r, r === 'anonymous' ? 401 : status])) as Record<
          Role,
          number
        >;
      add('POST /api/consultations/:id/close', [
        {
          // Closing the built period would change every later row's answers; the close itself
          // is tested in src/api/page-actions.api.test.ts.
          name: 'a missing period',
          path: `/api/consultations/${newId()}/close`,
          body: () => ({ reason: 'The mandate ended.' }),
          expect: allTokens(404),
        },
      ]);
      add('GET /api/watches', [
        { name: 'one’s own watches', path: '/api/watches', expect: signedInRead(200) },
      ]);
      add('GET /api/briefings', [
        { name: 'one’s own jobs', path: '/api/briefings', expect: signedInRead(200) },
      ]);
      add('GET /api/briefings/:id', [
        { name: 'a missing job', path: `/api/briefings/${newId()}`, expect: signedInRead(404) },
      ]);
      add('GET /api/briefings/:id/result/:format', [
        {
          name: 'the paper of a missing job',
          path: `/api/briefings/${newId()}/result/md`,
          expect: signedInRead(404),
        },
      ]);
      add('GET /api/openapi.json', [
        { name: 'the description', path: '/api/openapi.json', expect: everyone(200) },
      ]);
    });
    after(async () => {
      await followers.stop();
      await o.close();
    });

    test('every API route of the app has a row, and every row is a route', () => {
      const routes = new Set(
        app.routes
          .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path}`),
      );
      assert.deepEqual([...routes].sort(), [...rows.keys()].sort());
    });

    test('each role gets the status its rights give, on every API route', async () => {
      const wrong: string[] = [];
      for (const [route, cases] of rows) {
        for (const c of cases) {
          for (const role of roles) {
            const res = await ask(role, c);
            const body = await res.text();
            if (res.status !== c.expect[role])
              wrong.push(
                `${route} ${c.name} as ${role}: ${res.status} (${c.expect[role]} expected) ${body.slice(0, 200)}`,
              );
            // An error message may repeat what the request asked for; nothing else may name it.
            const asked = decodeURIComponent(c.path) + JSON.stringify(c.body?.(role) ?? '');
            const named = [secret.title, secret.symbol, secret.word, secret.periodTitle].filter(
              (s) => body.includes(s) && !asked.includes(s),
            );
            if (!staff.has(role) && named.length > 0)
              wrong.push(`${route} ${c.name} as ${role}: the answer names ${named.join(', ')}`);
            if (staff.has(role) && c.staffSees && res.status === 200 && named.length === 0)
              wrong.push(`${route} ${c.name} as ${role}: the staff should see the hidden document`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    test('a hidden thing answers outsiders exactly as a missing one', async () => {
      const wrong: string[] = [];
      for (const [route, cases] of rows) {
        for (const c of cases) {
          if (!c.missing) continue;
          const { path, hiddenRef, missingRef } = c.missing;
          for (const role of roles.filter((r) => !staff.has(r))) {
            const hiddenRes = await ask(role, c);
            const missingRes = await ask(role, { ...c, path });
            const hiddenBody = (await hiddenRes.text()).replaceAll(hiddenRef, missingRef);
            const missingBody = await missingRes.text();
            if (
              hiddenRes.status !== missingRes.status ||
              hiddenBody !== missingBody ||
              hiddenRes.headers.get('content-type') !== missingRes.headers.get('content-type')
            )
              wrong.push(
                `${route} ${c.name} as ${role}: ${hiddenRes.status} ${hiddenBody} ≠ ${missingRes.status} ${missingBody}`,
              );
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}
