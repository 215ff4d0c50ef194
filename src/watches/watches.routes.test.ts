import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import { installShippedConcepts } from '../concepts/concepts.service.ts';
import {
  buildConsultation,
  signedIn,
  draftText,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import { MailSender } from '../mail/mail-sender.ts';
import { startSmtp, transportTo } from '../mail/smtp-server.builder.ts';
import { issueWatchDigests } from '../notifications/notifications.service.ts';
import { drain } from '../followers.ts';
import { submitComment } from '../submissions/submissions.service.ts';
import { TestClient } from '../test-client.ts';
import { fill, uiFor } from '../web/i18n.ts';
import { WebhookDeliverer } from './webhook-deliverer.ts';

/** A receiver that fails its first `failures` requests, then accepts, keeping what it got. */
async function startReceiver(failures: number) {
  const received: {
    headers: Record<string, string | string[] | undefined>;
    body: string;
    answered: number;
  }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const answered = received.length < failures ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

for (const engine of testEngines()) {
  describe(`watches (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const keys: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const as = (who: keyof BuiltConsultation['accounts'], on = app) => signedIn(on, built, who);
    /** Submits and waits for the followers: the watches have heard of it when it returns. */
    const submitAs = async (who: 'civil' | 'government', body: string, key: string) => {
      const org = built.organisations[who];
      const viewer = representativeViewer(built, who);
      const receipt = await o.db
        .transaction()
        .execute((trx) =>
          submitComment(
            trx,
            viewer,
            built.period.id,
            { organisationId: org.id, body, idempotencyKey: key },
            [],
            new Date('2026-06-02T09:00:00Z'),
          ),
        );
      await drain(o.db, engine);
      return receipt;
    };
    const makeWatch = async (client: TestClient, form: Record<string, string | string[]>) => {
      const res = await client.post('/watches', form);
      assert.equal(res.status, 303, await res.clone().text());
      const page = await (await client.get(res.headers.get('location')!)).text();
      const feed = /\/watch-feeds\/([A-Za-z0-9_-]+)\.atom/.exec(page)![1]!;
      const id = /action="\/watches\/([0-9a-f-]{36})\/delete"/.exec(page)![1]!;
      return { feed, id, page };
    };

    before(async () => {
      o = await openTestDatabase(engine);
      await installShippedConcepts(o.db);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      // The test receivers listen on 127.0.0.1: private addresses are allowed here, and refused
      // by default (tested below with an app that does not allow them).
      app = createApp({ db: o.db, engine, allowPrivateWebhooks: true });
      receiver = await startReceiver(2);
    });
    after(async () => {
      await receiver.close();
      await o.close();
    });

    test('a watch needs an account, and words or concepts; bad input is refused and nothing is stored', async () => {
      assert.equal((await app.request('/watches')).status, 401);
      const civil = await as('civil');
      const empty = await civil.post('/watches', { name: 'Nothing' });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /Give words to watch for, or choose at least one concept/);
      const ftp = await civil.post('/watches', {
        name: 'x',
        query: 'dns',
        webhookUrl: 'ftp://example.org/',
      });
      assert.equal(ftp.status, 400);
      assert.match(await ftp.text(), /http:\/\/ or https:\/\//);
      const unknown = await civil.post('/watches', { name: 'x', concepts: 'no-such-concept' });
      assert.equal(unknown.status, 404);
      const row = await o.db
        .selectFrom('watches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 0);
    });

    test('a webhook to this host or a private network is refused, by default, when made and when sent', async () => {
      const guarded = createApp({ db: o.db, engine });
      const civil = await as('civil', guarded);
      const count = async () =>
        Number(
          (
            await o.db
              .selectFrom('watches')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      for (const url of [
        receiver.url,
        'http://localhost:8080/hook',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.1.2.3/hook',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
      ]) {
        const res = await civil.post('/watches', {
          name: 'Inside',
          query: 'dns',
          webhookUrl: url,
          _page: '/watches',
        });
        assert.equal(res.status, 422, url);
        const page = await res.text();
        assert.match(page, /Webhooks go only to public Internet addresses/, url);
        assert.match(page, /is not a public Internet address/, url);
        assert.match(page, /value="Inside"/, 'the form keeps what was typed');
      }
      assert.equal(await count(), before, 'no watch made');

      // A watch made where private addresses were allowed, delivered by a process that does not
      // allow them: the attempt is refused before connecting, and logged.
      const allowed = await as('civil');
      const made = await makeWatch(allowed, {
        name: 'Moved inside',
        query: 'zanzibar',
        webhookUrl: receiver.url,
      });
      const heard = receiver.received.length;
      await submitAs('civil', 'Zanzibar: a comment for a refused webhook.', 'refused-hook-1');
      const deliverer = new WebhookDeliverer(o.db, { retrySchedule: [60_000] });
      assert.ok((await deliverer.deliverDue()) >= 1);
      assert.equal(receiver.received.length, heard, 'nothing reached the private address');
      const attempts = await o.db
        .selectFrom('webhook_attempts as a')
        .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
        .select(['a.error'])
        .where('d.watch_id', '=', made.id)
        .execute();
      assert.equal(attempts.length, 1);
      assert.match(
        attempts[0]!.error ?? '',
        /refused: 127\.0\.0\.1 is not a public Internet address/,
      );
      await o.db.deleteFrom('watches').where('id', '=', made.id).execute();
    });

    test('watches are made: words, a concept limited to governments, and one with a webhook', async () => {
      const civil = await as('civil');
      const words = await makeWatch(civil, { name: 'Root servers', query: 'root servers' });
      assert.match(words.page, /shown only now/);
      const again = await (await civil.get(`/watches/${words.id}`)).text();
      assert.doesNotMatch(again, /watch-feeds\//, 'the feed address is shown once');
      keys.words = words.feed;
      ids.words = words.id;
      const dns = await makeWatch(civil, {
        name: 'DNS, governments',
        concepts: 'dns',
        groups: 'government',
      });
      keys.dns = dns.feed;
      ids.dns = dns.id;
      const hook = await makeWatch(civil, {
        name: 'Public core to webhook',
        query: '"public core"',
        webhookUrl: receiver.url,
      });
      ids.hook = hook.id;
      assert.match(hook.page, /Signing secret/);
      const list = await (await civil.get('/watches')).text();
      assert.match(list, /Root servers/);
      assert.match(list, /DNS, governments/);
    });

    test('new submissions and paragraphs reach the watches they match, within their filters', async () => {
      await submitAs(
        'government',
        'The Ministry supports the protection of the root servers and of the domain name system, which form part of the public core.',
        'watch-gov',
      );
      await submitAs(
        'civil',
        'We ask that the domain name system stay open to all.',
        'watch-civil',
      );
      await importFile(
        o.db,
        new TextEncoder().encode(
          draftText(['The root servers are operated by twelve organisations.'], 'Second draft'),
        ),
        { process: 'twg', symbol: 'TWG/twg/2', language: 'en', format: 'text' },
      );
      await importFile(
        o.db,
        new TextEncoder().encode(draftText(['Private words about root servers.'], 'Private draft')),
        { process: 'twg', symbol: 'TWG/twg/3', language: 'en', format: 'text', private: true },
      );
      await drain(o.db, engine);
      const hits = async (id: string) =>
        (
          await o.db
            .selectFrom('watch_hits')
            .select('source_id')
            .where('watch_id', '=', id)
            .execute()
        ).length;
      assert.equal(
        await hits(ids.words!),
        3,
        'the draft’s "root server system" (there before the watch), the government submission and the new paragraph; not the private one',
      );
      assert.equal(
        await hits(ids.dns!),
        1,
        'only the government’s submission: the civil one is filtered out',
      );
      assert.equal(
        await hits(ids.hook!),
        2,
        'the draft’s public core (there before), the submission',
      );
      const civil = await as('civil');
      const page = await (await civil.get(`/watches/${ids.words}`)).text();
      assert.match(page, /TWG\/twg\/2, para 1/);
      assert.match(page, /Ministry of Digital Affairs of Ruritania/);
      assert.doesNotMatch(page, /Private words/);
    });

    test('a new watch shows what already matches: words in any form, concepts, never a private paragraph', async () => {
      await importFile(
        o.db,
        new TextEncoder().encode(
          draftText(['Государства обсудили защиту публичного ядра Интернета.'], 'Проект'),
        ),
        { process: 'twg', symbol: 'TWG/twg/4', language: 'ru', format: 'text' },
      );
      await drain(o.db, engine);
      const civil = await as('civil');
      const servers = await makeWatch(civil, { name: 'Root server, past', query: 'root server' });
      assert.doesNotMatch(servers.page, /Nothing has matched yet/);
      assert.match(servers.page, /TWG\/twg\/2, para 1/, 'the paragraph imported before the watch');
      assert.doesNotMatch(servers.page, /Private words/);
      const core = await makeWatch(civil, { name: 'ядро', query: 'публичное ядро интернета' });
      assert.match(core.page, /публичного ядра Интернета/, 'another case of the same words');
      const concept = await makeWatch(civil, {
        name: 'Public core, past',
        concepts: 'public-core',
      });
      assert.match(concept.page, /публичного ядра Интернета/, 'tagged "public core" in Russian');
      const none = await makeWatch(civil, { name: 'Nothing', query: 'zzzyzx' });
      assert.match(none.page, /Nothing has matched yet/);
      // Past matches are not news: no webhook delivery, no digest.
      const deliveries = await o.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('watch_id', 'in', [servers.id, core.id, concept.id])
        .execute();
      assert.equal(deliveries.length, 0);
      for (const w of [servers, core, concept, none])
        await civil.post(`/watches/${w.id}/delete`, {});
    });

    test('the Atom feed of a watch lists its matches to whoever has its secret address, and only them', async () => {
      const res = await app.request(`/watch-feeds/${keys.words}.atom`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /application\/atom\+xml/);
      const xml = await res.text();
      assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      assert.equal((xml.match(/<entry>/g) ?? []).length, 3);
      assert.match(xml, /The root servers are operated by twelve organisations/);
      assert.equal((await app.request('/watch-feeds/not-a-real-key-at-all-0000.atom')).status, 404);
      // Another account cannot open the watch itself.
      const tech = await as('tech');
      assert.equal((await tech.get(`/watches/${ids.words}`)).status, 404);
      // A new feed address turns the old one off.
      const civil = await as('civil');
      const renewal = await civil.post(`/watches/${ids.words}/feed-key`, {});
      assert.equal(renewal.status, 303);
      const renewed = await (await civil.get(renewal.headers.get('location')!)).text();
      const fresh = /\/watch-feeds\/([A-Za-z0-9_-]+)\.atom/.exec(renewed)![1]!;
      assert.notEqual(fresh, keys.words);
      assert.equal((await app.request(`/watch-feeds/${keys.words}.atom`)).status, 404);
      assert.equal((await app.request(`/watch-feeds/${fresh}.atom`)).status, 200);
    });

    test('the webhook is retried after two failures, signed with HMAC-SHA256, and every attempt is logged', async () => {
      // Matches are queued at the real time they are made: the deliverer's clock starts after it.
      let clock = new Date(Date.now() + 1000);
      const deliverer = new WebhookDeliverer(o.db, {
        retrySchedule: [60_000, 300_000, 1_800_000],
        now: () => clock,
        allowPrivate: true,
      });
      assert.equal(await deliverer.deliverDue(), 1);
      assert.equal(await deliverer.deliverDue(), 0, 'not due again before its pause');
      clock = new Date(clock.getTime() + 60_000);
      assert.equal(await deliverer.deliverDue(), 1);
      clock = new Date(clock.getTime() + 300_000);
      assert.equal(await deliverer.deliverDue(), 1);
      assert.deepEqual(
        receiver.received.map((r) => r.answered),
        [500, 500, 200],
      );
      const watch = await o.db
        .selectFrom('watches')
        .select('webhook_secret')
        .where('id', '=', ids.hook!)
        .executeTakeFirstOrThrow();
      for (const r of receiver.received) {
        const [t, mac] = /^t=(\d+),sha256=([0-9a-f]{64})$/
          .exec(String(r.headers['x-plenum-signature']))!
          .slice(1);
        const expected = createHmac('sha256', watch.webhook_secret!)
          .update(`${t}.${r.body}`)
          .digest('hex');
        assert.equal(mac, expected, 'the signature verifies with the watch’s secret');
        const payload = JSON.parse(r.body) as { event: string; passage: { text: string } };
        assert.equal(payload.event, 'watch.match');
        assert.match(payload.passage.text, /public core/);
      }
      const forged = createHmac('sha256', 'wrong secret').update('x').digest('hex');
      assert.notEqual(
        forged,
        /sha256=([0-9a-f]+)/.exec(String(receiver.received[0]!.headers['x-plenum-signature']))![1],
      );
      const civil = await as('civil');
      const page = await (await civil.get(`/watches/${ids.hook}`)).text();
      assert.match(page, /<strong>delivered<\/strong>/);
      assert.match(
        page,
        /attempt 1 · <bdi>[^<]+<\/bdi> · HTTP 500 · <span class="meta">answered HTTP 500<\/span>/,
      );
      assert.match(page, /attempt 3 · <bdi>[^<]+<\/bdi> · HTTP 200/);
      assert.equal(await deliverer.deliverDue(), 0, 'a delivered match is not sent again');
    });

    test('a delivery that keeps failing stops after the last retry, and says so', async () => {
      const failing = await startReceiver(100);
      after(() => failing.close());
      const civil = await as('civil');
      await makeWatch(civil, { name: 'Failing hook', query: 'capacity', webhookUrl: failing.url });
      await submitAs('civil', 'Capacity matters.', 'watch-capacity');
      let clock = new Date(Date.now() + 1000);
      const deliverer = new WebhookDeliverer(o.db, {
        retrySchedule: [1000],
        now: () => clock,
        allowPrivate: true,
      });
      assert.equal(await deliverer.deliverDue(), 1);
      clock = new Date(clock.getTime() + 1000);
      assert.equal(await deliverer.deliverDue(), 1);
      clock = new Date(clock.getTime() + 10_000_000);
      assert.equal(await deliverer.deliverDue(), 0);
      const row = await o.db
        .selectFrom('webhook_deliveries')
        .select(['state', 'attempts'])
        .where(
          'source_id',
          'in',
          o.db
            .selectFrom('submissions')
            .select('id')
            .where('idempotency_key', '=', 'watch-capacity'),
        )
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'failed');
      assert.equal(Number(row.attempts), 2);
    });

    test('an e-mail digest, written to the outbox in its owner’s language, lists the new matches once, and a failed send is tried again', async () => {
      const smtp = await startSmtp();
      after(() => smtp.close());
      const civil = await as('civil');
      assert.equal((await civil.get('/language/fr')).status, 303, 'civil reads in French');
      await makeWatch(civil, { name: 'Sovereignty', query: 'sovereignty', emailDigest: 'on' });
      // An account whose address is not confirmed may watch, but gets no digest.
      const unconfirmed = new TestClient(app);
      const signedUp = await unconfirmed.post('/sign-up', {
        email: 'unconfirmed@example.org',
        name: 'Unconfirmed',
        password: 'a long enough password',
      });
      assert.equal(signedUp.status, 303);
      await makeWatch(unconfirmed, { name: 'Mine', query: 'sovereignty', emailDigest: 'on' });
      await submitAs(
        'government',
        'The Ministry recalls its position on cyber sovereignty.',
        'watch-digest-1',
      );
      // Real time with a short interval: matches are stamped with the real time they are made.
      const pause = () => new Promise((resolve) => setTimeout(resolve, 350));
      const intervalMs = 300;
      const issue = () => issueWatchDigests(o.db, engine, new Date(), intervalMs);
      const options = {
        from: 'plenum <plenum@example.org>',
        siteUrl: 'https://plenum.example.org',
        retryDelayMs: () => 0,
      };
      const sender = new MailSender(o.db, engine, transportTo(smtp.port), options);
      const fr = uiFor('fr');
      // The unconfirmed account's verification link goes out first; after it, only digests.
      assert.equal(await sender.sendDue(), 1);
      assert.match(smtp.received.shift()!, /To: unconfirmed@example\.org/);
      await pause();
      assert.equal(await issue(), 1, 'civil’s digest, not the unconfirmed account’s');
      assert.equal(await issue(), 0, 'not due again within the interval');
      assert.equal(await sender.sendDue(), 1);
      assert.equal(smtp.received.length, 1);
      const first = smtp.received[0]!;
      const subject = fr.plural(fr.m.mail.digestSubject, 1, { watch: 'Sovereignty' });
      assert.ok(first.includes(`Subject: ${subject}`), `the French subject in:\n${first}`);
      assert.match(first, /Content-Language: fr/);
      assert.match(first, /To: civil@example\.org/);
      assert.ok(first.includes(fill(fr.m.mail.digestIntro, { watch: 'Sovereignty' })));
      assert.match(first, /The Ministry recalls its position on cyber sovereignty\./);
      assert.match(first, /https:\/\/plenum\.example\.org\/submissions\/[0-9a-f-]{36}/);
      await pause();
      assert.equal(await issue(), 0, 'nothing new: no message');
      // A new match, a failing server, then a working one: the message waits and arrives once.
      await submitAs('government', 'Sovereignty in cyberspace matters to us.', 'watch-digest-2');
      await pause();
      assert.equal(await issue(), 1);
      const failing = new MailSender(
        o.db,
        engine,
        { sendMail: () => Promise.reject(new Error('connection refused')) },
        options,
      );
      assert.equal(await failing.sendDue(), 0);
      assert.equal(smtp.received.length, 1);
      assert.equal(await sender.sendDue(), 1);
      assert.equal(await sender.sendDue(), 0);
      assert.equal(smtp.received.length, 2);
      assert.match(smtp.received[1]!, /Sovereignty in cyberspace matters to us\./);
      assert.doesNotMatch(
        smtp.received[1]!,
        /recalls its position/,
        'only what is new since the last digest',
      );
    });

    test('a watch is changed from its page: its feed and matches stay, new passages match the change', async () => {
      const civil = await as('civil');
      const made = await makeWatch(civil, {
        name: 'Quolls',
        query: 'quoll habitat',
        webhookUrl: receiver.url,
      });
      const secretBefore = /Signing secret: <code[^>]*>([^<]+)</.exec(made.page)?.[1];
      assert.ok(secretBefore);
      await submitAs('civil', 'The quoll habitat is shrinking.', 'change-watch-1');
      const form = await civil.get(`/watches/${made.id}/change`);
      assert.equal(form.status, 200);
      const formPage = await form.text();
      assert.match(formPage, /value="Quolls"/);
      assert.match(formPage, /value="quoll habitat"/);
      assert.match(formPage, new RegExp(`action="/watches/${made.id}"`));

      // Refused, and nothing changed: no words nor concepts; someone else's watch; no form token.
      const empty = await civil.post(`/watches/${made.id}`, {
        name: 'Quolls',
        _page: `/watches/${made.id}/change`,
      });
      assert.equal(empty.status, 400);
      const emptyPage = await empty.text();
      assert.match(emptyPage, /Give words to watch for, or choose at least one concept/);
      assert.match(emptyPage, /value="Quolls"/, 'the form keeps what was sent');
      const government = await as('government');
      const theirs = await government.post(`/watches/${made.id}`, { name: 'Mine', query: 'x' });
      assert.equal(theirs.status, 404);
      assert.equal((await government.get(`/watches/${made.id}/change`)).status, 404);
      const noToken = await civil.post(
        `/watches/${made.id}`,
        { name: 'x', query: 'x' },
        { csrf: false },
      );
      assert.equal(noToken.status, 403);
      const guarded = await as('civil', createApp({ db: o.db, engine }));
      const inside = await guarded.post(`/watches/${made.id}`, {
        name: 'Quolls',
        query: 'quoll',
        webhookUrl: 'http://127.0.0.1:9/hook',
      });
      assert.equal(inside.status, 422);
      assert.match(await inside.text(), /is not a public Internet address/);
      let page = await (await civil.get(`/watches/${made.id}`)).text();
      assert.match(page, /<h1>Quolls<\/h1>/);

      const changed = await civil.post(`/watches/${made.id}`, {
        name: 'Numbats and quolls',
        query: 'numbat',
        groups: 'civil_society',
        webhookUrl: `${receiver.url}?changed`,
      });
      assert.equal(changed.status, 303);
      assert.equal(changed.headers.get('location'), `/watches/${made.id}`);
      page = await (await civil.get(`/watches/${made.id}`)).text();
      assert.match(page, /<h1>Numbats and quolls<\/h1>/);
      assert.match(page, /<q>numbat<\/q>/);
      assert.match(page, /quoll habitat is shrinking/, 'the matches so far stay');
      const secretAfter = /Signing secret: <code[^>]*>([^<]+)</.exec(page)?.[1];
      assert.ok(secretAfter && secretAfter !== secretBefore, 'a new webhook address, a new secret');
      const feed = await app.request(`/watch-feeds/${made.feed}.atom`);
      assert.equal(feed.status, 200, 'the feed address still works');

      await submitAs('civil', 'A numbat was seen near the capital.', 'change-watch-2');
      await submitAs('government', 'Numbat counts are a matter for states.', 'change-watch-3');
      page = await (await civil.get(`/watches/${made.id}`)).text();
      assert.match(page, /A numbat was seen near the capital/);
      assert.doesNotMatch(page, /Numbat counts are a matter for states/, 'civil society only now');
      const events = await o.db
        .selectFrom('events')
        .select('action')
        .where('subject_id', '=', made.id)
        .where('action', '=', 'watch.changed')
        .execute();
      assert.equal(events.length, 1, 'one change made, one event');
      await o.db.deleteFrom('webhook_attempts').execute();
      await o.db.deleteFrom('webhook_deliveries').where('watch_id', '=', made.id).execute();
      await civil.post(`/watches/${made.id}/delete`, {});
    });

    test('deleting a watch removes it with its matches', async () => {
      const civil = await as('civil');
      const res = await civil.post(`/watches/${ids.dns}/delete`, {});
      assert.equal(res.status, 303);
      assert.equal((await civil.get(`/watches/${ids.dns}`)).status, 404);
      const left = await o.db
        .selectFrom('watch_hits')
        .select('source_id')
        .where('watch_id', '=', ids.dns!)
        .execute();
      assert.equal(left.length, 0);
    });
  });
}
