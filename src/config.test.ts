import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: SQLite in ./data, port 3000, webhooks only to public addresses', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, './data/plenum.sqlite');
  assert.equal(c.workers, 1);
  assert.equal(c.allowPrivateWebhooks, false);
  assert.equal(
    loadConfig({ PLENUM_WEBHOOK_PRIVATE_ADDRESSES: 'allow' }).allowPrivateWebhooks,
    true,
  );
});

test('every problem is listed at once', () => {
  assert.throws(
    () => loadConfig({ PORT: 'x', PLENUM_WEBHOOK_PRIVATE_ADDRESSES: 'yes', PLENUM_WORKERS: '0' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /PORT/.test(error.message) &&
      /PLENUM_WEBHOOK_PRIVATE_ADDRESSES/.test(error.message) &&
      /PLENUM_WORKERS/.test(error.message),
  );
});

test('the public URL names a site; forwarded headers are believed only when told', () => {
  const c = loadConfig({});
  assert.equal(c.publicUrl, undefined);
  assert.equal(c.trustProxy, false);
  assert.equal(
    loadConfig({ PLENUM_PUBLIC_URL: 'https://Plenum.Example.org/' }).publicUrl,
    'https://plenum.example.org',
  );
  assert.equal(
    loadConfig({ PLENUM_PUBLIC_URL: 'http://localhost:8080' }).publicUrl,
    'http://localhost:8080',
  );
  for (const bad of [
    'plenum.example.org',
    'ftp://plenum.example.org',
    'https://plenum.example.org/plenum',
    'https://plenum.example.org/?a=1',
    'https://user:pw@plenum.example.org',
    'https://',
  ])
    assert.throws(() => loadConfig({ PLENUM_PUBLIC_URL: bad }), /PLENUM_PUBLIC_URL/, bad);
  assert.equal(loadConfig({ PLENUM_TRUST_PROXY: 'on' }).trustProxy, true);
  assert.throws(() => loadConfig({ PLENUM_TRUST_PROXY: 'yes' }), /PLENUM_TRUST_PROXY/);
});
