/**
 * E-mail end to end, over SMTP to a real server the test starts (smtp-server): each message is
 * written by the mail follower in the recipient's language, sent once, and its link works when
 * followed with the test client; a server that is away gets the message later, once; two senders
 * on one database never send a message twice; used and expired reset links are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { Followers } from '../events/followers.ts';
import { allFollowers } from '../followers.ts';
import { MailSender, type MailTransport } from '../mail/mail-sender.ts';
import { countMailByState, listMail } from '../mail/mail.store.ts';
import { TestClient } from '../test-client.ts';

const site = 'https://plenum.example.org';

/** A message as a person reads it: headers unfolded and decoded, quoted-printable body decoded. */
function readMail(raw: string): string {
  const bytes = (text: string): string =>
    Buffer.from(
      text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = head
    .replace(/\?=\r\n =\?UTF-8\?Q\?/g, '')
    .replace(/\r\n /g, ' ')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/g, (_, word: string) => bytes(word.replace(/_/g, ' ')));
  return `${headers}\n\n${bytes(rest.join('\r\n\r\n').replace(/=\r\n/g, ''))}`;
}

/** An SMTP server on a free port that keeps what it receives. */
async function startSmtp(port = 0) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        received.push(readMail(raw));
        callback();
      });
    },
  });
  const bound = await new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve((server.server.address() as { port: number }).port),
    ),
  );
  return {
    port: bound,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function transportTo(port: number): MailTransport {
  return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

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

      const weak = await client.post('/reset-password', { token, password: 'short' });
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
}
