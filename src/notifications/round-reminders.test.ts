/**
 * Questionnaire rounds beyond answering, on both engines: an invited administration asks for more
 * time and the secretariat gives it a new closing (a late answer is refused until then, accepted
 * after); the secretariat's round page shows who answered (with receipts), who has a draft, who did
 * not and who asked for more time; reminders reach the verified representatives of the States that
 * have not answered, through the outbox and a real SMTP server; the answers' CSV is the
 * secretariat's until the round is published.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  builtPassword,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import { MailSender } from '../mail/mail-sender.ts';
import { startSmtp, transportTo } from '../mail/smtp-server.builder.ts';
import { verifyRepresentative } from '../organisations/organisations.service.ts';
import {
  grantMoreTime,
  openRound,
  remindRound,
  requestMoreTime,
  saveAnswer,
} from '../registry/rounds.service.ts';
import { TestClient } from '../test-client.ts';

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
  describe(`round pages, more time and reminders (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let government: Viewer;
    let secretariat: Viewer;
    let roundId = '';
    let clock = new Date('2026-06-10T12:00:00Z');
    let followers: Followers;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let sender: MailSender;
    let app: ReturnType<typeof createApp>;

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
      followers = new Followers(o.db, engine, allFollowers);
      app = createApp({ db: o.db, engine, followers, now: () => clock, mail: 'smtp' });
      smtp = await startSmtp();
      sender = new MailSender(o.db, engine, transportTo(smtp.port), {
        from: 'plenum <plenum@example.org>',
        siteUrl: 'https://plenum.example.org',
      });
      const round = await o.db.transaction().execute((trx) =>
        openRound(
          trx,
          secretariat,
          built.process.id,
          {
            title: 'Practice on the public core, 2026',
            questions: [{ key: 'plans', texts: { en: 'What do you plan?' } }],
            invited: ['BRA', 'KEN', 'NLD'],
            opensAt: '2026-06-01T09:00',
            closesAt: '2026-06-30T18:00',
            timeZone: 'Europe/Zurich',
          },
          new Date('2026-06-01T00:00:00Z'),
        ),
      );
      roundId = round.id;
    });
    after(async () => {
      await followers.stop();
      await smtp.close();
      await o.close();
    });

    const inTrx = <T>(write: (db: typeof o.db) => Promise<T>) =>
      o.db.transaction().execute((trx) => write(trx));
    const answer = (extra: Record<string, unknown> = {}) => ({
      organisationId: built.organisations.government.id,
      language: 'pt',
      answers: { plans: 'Nenhum plano novo.' },
      ...extra,
    });

    test('reminders reach the verified representatives of the States that have not answered, by SMTP', async () => {
      const sent = await inTrx((db) => remindRound(db, secretariat, roundId, clock));
      assert.deepEqual(sent.countries, ['BRA', 'KEN', 'NLD']);
      await followers.drain();
      assert.equal(await sender.sendDue(), 1, 'one verified representative among the three States');
      const mail = smtp.received.at(-1)!;
      assert.match(mail, new RegExp(`To: ${built.accounts.government.email}`));
      assert.match(mail, /Subject: Reminder: Practice on the public core, 2026/);
      assert.match(mail, /has not yet submitted its answer/);
      assert.match(mail, new RegExp(`/registry/rounds/${roundId}`));
      assert.equal(
        (await refusal(inTrx((db) => remindRound(db, government, roundId, clock)))).code,
        'FORBIDDEN',
      );
    });

    test('an administration asks for more time; a late answer is refused until the secretariat gives it', async () => {
      const civil = representativeViewer(built, 'civil');
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              requestMoreTime(
                db,
                civil,
                roundId,
                { organisationId: built.organisations.civil.id, reason: 'x' },
                clock,
              ),
            ),
          )
        ).code,
        'FORBIDDEN',
      );
      assert.match(
        (
          await refusal(
            inTrx((db) => requestMoreTime(db, government, roundId, answer({ reason: '' }), clock)),
          )
        ).detail,
        /^reason/,
      );
      await inTrx((db) =>
        requestMoreTime(
          db,
          government,
          roundId,
          {
            organisationId: built.organisations.government.id,
            reason: 'The decree is before the Senate.',
          },
          clock,
        ),
      );
      // Only a State that asked gets more time, and only later than the round's closing.
      assert.match(
        (
          await refusal(
            inTrx((db) =>
              grantMoreTime(
                db,
                secretariat,
                roundId,
                'KEN',
                { closesAt: '2026-07-15T18:00' },
                clock,
              ),
            ),
          )
        ).detail,
        /KEN has not asked/,
      );
      assert.match(
        (
          await refusal(
            inTrx((db) =>
              grantMoreTime(
                db,
                secretariat,
                roundId,
                'BRA',
                { closesAt: '2026-06-20T18:00' },
                clock,
              ),
            ),
          )
        ).detail,
        /^closesAt/,
      );
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              grantMoreTime(
                db,
                government,
                roundId,
                'BRA',
                { closesAt: '2026-07-15T18:00' },
                clock,
              ),
            ),
          )
        ).code,
        'FORBIDDEN',
      );
      const late = new Date('2026-07-05T12:00:00Z');
      assert.equal(
        (await refusal(inTrx((db) => saveAnswer(db, government, roundId, answer(), late)))).code,
        'ROUND_CLOSED',
      );
      await inTrx((db) =>
        grantMoreTime(db, secretariat, roundId, 'BRA', { closesAt: '2026-07-15T18:00' }, clock),
      );
      const saved = await inTrx((db) =>
        saveAnswer(db, government, roundId, answer({ submit: true }), late),
      );
      assert.equal(saved.status, 'submitted');
      assert.match(saved.receipt ?? '', /^[0-9a-f]{64}$/);
      // After the new closing, refused again (closed, whatever was stored).
      assert.equal(
        (
          await refusal(
            inTrx((db) =>
              saveAnswer(db, government, roundId, answer(), new Date('2026-07-16T00:00:00Z')),
            ),
          )
        ).code,
        'ROUND_CLOSED',
      );
    });

    test('the round page: the secretariat sees who answered, who did not, who asked for more time; others do not', async () => {
      clock = new Date('2026-07-05T12:00:00Z');
      const secretary = new TestClient(app);
      await secretary.signIn(built.accounts.secretariat.email, builtPassword);
      const text = await (await secretary.get(`/registry/rounds/${roundId}`)).text();
      assert.match(text, /Who answered \(the secretariat’s view\)/);
      assert.match(text, /<h3>Answered<\/h3>\s*<ul><li>Brazil — receipt [0-9a-f]{12}/);
      assert.match(
        text,
        /<h3>Not answered<\/h3>\s*<ul><li>Kenya \(last reminded [^)]+\)<\/li><li>Netherlands/,
      );
      assert.match(text, /Brazil: <q dir="auto">The decree is before the Senate.<\/q>/);
      assert.match(text, /given until 15 Jul 2026/);
      assert.match(text, new RegExp(`action="/registry/rounds/${roundId}/extensions/BRA"`));
      const anonymous = await (await app.request(`/registry/rounds/${roundId}`)).text();
      assert.doesNotMatch(anonymous, /Who answered/);
      assert.match(anonymous, /What do you plan\?/);
      // The answers' CSV: the secretariat's before publication, nobody else's.
      assert.equal((await app.request(`/registry/rounds/${roundId}/answers.csv`)).status, 401);
      const csv = await (await secretary.get(`/registry/rounds/${roundId}/answers.csv`)).text();
      assert.match(csv, /^country,m49,organisation_id,language/);
      assert.match(csv, /\r\nBRA,076,/);
      // A refused grant comes back filled in, the problem by its field (the one mechanism).
      const page = `/registry/rounds/${roundId}`;
      const refused = await secretary.post(`/registry/rounds/${roundId}/extensions/BRA`, {
        closesAt: '2026-06-20T18:00',
        _page: page,
      });
      assert.equal(refused.status, 400);
      const again = await refused.text();
      assert.match(again, /class="error-summary"/);
      assert.match(
        again,
        /<input[^>]*name="closesAt"[^>]*aria-invalid="true"[^>]*>|<input[^>]*aria-invalid="true"[^>]*name="closesAt"/,
      );
      assert.match(again, /value="2026-06-20T18:00"/);
      // So does a refused request for more time (the answer is submitted already).
      const rep = new TestClient(app);
      await rep.signIn(built.accounts.government.email, builtPassword);
      const asked = await rep.post(`/registry/rounds/${roundId}/more-time`, {
        organisationId: built.organisations.government.id,
        reason: 'Another reason typed here',
        _page: page,
      });
      assert.ok(asked.status >= 400 && asked.status < 500);
      assert.match(await asked.text(), /Another reason typed here/);
      // After the closing nobody can answer any more: no reminder goes out.
      const none = await secretary.post(`/registry/rounds/${roundId}/reminders`, {});
      assert.equal(none.status, 400);
      assert.match(await none.text(), /Every administration that can still answer has answered/);
      // The reminder button posts without script and says where reminders went.
      clock = new Date('2026-06-20T12:00:00Z');
      const reminded = await secretary.post(`/registry/rounds/${roundId}/reminders`, {});
      assert.equal(reminded.status, 303);
      assert.equal(
        reminded.headers.get('location'),
        `/registry/rounds/${roundId}?reminded=KEN,NLD`,
      );
      assert.equal(
        (await app.request(`/registry/rounds/${roundId}/reminders`, { method: 'POST' })).status >=
          400,
        true,
      );
    });
  });
}
