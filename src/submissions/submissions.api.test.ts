/**
 * Co-signing and moderation through the JSON API (issue 17, point 1): the page's service call
 * behind a token with its scope. A success answers with the submission as it now stands; a token
 * without the scope is refused naming it (403), an unknown field by name (422), a wrong answer or
 * action by field (400), someone else's organisation (403), and no refusal writes anything: the
 * row count of every table is the same after, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiToken } from '../accounts/accounts.service.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
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
  type ExpectedRefusal,
} from '../db/test-databases.ts';
import { submitComment } from './submissions.service.ts';

interface Answer {
  submission?: { id: string; status: string; cosigners: { state: string }[] };
  error?: { code: string; message: string };
}

for (const engine of testEngines()) {
  describe(`co-signing and moderation through the API (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const clock = new Date('2026-06-10T12:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, {
        opens: '2026-06-01T00:00',
        closes: '2026-07-01T00:00',
      });
      app = createApp({ db: o.db, engine, now: () => clock });
    });
    after(async () => o.close());

    const tokenOf = async (viewer: Viewer, scopes: string[]) =>
      (await makeApiToken(o.db, viewer, { name: 'test', scopes }, clock)).secret;
    const staffOf = (who: 'moderator' | 'secretariat'): Viewer => ({
      ...built.accounts[who],
      name: who,
      isAdmin: false,
      via: 'session',
      grants: [{ role: who, scopeId: built.process.id }],
    });
    const post = async (secret: string, path: string, body: object) => {
      const res = await app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Answer };
    };
    /** A comment of the technical community, co-signed by civil society if asked. */
    const comment = async (key: string, cosigners: string[] = []) =>
      (
        await submitComment(
          o.db,
          representativeViewer(built, 'tech'),
          built.period.id,
          {
            organisationId: built.organisations.tech.id,
            body: `A comment to answer through the API (${key}).`,
            idempotencyKey: key,
            cosigners,
          },
          [],
          clock,
        )
      ).submissionId;
    const status = async (id: string) =>
      (
        await o.db
          .selectFrom('submissions')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    test('a representative co-signs with a submit token; refusals name their reason and write nothing', async () => {
      const id = await comment('api-cosign', [built.organisations.civil.id]);
      assert.equal(await status(id), 'awaiting_cosigners');
      const civil = representativeViewer(built, 'civil');
      const submitter = await tokenOf(civil, ['read', 'submit']);
      const readOnly = await tokenOf(civil, ['read']);
      const outsider = await tokenOf(representativeViewer(built, 'government'), ['submit']);
      const path = `/api/submissions/${id}/cosign`;
      const answer = { organisationId: built.organisations.civil.id, answer: 'confirm' };
      const counts = await rowCounts(o, ['rate_limits']);
      const refusals: ExpectedRefusal[] = [
        ['no submit scope', post(readOnly, path, answer), 403, 'TOKEN_SCOPE_MISSING', /“submit”/],
        [
          'unknown field',
          post(submitter, path, { ...answer, comment: 'yes' }),
          422,
          'UNKNOWN_FIELD',
          /“comment”/,
        ],
        [
          'neither confirm nor decline',
          post(submitter, path, { ...answer, answer: 'maybe' }),
          400,
          'INVALID_REQUEST',
          /answer/,
        ],
        [
          'for an organisation it does not represent',
          post(outsider, path, answer),
          403,
          'FORBIDDEN',
          /representative/,
        ],
      ];
      await assertRefusedWithoutWriting(o, refusals, counts);
      assert.equal(await status(id), 'awaiting_cosigners');

      const accepted = await post(submitter, path, answer);
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.submission?.id, id);
      assert.equal(accepted.body.submission?.status, 'in_review', 'the last co-signer answered');
      assert.deepEqual(
        accepted.body.submission?.cosigners.map((c) => c.state),
        ['confirmed'],
      );
      const again = await post(submitter, path, answer);
      assert.equal(again.status, 409, 'an answered invitation is not answered twice');
      assert.equal(again.body.error?.code, 'MODERATION_CONFLICT');
    });

    test('a moderator publishes, rejects and returns with a moderate token; refusals write nothing', async () => {
      const id = await comment('api-moderate');
      assert.equal(await status(id), 'in_review');
      const moderator = await tokenOf(staffOf('moderator'), ['read', 'moderate']);
      const noModerate = await tokenOf(staffOf('moderator'), ['read', 'submit']);
      const representative = await tokenOf(representativeViewer(built, 'civil'), ['moderate']);
      const path = `/api/submissions/${id}/moderate`;
      const counts = await rowCounts(o, ['rate_limits']);
      const refusals: ExpectedRefusal[] = [
        [
          'no moderate scope',
          post(noModerate, path, { action: 'publish' }),
          403,
          'TOKEN_SCOPE_MISSING',
          /“moderate”/,
        ],
        [
          'unknown field',
          post(moderator, path, { action: 'publish', reson: 'spam' }),
          422,
          'UNKNOWN_FIELD',
          /“reson”/,
        ],
        [
          'a rejection without its reason',
          post(moderator, path, { action: 'reject' }),
          400,
          'INVALID_REQUEST',
          /reason/,
        ],
        [
          'not a moderator of the process',
          post(representative, path, { action: 'publish' }),
          403,
          'FORBIDDEN',
          /moderators/,
        ],
      ];
      await assertRefusedWithoutWriting(o, refusals, counts);
      assert.equal(await status(id), 'in_review');

      const published = await post(moderator, path, { action: 'publish' });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.equal(published.body.submission?.status, 'published');
      assert.equal(await status(id), 'published');
      const again = await post(moderator, path, { action: 'publish' });
      assert.equal(again.status, 409, 'a published submission is not published twice');
      const rejected = await post(moderator, path, { action: 'reject', reason: 'off_topic' });
      assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
      assert.equal(rejected.body.submission?.status, 'rejected');
    });
  });
}
