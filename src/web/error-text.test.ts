import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../app.ts';
import { openTestDatabase } from '../db/test-databases.ts';
import { errorCatalogue } from '../errors.ts';
import { errorMessages } from './i18n/error-messages.ts';

test('error pages speak the reader’s language; the JSON API answers in English', async () => {
  const o = await openTestDatabase('sqlite');
  try {
    const app = createApp({ db: o.db, engine: 'sqlite' });
    for (const lang of ['fr', 'ar', 'zh'] as const) {
      const res = await app.request('/documents/not-an-id', {
        headers: { 'accept-language': lang },
      });
      assert.equal(res.status, 404);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.ok(html.includes(errorMessages[lang].DOCUMENT_NOT_FOUND), lang);
    }
    const api = await app.request('/api/documents/not-an-id', {
      headers: { 'accept-language': 'fr' },
    });
    const body = (await api.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'INVALID_REQUEST');
    assert.ok(body.error.message.startsWith(errorCatalogue.INVALID_REQUEST.message));
  } finally {
    await o.close();
  }
});
