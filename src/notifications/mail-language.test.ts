/**
 * Every kind of message is written in its recipient's saved interface language, in Arabic and in
 * French, whatever the language of the person whose action caused it (here they read in Chinese):
 * the saved language is the one chosen last while signed in, or at sign-up the one the sign-up
 * form was read in; an account that never chose (made by `plenum account create`, or before
 * accounts had a language) gets English, the site's default.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signUp } from '../accounts/accounts.service.ts';
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
import { listMail, type OutboxMessage } from '../mail/mail.store.ts';
import { TestClient } from '../test-client.ts';
import { fill, uiFor, type UiLanguage } from '../web/i18n.ts';
import { issuePeriodNotices, issueWatchDigests } from './notifications.service.ts';

type Who = 'tech' | 'government' | 'civil' | 'outsider' | 'moderator';

for (const engine of testEngines()) {
  for (const lang of ['ar', 'fr'] as const satisfies UiLanguage[]) {
    describe(`each kind of message in the recipient's saved language, ${lang} (${engine})`, () => {
      let o: OpenDatabase;
      let built: BuiltConsultation;
      let app: ReturnType<typeof createApp>;
      let followers: Followers;
      /** The outbox messages already looked at. */
      const seen = new Set<string>();
      /** Each account's session, read in Chinese (its saved language stays `lang`). */
      const actors = new Map<Who, TestClient>();
      const m = uiFor(lang).m.mail;
      const names = {
        organisation: 'Root Operators Forum',
        period: 'Written comments on the zero draft',
      };

      before(async () => {
        o = await openTestDatabase(engine);
        built = await buildConsultation(o.db);
        followers = new Followers(o.db, engine, allFollowers);
        app = createApp({ db: o.db, engine, followers, mail: 'smtp' });
        for (const who of ['tech', 'government', 'civil', 'outsider', 'moderator'] as const) {
          // Chosen on one device while signed in: saved with the account.
          const chooser = new TestClient(app);
          await chooser.signIn(built.accounts[who].email, builtPassword);
          assert.equal((await chooser.get(`/language/${lang}`)).status, 303);
          // Read in Chinese on another, chosen before signing in: not saved.
          const actor = new TestClient(app);
          assert.equal((await actor.get('/language/zh')).status, 303);
          await actor.signIn(built.accounts[who].email, builtPassword);
          actors.set(who, actor);
        }
        await written();
      });
      after(async () => {
        await followers.stop();
        await o.close();
      });

      /** The messages the followers wrote since the last call. */
      async function written(): Promise<OutboxMessage[]> {
        await followers.drain();
        const all = await listMail(o.db, { states: ['pending'], limit: 1000 });
        const fresh = all.filter((row) => !seen.has(row.id));
        for (const row of fresh) seen.add(row.id);
        return fresh;
      }

      /** The one message of a kind to an address, checked to be in `language` throughout. */
      function one(
        rows: OutboxMessage[],
        kind: string,
        email: string,
        subject: string,
        language: UiLanguage = lang,
      ): OutboxMessage {
        const found = rows.filter((r) => r.kind === kind && r.recipient === email);
        assert.equal(found.length, 1, `one ${kind} to ${email}: ${JSON.stringify(rows)}`);
        const row = found[0]!;
        const ui = uiFor(language);
        assert.equal(row.language, language);
        assert.equal(row.subject, subject);
        assert.ok(row.text.includes(ui.m.mail.signature), `the ${language} signature`);
        assert.ok(row.html.includes(`<html lang="${language}" dir="${ui.dir}">`));
        return row;
      }

      const actor = (who: Who) => actors.get(who)!;
      const email = (who: Who) => built.accounts[who].email;

      const submit = async (key: string, body: string, cosigner?: 'government' | 'civil') => {
        const res = await actor('tech').post(`/consultations/${built.period.id}/submissions`, {
          organisationId: built.organisations.tech.id,
          body,
          ...(cosigner ? { cosigners: built.organisations[cosigner].id } : {}),
          idempotencyKey: key,
        });
        assert.equal(res.status, 201);
        return /<code>([0-9a-f-]{36})<\/code>/.exec(await res.text())![1]!;
      };
      const moderate = async (id: string, form: Record<string, string>) => {
        const res = await actor('moderator').post(`/submissions/${id}/moderate`, form);
        assert.equal(res.status, 303);
      };

      test('address verification: in the language the sign-up form was read in', async () => {
        const client = new TestClient(app);
        await client.get(`/language/${lang}`);
        const res = await client.post('/sign-up', {
          email: `new-${lang}@example.org`,
          name: 'Newcomer',
          password: 'a long enough password',
        });
        assert.equal(res.status, 303);
        one(await written(), 'verify_address', `new-${lang}@example.org`, m.verifySubject);
      });

      test('password reset asked for from a page read in Chinese', async () => {
        const client = new TestClient(app);
        await client.get('/language/zh');
        const res = await client.post('/forgot-password', { email: email('civil') });
        assert.ok(res.status < 400);
        one(await written(), 'password_reset', email('civil'), m.resetSubject);
      });

      test('asked to co-sign, co-signature confirmed, submission published', async () => {
        const id = await submit(
          `lang-${lang}-1`,
          'The root zone must stay stable (1).',
          'government',
        );
        const cosigner = built.organisations.government.name;
        one(
          await written(),
          'cosign_requested',
          email('government'),
          fill(m.cosignSubject, { ...names, cosigner }),
        );
        const answered = await actor('government').post(`/submissions/${id}/cosign`, {
          organisationId: built.organisations.government.id,
          answer: 'confirm',
        });
        assert.equal(answered.status, 303);
        one(
          await written(),
          'cosign_confirmed',
          email('tech'),
          fill(m.cosignedSubject, { ...names, cosigner }),
        );
        await moderate(id, { action: 'publish' });
        one(
          await written(),
          'submission_published',
          email('tech'),
          fill(m.publishedSubject, names),
        );
      });

      test('co-signature declined, submission rejected with the reason in the same language', async () => {
        const id = await submit(`lang-${lang}-2`, 'The root zone must stay stable (2).', 'civil');
        const cosigner = built.organisations.civil.name;
        one(
          await written(),
          'cosign_requested',
          email('civil'),
          fill(m.cosignSubject, { ...names, cosigner }),
        );
        const answered = await actor('civil').post(`/submissions/${id}/cosign`, {
          organisationId: built.organisations.civil.id,
          answer: 'decline',
        });
        assert.equal(answered.status, 303);
        one(
          await written(),
          'cosign_declined',
          email('tech'),
          fill(m.declinedSubject, { ...names, cosigner }),
        );
        await moderate(id, { action: 'reject', reason: 'off_topic' });
        const rejected = one(
          await written(),
          'submission_rejected',
          email('tech'),
          fill(m.rejectedSubject, names),
        );
        const reason = uiFor(lang).m.submissions.reasons.off_topic;
        assert.ok(rejected.text.includes(fill(m.rejectedBody, { ...names, reason })));
      });

      test('a period opening and closing soon, to a follower', async () => {
        const res = await actor('outsider').post(`/processes/${built.process.slug}/follow`, {
          follow: '1',
        });
        assert.equal(res.status, 303);
        await written();
        assert.equal(await issuePeriodNotices(o.db, engine, new Date('2026-06-01T00:00:00Z')), 1);
        one(
          await written(),
          'period_opening',
          email('outsider'),
          fill(m.openingSubject, { period: names.period }),
        );
        assert.equal(await issuePeriodNotices(o.db, engine, new Date('2030-12-30T00:00:00Z')), 1);
        one(
          await written(),
          'period_closing',
          email('outsider'),
          fill(m.closingSubject, { period: names.period }),
        );
      });

      test('a watch digest', async () => {
        const made = await actor('civil').post('/watches', {
          name: 'Root zone',
          query: 'stability',
          emailDigest: 'on',
        });
        assert.equal(made.status, 303, await made.clone().text());
        const id = await submit(`lang-${lang}-3`, 'Stability of the root zone comes first.');
        await moderate(id, { action: 'publish' });
        await written();
        // Matches are stamped with the real time they are made: the digest is due after them.
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(await issueWatchDigests(o.db, engine, new Date(), 10), 1);
        const ui = uiFor(lang);
        one(
          await written(),
          'watch_digest',
          email('civil'),
          ui.plural(m.digestSubject, 1, { watch: 'Root zone' }),
        );
      });

      test('an account that never chose a language: English, the site default, whoever asks', async () => {
        await o.db.transaction().execute((trx) =>
          signUp(trx, {
            email: `made-by-cli-${lang}@example.org`,
            name: 'Made at the console',
            password: 'a long enough password',
          }),
        );
        await written();
        const client = new TestClient(app);
        await client.get(`/language/${lang}`);
        const res = await client.post('/forgot-password', {
          email: `made-by-cli-${lang}@example.org`,
        });
        assert.ok(res.status < 400);
        one(
          await written(),
          'password_reset',
          `made-by-cli-${lang}@example.org`,
          uiFor('en').m.mail.resetSubject,
          'en',
        );
      });
    });
  }
}
