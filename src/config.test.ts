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
