import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createApp } from './app.ts';
import { createApiToken } from './accounts/accounts.service.ts';
import {
  buildConsultation,
  representativeViewer,
  type BuiltConsultation,
} from './consultations/consultation.builder.ts';
import type { OpenDatabase } from './db/database.ts';
import { openTestDatabase, testEngines } from './db/test-databases.ts';
import { findForbiddenCharacter, refuseForbiddenText } from './text/allowed-text.ts';
import { TestClient } from './test-client.ts';

test('the forbidden family: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF', () => {
  for (const bad of ['\u0000', '\u0001', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF']) {
    assert.ok(findForbiddenCharacter(`a${bad}b`), `U+${bad.charCodeAt(0).toString(16)}`);
  }
  assert.equal(findForbiddenCharacter('a\ud800b')?.codePoint, 0xd800, 'a lone high surrogate');
  assert.equal(findForbiddenCharacter('a\udc00b')?.codePoint, 0xdc00, 'a lone low surrogate');
  for (const good of [
    'tab\tline\ncr\r',
    'é ü 中文 العربية',
    '😀 a pair',
    '\u0085\u009f',
    '\ufdd0',
  ]) {
    assert.equal(findForbiddenCharacter(good), undefined, JSON.stringify(good));
  }
  assert.throws(
    () => refuseForbiddenText({ anchors: [{ exact: 'ok' }, { exact: 'x\u0000' }] }, ''),
    /anchors\.1\.exact: U\+0000 at character 2/,
  );
});

for (const engine of testEngines()) {
  describe(`text is checked at every door (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let token = '';
    const clock = new Date('2026-06-01T12:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      app = createApp({ db: o.db, engine, now: () => clock });
      token = await createApiToken(o.db, representativeViewer(built, 'civil', 'session'), 'test');
    });
    after(async () => o.close());

    const count = async (table: 'accounts' | 'submissions') =>
      Number(
        (
          await o.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a sign-up form with a NUL in the name: 400 naming the field, no account', async () => {
      const accounts = await count('accounts');
      const res = await new TestClient(app).post('/sign-up', {
        email: 'nul@example.org',
        name: 'Null\u0000 Byte',
        password: 'a long enough password',
      });
      assert.equal(res.status, 400);
      const page = await res.text();
      assert.match(page, /TEXT_FORBIDDEN_CHARACTER/);
      assert.match(page, /name: U\+0000 at character 5/);
      assert.equal(await count('accounts'), accounts);
    });

    test('an API submission with a NUL or a lone surrogate: 400 naming the field, nothing stored', async () => {
      const submissions = await count('submissions');
      for (const [body, field] of [
        ['{"organisationId":"ORG","body":"A comment\\u0000 with a NUL"}', 'body'],
        ['{"organisationId":"ORG","body":"Text","title":"\\ud800 alone"}', 'title'],
      ] as const) {
        const res = await app.request(`/api/consultations/${built.period.id}/submissions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': `door-${field}`,
          },
          body: body.replace('ORG', built.organisations.civil.id),
        });
        assert.equal(res.status, 400);
        const error = ((await res.json()) as { error: { code: string; message: string } }).error;
        assert.equal(error.code, 'TEXT_FORBIDDEN_CHARACTER');
        assert.match(error.message, new RegExp(`${field}: U\\+`));
      }
      assert.equal(await count('submissions'), submissions);
    });

    test('a control character in a search query: 400 naming the parameter', async () => {
      const res = await app.request('/search?q=root%01servers');
      assert.equal(res.status, 400);
      assert.match(await res.text(), /q: U\+0001 at character 5/);
    });
  });
}

test('a command-line flag with a control character is refused, naming the flag', () => {
  const result = spawnSync(
    process.execPath,
    ['src/cli/main.ts', 'process', 'add', '--slug', 'x', '--name', 'Bell\u0007 group'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: ':memory:', PLENUM_DEMO: 'off' } },
  );
  assert.equal(result.status, 1);
  assert.match(result.stderr, /--name: U\+0007 at character 5.*TEXT_FORBIDDEN_CHARACTER/);
});
