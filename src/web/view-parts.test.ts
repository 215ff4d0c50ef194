/**
 * Readable times (issue 19, point 7): an instant is written once, in the process's time zone and
 * named by it; UTC and the reader's own time are on demand in a small disclosure that opens
 * without script. Before, each instant was written three times in a row (zone, UTC, reader's).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localAddress, uiFor } from './i18n.ts';
import { instantLabel } from './view-parts.ts';

const ctx = (lang: 'en' | 'ar' | 'zh') => ({
  ui: uiFor(lang),
  viewer: null,
  path: '/',
  csrf: '',
});

test('an instant is shown once in its zone, UTC and the reader’s time behind a disclosure', () => {
  const label = String(instantLabel(ctx('en'), '2026-07-06T08:00:00.000Z', 'Europe/Zurich'));
  const [shown, disclosed] = label.split('<details');
  assert.ok(disclosed, 'a disclosure follows the instant');
  assert.match(
    shown!,
    /<time datetime="2026-07-06T08:00:00.000Z">6 Jul 2026, 10:00 GMT\+2 \(Europe\/Zurich\)<\/time>/,
  );
  assert.equal(
    (shown!.replace(/<[^>]*>/g, '').match(/\d\d:\d\d/g) ?? []).length,
    1,
    'one time in the line itself',
  );
  assert.match(disclosed, /^ class="other-times"><summary>UTC and your time<\/summary>/);
  assert.match(disclosed, /6 Jul 2026, 08:00 GMT/);
  assert.match(
    disclosed,
    /data-local="your time: \{time\}" data-datetime="2026-07-06T08:00:00.000Z"/,
  );
});

test('the disclosure speaks the reader’s language', () => {
  for (const [lang, words] of [
    ['ar', 'التوقيت العالمي ووقتك'],
    ['zh', '协调世界时与您的时间'],
  ] as const) {
    const label = String(instantLabel(ctx(lang), '2026-07-06T08:00:00.000Z', 'UTC'));
    assert.ok(label.includes(`<summary>${words}</summary>`), lang);
  }
});

test('front matter and unnumbered blocks have addresses a reader understands', () => {
  const en = uiFor('en');
  assert.equal(localAddress(en, '§0'), 'cover');
  assert.equal(localAddress(en, '§0.3'), 'cover, part 3');
  assert.equal(localAddress(en, '§II ¶4'), 'section II, paragraph 4');
  assert.equal(localAddress(en, '¶2'), 'cover, paragraph 2');
  assert.equal(localAddress(en, '§2 ¶3'), 'section 2, paragraph 3');
  const headings = new Map([['§2', 'Introduction']]);
  assert.equal(localAddress(en, '§2 ¶2', headings), 'Introduction, paragraph 2');
  assert.equal(localAddress(en, 'para 38(b)'), 'para 38(b)');
  assert.equal(localAddress(uiFor('fr'), '§0'), 'page de titre');
  assert.equal(localAddress(uiFor('zh'), '§2 ¶2', headings), 'Introduction第2段');
});
