import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createApp } from './app.ts';
import { signUp } from './accounts/accounts.service.ts';
import type { Database } from './db/database.ts';
import type { OpenDatabase } from './db/database.ts';
import { openTestDatabase, testEngines } from './db/test-databases.ts';
import { noLimits } from './limits/limits.ts';
import { formContentTypeProblem } from './form-body.ts';
import { TestClient } from './test-client.ts';

/** Every row of every table of the schema in use, as one comparable text. */
async function databaseSnapshot(db: Kysely<Database>, engine: string): Promise<string> {
  const schema =
    engine === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
      : undefined;
  const tables = (await db.introspection.getTables())
    .filter((t) => !t.isView && (schema === undefined || t.schema === schema))
    .map((t) => t.name)
    .sort();
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    dump[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(dump);
}

/** Bodies that are not well-formed forms, each carrying the right form token somewhere. */
function malformedBodies(csrf: string): { name: string; type?: string; body: () => BodyInit }[] {
  const part = `Content-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`;
  const chunked = (text: string) => () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        // Several chunks, no length announced: as a client sending Transfer-Encoding: chunked.
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
        controller.close();
      },
    });
  return [
    {
      name: 'multipart without boundary',
      type: 'multipart/form-data',
      body: () => `--b\r\n${part}--b--\r\n`,
    },
    {
      name: 'multipart with a wrong boundary',
      type: 'multipart/form-data; boundary=other',
      body: () => `--b\r\n${part}--b--\r\n`,
    },
    {
      name: 'boundary with an unclosed quote',
      type: 'multipart/form-data; boundary="b',
      body: () => `--b\r\n${part}--b--\r\n`,
    },
    {
      name: 'boundary without a value',
      type: 'multipart/form-data; boundary=',
      body: () => `--\r\n${part}----\r\n`,
    },
    {
      name: 'boundary too long',
      type: `multipart/form-data; boundary=${'b'.repeat(71)}`,
      body: () => `--${'b'.repeat(71)}\r\n${part}--${'b'.repeat(71)}--\r\n`,
    },
    {
      name: 'unclosed quote in a part header',
      type: 'multipart/form-data; boundary=b',
      body: () => `--b\r\nContent-Disposition: form-data; name="_csrf\r\n\r\n${csrf}\r\n--b--\r\n`,
    },
    {
      name: 'truncated multipart',
      type: 'multipart/form-data; boundary=b',
      body: () => `--b\r\n${part}--b\r\nContent-Disposition: form-data; name="na`,
    },
    {
      name: 'chunked and truncated multipart',
      type: 'multipart/form-data; boundary=b',
      body: chunked(`--b\r\n${part}--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nhalf`),
    },
    {
      name: 'binary garbage as multipart',
      type: 'multipart/form-data; boundary=b',
      body: () => new Uint8Array([0, 255, 13, 10, 45, 45, 98, 0, 1]),
    },
    { name: 'plain text', type: 'text/plain', body: () => `_csrf=${csrf}&name=x` },
    {
      name: 'JSON',
      type: 'application/json',
      body: () => JSON.stringify({ _csrf: csrf, name: 'x' }),
    },
    {
      name: 'a malformed content type',
      type: 'application/x-www-form-urlencoded; charset',
      body: () => `_csrf=${csrf}`,
    },
    { name: 'no content type', body: () => new Blob([`_csrf=${csrf}`]) },
  ];
}

test('the content type of a form is judged by its media type and boundary', () => {
  assert.equal(formContentTypeProblem('application/x-www-form-urlencoded'), undefined);
  assert.equal(
    formContentTypeProblem('Application/X-WWW-Form-Urlencoded; charset=UTF-8'),
    undefined,
  );
  assert.equal(
    formContentTypeProblem('multipart/form-data; boundary=----WebKitFormBoundaryA1b2'),
    undefined,
  );
  assert.equal(formContentTypeProblem('multipart/form-data; boundary="a b:c"'), undefined);
  for (const bad of [
    undefined,
    '',
    'text/plain',
    'multipart/form-data',
    'multipart/form-data; boundary="x',
    'multipart/form-data; boundary=a b',
    'multipart/form-data; boundary="ends with space "',
    'multipart/form-data; charset=utf-8',
  ])
    assert.ok(formContentTypeProblem(bad), `refused: ${String(bad)}`);
});

for (const engine of testEngines()) {
  describe(`malformed form bodies (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    const browser = () => new TestClient(app);
    let client: TestClient;
    before(async () => {
      o = await openTestDatabase(engine);
      app = createApp({ db: o.db, engine, limitSettings: noLimits });
      await signUp(o.db, {
        email: 'poster@forms.example',
        name: 'Poster',
        password: 'a long password',
      });
      client = browser();
      await client.signIn('poster@forms.example', 'a long password');
    });
    after(async () => o.close());

    test('every form route answers 400 to a malformed body and changes nothing', async () => {
      // The routes as the app has them, so that a new form route is covered without a list here.
      const formRoutes = app.routes
        .filter((r) => r.method === 'POST' && !r.path.startsWith('/api/'))
        .map((r) => r.path.replace(/:[A-Za-z]+/g, 'x'));
      assert.ok(formRoutes.length >= 20, `${formRoutes.length} form routes found`);
      const csrf = client.cookies.get('plenum_csrf')!;
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const before = await databaseSnapshot(o.db, engine);
      const wrong: string[] = [];
      for (const path of formRoutes) {
        for (const bad of malformedBodies(csrf)) {
          const res = await app.request(path, {
            method: 'POST',
            headers: { cookie, ...(bad.type === undefined ? {} : { 'content-type': bad.type }) },
            body: bad.body(),
            duplex: 'half',
          } as RequestInit);
          const text = await res.text();
          if (res.status !== 400 || !/not valid|form/i.test(text))
            wrong.push(`${path} (${bad.name}): ${res.status}`);
        }
      }
      assert.deepEqual(wrong, []);
      assert.equal(await databaseSnapshot(o.db, engine), before, 'the database is unchanged');
    });

    test('a well-formed form still goes through', async () => {
      const res = await client.post('/account/tokens', { name: 'after the storm' });
      assert.equal(res.status, 200);
      const multipart = await client.post('/account/tokens', {
        name: 'with a file',
        note: new File(['x'], 'x.txt'),
      });
      assert.equal(multipart.status, 200);
    });
  });
}
