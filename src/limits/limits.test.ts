/**
 * Quotas are shared through the database: two apps on one database (as two `plenum serve`
 * processes) refuse together once the quota is used, with 429 and Retry-After, as JSON for the
 * API and as the form again, in the reader's language and with what was typed, for pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../accounts/accounts.service.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  paragraphBlock,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { TestClient } from '../test-client.ts';
import { defaultLimitSettings, networkOf, type LimitSettings } from './limits.ts';

const settings: LimitSettings = {
  ...defaultLimitSettings,
  submissionsPerMinute: 40,
  signUpsPerHour: 3,
  signInAttempts: 2,
};

/** POSTs a form as a browser would, from a network address, in a language. */
async function postForm(
  app: ReturnType<typeof createApp>,
  path: string,
  form: Record<string, string>,
  options: { address: string; language?: string },
): Promise<Response> {
  const client = new TestClient(app);
  await client.get(path);
  const csrf = client.cookies.get('plenum_csrf')!;
  return app.request(
    path,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `plenum_csrf=${csrf}`,
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
      // Real forms send their page's address (csrfField): a refusal draws that page filled in.
      body: new URLSearchParams({ ...form, _csrf: csrf, _page: path }).toString(),
    },
    from(options.address),
  );
}

/** What @hono/node-server gives the app: the connection, with the client's address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

for (const engine of testEngines()) {
  describe(`quotas shared by two processes (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let clock = new Date('2026-06-01T12:00:10Z');
    const apps: ReturnType<typeof createApp>[] = [];

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      for (let i = 0; i < 2; i++)
        apps.push(
          createApp({ db: o.db, engine: o.engine, now: () => clock, limitSettings: settings }),
        );
    });
    after(async () => o.close());

    test('an account’s submissions through the API: refused with 429 once the quota is used', async () => {
      const token = await createApiToken(
        o.db,
        representativeViewer(built, 'civil', 'session'),
        't',
      );
      const blockId = await paragraphBlock(o.db, built.versionId, 'para 2');
      const submit = (app: (typeof apps)[number], i: number) =>
        app.request(`/api/consultations/${built.period.id}/submissions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            organisationId: built.organisations.civil.id,
            body: `Comment number ${i} on the draft.`,
            anchors: [{ blockId }],
          }),
        });
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => submit(apps[i % 2]!, i)),
      );
      const accepted = answers.filter((r) => r.status === 201).length;
      const refused = answers.filter((r) => r.status === 429);
      // Each process claims a share (2) at a time: at most that much per process goes unused.
      assert.ok(
        accepted <= settings.submissionsPerMinute && accepted >= settings.submissionsPerMinute - 4,
        `${accepted} accepted`,
      );
      assert.equal(accepted + refused.length, 60);
      const body = (await refused[0]!.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'RATE_LIMITED');
      assert.equal(refused[0]!.headers.get('retry-after'), '50', 'the minute ends in 50 s');
      const stored = await o.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), accepted, 'nothing stored for a refusal');
      // The next minute, the quota is there again, in both processes.
      clock = new Date('2026-06-01T12:01:10Z');
      assert.equal((await submit(apps[0]!, 100)).status, 201);
      assert.equal((await submit(apps[1]!, 101)).status, 201);
    });

    test('sign-in through two processes: the third wrong password is refused with 429, in Spanish, e-mail kept', async () => {
      const email = built.accounts.tech.email;
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 3; i++) {
        last = await postForm(
          apps[i % 2]!,
          '/sign-in',
          { email, password: `wrong ${i}` },
          { address: '198.51.100.20', language: 'es' },
        );
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [401, 401, 429]);
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
      const page = await last!.text();
      assert.match(page, /Se han hecho demasiados intentos/);
      assert.ok(page.includes(`value="${email}"`), 'the e-mail address is kept');
    });

    test('sign-ups from one network: the refused form keeps what was typed, in French', async () => {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < settings.signUpsPerHour + 1; i++) {
        const client = new TestClient(apps[i % 2]!);
        const form = {
          email: `person${i}@quota.example`,
          name: `Personne ${i}`,
          password: 'a long enough password',
        };
        await client.get('/sign-up');
        const data = new URLSearchParams({
          ...form,
          _csrf: client.cookies.get('plenum_csrf')!,
          _page: '/sign-up',
        });
        last = await apps[i % 2]!.request(
          '/sign-up',
          {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              cookie: `plenum_csrf=${client.cookies.get('plenum_csrf')}`,
              'accept-language': 'fr',
            },
            body: data.toString(),
          },
          from('203.0.113.9'),
        );
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [303, 303, 303, 429]);
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
      const page = await last!.text();
      assert.match(page, /Trop de requêtes/);
      assert.match(page, /value="person3@quota.example"/);
      assert.match(page, /value="Personne 3"/);
      // Another network is not held back.
      const client = new TestClient(apps[0]!);
      await client.get('/sign-up');
      const other = await apps[0]!.request(
        '/sign-up',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `plenum_csrf=${client.cookies.get('plenum_csrf')}`,
          },
          body: new URLSearchParams({
            email: 'elsewhere@quota.example',
            name: 'Elsewhere',
            password: 'a long enough password',
            _csrf: client.cookies.get('plenum_csrf')!,
          }).toString(),
        },
        from('2001:db8:1:2::5'),
      );
      assert.equal(other.status, 303);
    });
  });
}

test('a network is an IPv4 address, also written as IPv6, or an IPv6 /64', () => {
  assert.equal(networkOf('192.0.2.1'), '192.0.2.1');
  assert.equal(networkOf('::ffff:192.0.2.1'), '192.0.2.1');
  assert.equal(networkOf('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  assert.equal(networkOf('2001:db8::5'), '2001:db8:0:0::/64');
  assert.equal(networkOf('2001:0db8:0001:0002::9'), '2001:db8:1:2::/64');
  assert.equal(networkOf('not an address'), undefined);
  assert.equal(networkOf(undefined), undefined);
});
