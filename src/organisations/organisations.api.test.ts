/**
 * Registering an organisation and adding its representatives through the JSON API (issue 17,
 * point 1): the page's service calls behind a token with the scope `submit`. A success answers
 * with the organisation; a token without the scope is refused naming it (403), an unknown field by
 * name (422), a missing name or unknown address by field, someone else's organisation (403), and
 * no refusal writes anything: the row count of every table is the same after, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import {
  assertRefusedWithoutWriting,
  openTestDatabase,
  rowCounts,
  testEngines,
} from '../db/test-databases.ts';

interface Answer {
  organisation?: { id: string; slug: string; name: string; stakeholderGroup: string };
  error?: { code: string; message: string };
}

for (const engine of testEngines()) {
  describe(`organisations through the API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clock = new Date('2026-06-10T12:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      app = createApp({ db: o.db, engine, now: () => clock });
    });
    after(async () => o.close());

    const tokenOf = async (who: 'civil' | 'tech', scopes: string[]) =>
      (await makeApiToken(o.db, representativeViewer(built, who), { name: 'test', scopes }, clock))
        .secret;
    const post = async (secret: string, path: string, body: object) => {
      const res = await app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Answer };
    };

    test('an account registers an organisation with a submit token; refusals write nothing', async () => {
      const submitter = await tokenOf('civil', ['read', 'submit']);
      const readOnly = await tokenOf('civil', ['read']);
      const fields = { name: 'Digital Commons Lab', stakeholderGroup: 'academia' };
      const counts = await rowCounts(o, ['rate_limits']);
      await assertRefusedWithoutWriting(
        o,
        [
          [
            'no submit scope',
            post(readOnly, '/api/organisations', fields),
            403,
            'TOKEN_SCOPE_MISSING',
            /“submit”/,
          ],
          [
            'unknown field',
            post(submitter, '/api/organisations', { ...fields, acronym: 'DCL' }),
            422,
            'UNKNOWN_FIELD',
            /“acronym”/,
          ],
          [
            'a government without its State',
            post(submitter, '/api/organisations', {
              name: 'A ministry',
              stakeholderGroup: 'government',
            }),
            400,
            'INVALID_REQUEST',
            /country/,
          ],
          [
            'a name already registered',
            post(submitter, '/api/organisations', {
              ...fields,
              name: built.organisations.civil.name,
            }),
            409,
            'ORGANISATION_CONFLICT',
            /./,
          ],
        ],
        counts,
      );

      const made = await post(submitter, '/api/organisations', fields);
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal(made.body.organisation?.slug, 'digital-commons-lab');
      assert.equal(made.body.organisation?.stakeholderGroup, 'academia');
      const stored = await o.db
        .selectFrom('organisations')
        .select(['name', 'created_by'])
        .where('slug', '=', 'digital-commons-lab')
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, {
        name: 'Digital Commons Lab',
        created_by: built.accounts.civil.id,
      });
    });

    test('a representative adds another with a submit token; refusals write nothing', async () => {
      const civilRep = await tokenOf('civil', ['submit']);
      const civilReader = await tokenOf('civil', ['read']);
      const techRep = await tokenOf('tech', ['submit']);
      const civil = built.organisations.civil;
      const path = `/api/organisations/${civil.slug}/representatives`;
      const email = { email: built.accounts.outsider.email };
      const grants = () =>
        o.db
          .selectFrom('role_grants')
          .select('account_id')
          .where('role', '=', 'representative')
          .where('scope_id', '=', civil.id)
          .execute();
      const counts = await rowCounts(o, ['rate_limits']);
      await assertRefusedWithoutWriting(
        o,
        [
          [
            'no submit scope',
            post(civilReader, path, email),
            403,
            'TOKEN_SCOPE_MISSING',
            /“submit”/,
          ],
          [
            'unknown field',
            post(civilRep, path, { ...email, role: 'x' }),
            422,
            'UNKNOWN_FIELD',
            /“role”/,
          ],
          [
            'an address no account uses',
            post(civilRep, path, { email: 'nobody@example.org' }),
            404,
            'ACCOUNT_NOT_FOUND',
            /nobody@example\.org/,
          ],
          [
            'for another organisation',
            post(techRep, path, email),
            403,
            'FORBIDDEN',
            /representative/,
          ],
          [
            'to a missing organisation',
            post(civilRep, '/api/organisations/no-such-one/representatives', email),
            404,
            'ORGANISATION_NOT_FOUND',
            /./,
          ],
        ],
        counts,
      );

      const added = await post(civilRep, path, email);
      assert.equal(added.status, 200, JSON.stringify(added.body));
      assert.equal(added.body.organisation?.id, civil.id);
      assert.ok(
        (await grants()).some((g) => g.account_id === built.accounts.outsider.id),
        'the outsider now represents civil society',
      );
    });
  });
}
