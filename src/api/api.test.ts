import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { z } from 'zod';
import { createApp } from '../app.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import { errorCatalogue, isPlenumError } from '../errors.ts';
import type { AppEnv } from '../context.ts';
import { ApiRegistry } from './api-registry.ts';

test('documents the public routes, their components and their 404 answers', async () => {
  const o = await openTestDatabase('sqlite');
  try {
    const app = createApp({ db: o.db, engine: 'sqlite' });
    const res = await app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    for (const path of [
      '/api/processes',
      '/api/processes/{process}',
      '/api/documents/{id}',
      '/api/versions/{id}',
      '/api/versions/{id}/blocks',
      '/api/blocks/{id}',
    ]) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
    for (const name of [
      'Process',
      'Document',
      'Version',
      'LanguageVersion',
      'Block',
      'FootnoteRef',
      'Error',
    ]) {
      assert.ok(doc.components.schemas[name], `${name} is a component`);
    }
    assert.ok(
      doc.paths['/api/documents/{id}']!.get.responses['404'],
      'the 404 answer is documented',
    );
  } finally {
    await o.close();
  }
});

describe('the API registry', () => {
  const handled: unknown[] = [];
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    const token = c.req.header('authorization') === 'Bearer t';
    c.set(
      'viewer',
      token
        ? { id: 'a', email: 'a@example.org', name: 'A', isAdmin: false, grants: [], via: 'token' }
        : null,
    );
    await next();
  });
  app.onError((error, c) =>
    isPlenumError(error)
      ? c.json({ code: error.code, detail: error.detail }, error.status as 400)
      : c.json({ code: 'INTERNAL' }, 500),
  );
  const api = new ApiRegistry();
  api.post({
    scope: 'submit',
    path: '/api/things',
    summary: 'Adds a thing',
    tag: 'things',
    headers: z.object({ 'Thing-Key': z.string().min(3).optional() }),
    body: z.object({ name: z.string().trim().min(2, 'Name it.') }),
    response: z.object({ name: z.string(), key: z.string().nullable() }),
    errors: [],
    handler: async (_c, { headers, body }) => {
      handled.push(body);
      return { name: body.name, key: headers['Thing-Key'] ?? null };
    },
  });
  api.post({
    scope: 'submit',
    path: '/api/strict-things',
    summary: 'Adds a thing, refusing fields it does not know',
    tag: 'things',
    body: z.strictObject({ name: z.string() }).meta({ id: 'StrictThing' }),
    response: z.object({ name: z.string() }),
    errors: [],
    handler: async (_c, { body }) => body,
  });
  api.mount(app);
  const post = (body: unknown, headers: Record<string, string> = {}, path = '/api/things') =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  test('hands the handler the body and headers as its schemas parse them', async () => {
    const res = await post({ name: '  Gavel  ' }, { 'thing-key': 'abc' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { name: 'Gavel', key: 'abc' });
    assert.deepEqual(handled.at(-1), { name: 'Gavel' });
  });

  test('refuses a body or header its schema refuses, every problem at once, before the handler', async () => {
    const before = handled.length;
    const res = await post({ name: ' x ' }, { 'thing-key': 'ab' });
    assert.equal(res.status, 400);
    const answer = (await res.json()) as { code: string; detail: string };
    assert.equal(answer.code, 'INVALID_REQUEST');
    assert.match(answer.detail, /^Thing-Key: .*; name: Name it\.$/);
    assert.equal((await post([1, 2])).status, 400);
    assert.equal((await post(null)).status, 400);
    assert.equal(handled.length, before);
  });

  test('refuses unknown fields by name, at any depth, and describes request objects as closed', async () => {
    type Schema = { additionalProperties?: unknown };
    type Content = { content: { 'application/json': { schema: Schema } } };
    const description = api.openApi({ title: 'things', version: '1' }) as {
      paths: Record<string, { post: { requestBody: Content; responses: Record<string, Content> } }>;
      components: { schemas: Record<string, Schema> };
    };
    const things = description.paths['/api/things']!.post;
    assert.equal(things.requestBody.content['application/json'].schema.additionalProperties, false);
    const before = handled.length;
    const unknown = await post({ name: 'Gavel', colour: 'red' });
    assert.equal(unknown.status, 422);
    assert.deepEqual(await unknown.json(), {
      code: 'UNKNOWN_FIELD',
      detail: 'Unknown field: “colour”.',
    });
    assert.equal(handled.length, before, 'the handler never ran');
    // Answers are not parsed on their way out, so they are not described as closed either.
    assert.equal(
      things.responses['200']!.content['application/json'].schema.additionalProperties,
      undefined,
    );

    assert.equal(description.components.schemas.StrictThing!.additionalProperties, false);
    const refused = await post({ name: 'Gavel', colour: 'red' }, {}, '/api/strict-things');
    assert.equal(refused.status, 422);
    assert.equal((await post({ name: 'Gavel' }, {}, '/api/strict-things')).status, 200);
  });
});

test('every catalogued error has a status and a message a person can read', () => {
  for (const [code, entry] of Object.entries(errorCatalogue)) {
    assert.match(code, /^[A-Z][A-Z0-9_]+$/);
    assert.ok(entry.status >= 400 && entry.status < 600, code);
    assert.match(entry.message, /^[A-Z].*\.$/, code);
  }
});

test('docs/API.md lists every error code with its status', async () => {
  const { readFile } = await import('node:fs/promises');
  const doc = await readFile(new URL('../../docs/API.md', import.meta.url), 'utf8');
  for (const [code, entry] of Object.entries(errorCatalogue)) {
    assert.match(doc, new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${entry.status}\\s*\\|`), code);
  }
});

test('answers health checks with the engine and version', async () => {
  const o = await openTestDatabase('sqlite');
  try {
    const res = await createApp({ db: o.db, engine: 'sqlite' }).request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, engine: 'sqlite', version: '0.1.0' });
  } finally {
    await o.close();
  }
});
