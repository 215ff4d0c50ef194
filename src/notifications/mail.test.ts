/**
 * E-mail end to end, over SMTP to a real server the test starts (smtp-server): each message is
 * written by the mail follower in the recipient's language, sent once, and its link works when
 * followed with the test client; a server that is away gets the message later, once; two senders
 * on one database never send a message twice; used and expired reset links are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import {
  builtPassword,
  buildConsultation,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import { MailSender } from '../mail/mail-sender.ts';
import { countMailByState, listMail } from '../mail/mail.store.ts';
import { startSmtp, transportTo } from '../mail/smtp-server.builder.ts';
import { TestClient } from '../test-client.ts';
import { fill, uiFor, type UiLanguage } from '../web/i18n.ts';
import { issuePeriodNotices } from './notifications.service.ts';

const site = 'https://plenum.example.org';

/** The path of the one link of a message to the site. */
function linkIn(message: string): string {
  const match = /https:\/\/plenum\.example\.org(\/[^\s"<]+)/.exec(message);
  assert.ok(match, `a link in:\n${message}`);
  return match[1]!;
}

for (const engine of testEngines()) {
  describe(`e-mail through the outbox (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let followers: Followers;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let sender: MailSender;
    /** The app's clock runs ahead of the real one by this much (to make links expire). */
    let ahead = 0;

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      followers = new Followers(o.db, engine, allFollowers);
      app = createApp({
        db: o.db,
        engine,
        followers,
        now: () => new Date(Date.now() + ahead),
        mail: 'smtp',
      });
      smtp = await startSmtp();
      sender = new MailSender(o.db, engine, transportTo(smtp.port), {
        from: 'plenum <plenum@example.org>',
        siteUrl: site,
      });
    });
    after(async () => {
      await followers.stop();
      await smtp.close();
      await o.close();
    });

    /** Lets the followers write what the requests called for, then sends it. */
    const deliver = async () => {
      await followers.drain();
      return sender.sendDue();
    };

    test('sign-up in French: one verification message in French, its link verifies the address, then submitting is allowed', async () => {
      const before = smtp.received.length;
      const client = new TestClient(app);
      await client.get('/language/fr');
      const signedUp = await client.post('/sign-up', {
        email: 'nouvelle@example.org',
        name: 'Nouvelle',
        password: 'a long enough password',
      });
      assert.equal(signedUp.status, 303);
      const account = await (await client.get('/account')).text();
      assert.match(account, /n’est pas encore confirmée/, 'the account page says it is unverified');
      assert.match(account, /action="\/account\/verification"/);

      assert.equal(await deliver(), 1);
      assert.equal(await sender.sendDue(), 0, 'sent once');
      const mine = smtp.received.slice(before);
      assert.equal(mine.length, 1);
      assert.match(mine[0]!, /To: nouvelle@example\.org/);
      assert.match(mine[0]!, /Subject: Confirmez votre adresse électronique sur plenum/);
      assert.match(mine[0]!, /Content-Language: fr/);

      const path = linkIn(mine[0]!);
      assert.match(path, /^\/verify-email\?token=/);
      const landing = await client.get(path);
      assert.equal(landing.status, 200);
      const token = new URL(path, site).searchParams.get('token')!;
      const confirmed = await client.post('/verify-email', { token });
      assert.equal(confirmed.status, 200);
      assert.match(await confirmed.text(), /est confirmée/);
      assert.doesNotMatch(
        await (await client.get('/account')).text(),
        /n’est pas encore confirmée/,
      );
      const again = await client.post('/verify-email', { token });
      assert.equal(again.status, 400, 'a used link is refused');

      const [row] = await listMail(o.db, { states: ['sent'], limit: 1 });
      assert.doesNotMatch(row!.text, /token=/, 'no copy of a sent one-time link is kept');
    });

    test('an unverified account may not submit, and is told why', async () => {
      const client = new TestClient(app);
      await client.post('/sign-up', {
        email: 'unverified@example.org',
        name: 'Unverified',
        password: 'a long enough password',
      });
      const res = await client.post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.civil.id,
        body: 'I should not be able to say this yet.',
        idempotencyKey: 'unverified-1',
      });
      assert.notEqual(res.status, 303);
      assert.ok(res.status >= 400 && res.status < 500, `refused, not ${res.status}`);
      await deliver();
    });

    test('a password reset: the same answer for any address, one message, the link sets the password once, and ends the lockout', async () => {
      const before = smtp.received.length;
      const client = new TestClient(app);
      const known = await client.post('/forgot-password', { email: built.accounts.civil.email });
      const unknown = await client.post('/forgot-password', { email: 'nobody@example.org' });
      assert.equal(known.status, 200);
      assert.equal(unknown.status, 200);
      const answer = (html: string) => /<p class="notice" role="status">([^<]*)</.exec(html)?.[1];
      assert.equal(answer(await known.text()), answer(await unknown.text()));

      assert.equal(await deliver(), 1, 'only the address with an account gets a message');
      const message = smtp.received.slice(before)[0]!;
      assert.match(message, /To: civil@example\.org/);
      assert.match(message, /Subject: Reset your plenum password/);
      const path = linkIn(message);
      assert.match(path, /^\/reset-password\?token=/);
      const token = new URL(path, site).searchParams.get('token')!;

      const weak = await client.post('/reset-password', {
        token,
        password: 'short',
        _page: `/reset-password?token=${token}`,
      });
      assert.equal(weak.status, 400, 'a refused password keeps the link usable');
      assert.match(await weak.text(), new RegExp(`value="${token}"`));
      const done = await client.post('/reset-password', {
        token,
        password: 'a brand new password',
      });
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), '/sign-in?reset=done');
      await new TestClient(app).signIn(built.accounts.civil.email, 'a brand new password');
      const reused = await client.post('/reset-password', {
        token,
        password: 'another new password',
      });
      assert.equal(reused.status, 400, 'a used link is refused');
      assert.match(await reused.text(), /href="\/forgot-password"/);
    });

    test('an expired reset link is refused', async () => {
      const before = smtp.received.length;
      const client = new TestClient(app);
      await client.post('/forgot-password', { email: built.accounts.tech.email });
      await deliver();
      const token = new URL(linkIn(smtp.received.slice(before)[0]!), site).searchParams.get(
        'token',
      )!;
      ahead = 2 * 3_600_000;
      try {
        const late = await client.post('/reset-password', {
          token,
          password: 'a brand new password',
        });
        assert.equal(late.status, 400);
      } finally {
        ahead = 0;
      }
    });

    test('the server away: the message waits, is tried again later, and arrives once', async () => {
      const away = await startSmtp();
      const port = away.port;
      await away.close();
      let clock = 0;
      const retrying = new MailSender(o.db, engine, transportTo(port), {
        from: 'plenum <plenum@example.org>',
        siteUrl: site,
        now: () => new Date(clock),
        retryDelayMs: () => 60_000,
      });
      const client = new TestClient(app);
      await client.post('/forgot-password', { email: built.accounts.government.email });
      await followers.drain();
      clock = Date.now();
      assert.equal(await retrying.sendDue(), 0, 'nobody answers');
      const waiting = await listMail(o.db, { states: ['pending'], limit: 5 });
      assert.equal(waiting.length, 1);
      assert.match(waiting[0]!.lastError ?? '', /ECONNREFUSED|connect/i);
      assert.equal(await retrying.sendDue(), 0, 'not due again before its pause');
      const back = await startSmtp(port);
      try {
        assert.equal(await retrying.sendDue(), 0, 'still within the pause');
        clock += 61_000;
        assert.equal(await retrying.sendDue(), 1);
        assert.equal(await retrying.sendDue(), 0);
        assert.equal(back.received.length, 1);
        assert.match(back.received[0]!, /To: government@example\.org/);
      } finally {
        await back.close();
      }
    });

    test('two senders at once send each message once', async () => {
      const before = smtp.received.length;
      const client = new TestClient(app);
      const emails = [];
      for (let i = 0; i < 12; i++) {
        const email = `pair${i}@example.org`;
        emails.push(email);
        await client.post('/sign-up', {
          email,
          name: `Pair ${i}`,
          password: 'a long enough password',
        });
      }
      await followers.drain();
      const options = { from: 'plenum <plenum@example.org>', siteUrl: site, batchSize: 3 };
      const a = new MailSender(o.db, engine, transportTo(smtp.port), options);
      const b = new MailSender(o.db, engine, transportTo(smtp.port), options);
      const [sentA, sentB] = await Promise.all([a.sendDue(), b.sendDue()]);
      assert.equal(sentA + sentB, 12);
      const got = smtp.received.slice(before).map((m) => /To: (\S+)/.exec(m)?.[1]);
      assert.deepEqual(got.toSorted(), emails.toSorted());
      const counts = await countMailByState(o.db);
      assert.equal(counts.pending + counts.sending, 0);
    });
  });

  describe(`notices by e-mail, each in its recipient's language (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let followers: Followers;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    /** The sender's clock (the period notices are written at a chosen instant). */
    let clock: Date | undefined;
    let sender: MailSender;
    const clients = new Map<string, TestClient>();

    /** Each built account reads plenum in its own language (and so gets its e-mail in it). */
    const languages = {
      tech: 'es',
      government: 'ar',
      civil: 'ru',
      outsider: 'zh',
      moderator: 'fr',
    } as const satisfies Partial<Record<keyof BuiltConsultation['accounts'], UiLanguage>>;

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      followers = new Followers(o.db, engine, allFollowers);
      app = createApp({ db: o.db, engine, followers, mail: 'smtp' });
      smtp = await startSmtp();
      sender = new MailSender(o.db, engine, transportTo(smtp.port), {
        from: 'plenum <plenum@example.org>',
        siteUrl: site,
        now: () => clock ?? new Date(),
      });
      for (const [who, lang] of Object.entries(languages)) {
        const client = new TestClient(app);
        await client.signIn(built.accounts[who as keyof typeof languages].email, builtPassword);
        assert.equal((await client.get(`/language/${lang}`)).status, 303);
        clients.set(who, client);
      }
      await followers.drain();
    });
    after(async () => {
      await followers.stop();
      await smtp.close();
      await o.close();
    });

    const as = (who: keyof typeof languages) => clients.get(who)!;
    const mail = (who: keyof typeof languages) => uiFor(languages[who]).m.mail;

    /** Lets the followers write what happened, sends it, and returns what arrived meanwhile. */
    const deliver = async () => {
      const before = smtp.received.length;
      await followers.drain();
      await sender.sendDue();
      assert.equal(await sender.sendDue(), 0, 'nothing left to send');
      return smtp.received.slice(before);
    };

    /** The one message that arrived for an account, in its language, with this subject. */
    const only = (arrived: string[], who: keyof typeof languages, subject: string): string => {
      const to = arrived.filter((m) => m.includes(`To: ${built.accounts[who].email}`));
      assert.equal(to.length, 1, `one message for ${who}, not ${to.length}`);
      const message = to[0]!;
      assert.match(message, new RegExp(`Content-Language: ${languages[who]}`));
      assert.ok(message.includes(`Subject: ${subject}`), `subject "${subject}" in:\n${message}`);
      return message;
    };

    const submit = async (key: string, cosigner?: 'civil' | 'government') => {
      const res = await as('tech').post(`/consultations/${built.period.id}/submissions`, {
        organisationId: built.organisations.tech.id,
        body: `The root server system must stay with the technical community (${key}).`,
        ...(cosigner ? { cosigners: built.organisations[cosigner].id } : {}),
        idempotencyKey: key,
      });
      assert.equal(res.status, 201);
      return /<code>([0-9a-f-]{36})<\/code>/.exec(await res.text())![1]!;
    };

    const names = {
      organisation: 'Root Operators Forum',
      period: 'Written comments on the zero draft',
    };

    test('asked to co-sign, confirmed, published: one message each, to the right person, in their language, with a link that works', async () => {
      const id = await submit('notice-joint-1', 'government');
      const cosigner = built.organisations.government.name;

      const asked = await deliver();
      assert.equal(asked.length, 1, 'only the co-signer is asked');
      const request = only(
        asked,
        'government',
        fill(mail('government').cosignSubject, { ...names, cosigner }),
      );
      assert.ok(request.includes(fill(mail('government').cosignBody, { ...names, cosigner })));
      const path = linkIn(request);
      assert.equal(path, `/submissions/${id}`);
      assert.match(await (await as('government').get(path)).text(), /name="answer"/);

      const answered = await as('government').post(`/submissions/${id}/cosign`, {
        organisationId: built.organisations.government.id,
        answer: 'confirm',
      });
      assert.equal(answered.status, 303);
      const confirmed = await deliver();
      assert.equal(confirmed.length, 1);
      only(confirmed, 'tech', fill(mail('tech').cosignedSubject, { ...names, cosigner }));

      const moderated = await as('moderator').post(`/submissions/${id}/moderate`, {
        action: 'publish',
      });
      assert.equal(moderated.status, 303);
      const published = await deliver();
      assert.equal(published.length, 1);
      const message = only(published, 'tech', fill(mail('tech').publishedSubject, names));
      assert.equal(linkIn(message), `/submissions/${id}`);
      assert.equal((await new TestClient(app).get(linkIn(message))).status, 200);
    });

    test('declined, then rejected with its reason and note: one message each, in the author’s language', async () => {
      const id = await submit('notice-joint-2', 'civil');
      const cosigner = built.organisations.civil.name;
      const asked = await deliver();
      only(asked, 'civil', fill(mail('civil').cosignSubject, { ...names, cosigner }));

      const answered = await as('civil').post(`/submissions/${id}/cosign`, {
        organisationId: built.organisations.civil.id,
        answer: 'decline',
      });
      assert.equal(answered.status, 303);
      const declined = await deliver();
      assert.equal(declined.length, 1);
      only(declined, 'tech', fill(mail('tech').declinedSubject, { ...names, cosigner }));

      const note = 'Please keep to the paragraphs of the draft.';
      const moderated = await as('moderator').post(`/submissions/${id}/moderate`, {
        action: 'reject',
        reason: 'off_topic',
        note,
      });
      assert.equal(moderated.status, 303);
      const rejected = await deliver();
      assert.equal(rejected.length, 1);
      const message = only(rejected, 'tech', fill(mail('tech').rejectedSubject, names));
      const reason = uiFor('es').m.submissions.reasons.off_topic;
      assert.ok(
        message.includes(fill(mail('tech').rejectedBody, { ...names, reason })),
        `the reason, in Spanish, in:\n${message}`,
      );
      assert.ok(message.includes(fill(mail('tech').rejectedNote, { note })));
    });

    test('a publication by the author’s own hand sends nothing', async () => {
      const immediate = await o.db
        .updateTable('comment_periods')
        .set({ moderation: 'immediate' })
        .where('id', '=', built.period.id)
        .executeTakeFirst();
      assert.equal(Number(immediate.numUpdatedRows), 1);
      try {
        await submit('notice-own-1');
        assert.deepEqual(await deliver(), []);
      } finally {
        await o.db
          .updateTable('comment_periods')
          .set({ moderation: 'review' })
          .where('id', '=', built.period.id)
          .execute();
      }
    });

    test('a period opening, and closing within 48 hours: once each, to those who follow its process, in their language', async () => {
      for (const who of ['outsider', 'civil'] as const) {
        const res = await as(who).post(`/processes/${built.process.slug}/follow`, { follow: '1' });
        assert.equal(res.status, 303);
      }
      const at = async (instant: string) => {
        clock = new Date(instant);
        const written = await issuePeriodNotices(o.db, engine, clock);
        return { written, arrived: await deliver() };
      };
      try {
        const opened = await at('2026-06-01T00:00:00Z');
        assert.equal(opened.written, 2);
        assert.equal(opened.arrived.length, 2, 'only the followers');
        for (const who of ['outsider', 'civil'] as const) {
          const message = only(
            opened.arrived,
            who,
            fill(mail(who).openingSubject, { period: names.period }),
          );
          assert.equal(linkIn(message), `/consultations/${built.period.id}`);
        }
        assert.deepEqual(await at('2026-06-02T00:00:00Z'), { written: 0, arrived: [] });

        // It closes 2030-12-31T23:59 UTC: not yet 48 hours before, then within them.
        assert.deepEqual(await at('2030-12-29T23:00:00Z'), { written: 0, arrived: [] });
        const closing = await at('2030-12-30T00:00:00Z');
        assert.equal(closing.written, 2);
        assert.equal(closing.arrived.length, 2);
        for (const who of ['outsider', 'civil'] as const)
          only(closing.arrived, who, fill(mail(who).closingSubject, { period: names.period }));
        assert.deepEqual(await at('2030-12-31T00:00:00Z'), { written: 0, arrived: [] });
      } finally {
        clock = undefined;
      }
    });
  });
}
