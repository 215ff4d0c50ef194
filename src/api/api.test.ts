import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../app.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import { errorCatalogue } from '../errors.ts';

test('serves an OpenAPI 3.1 document whose every reference resolves', async () => {
  const o = await openTestDatabase('sqlite');
  try {
    const app = createApp({ db: o.db, engine: 'sqlite' });
    const res = await app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
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
    const refs = [
      ...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]!);
    assert.ok(refs.length > 10);
    for (const ref of refs) assert.ok(doc.components.schemas[ref], `$ref ${ref} resolves`);
    assert.ok(
      doc.paths['/api/documents/{id}']!.get.responses['404'],
      'the 404 answer is documented',
    );
  } finally {
    await o.close();
  }
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
