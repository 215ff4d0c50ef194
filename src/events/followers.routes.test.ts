import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import { statusText } from '../cli/status.command.ts';
import {
  buildConsultation,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { drain } from '../followers.ts';
import { recordEvent } from './events.store.ts';
import { followerStatus } from './followers.service.ts';

for (const engine of testEngines()) {
  describe(`the followers' operator page and plenum status (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    const as = (who: keyof BuiltConsultation['accounts']) => signedIn(app, built, who);

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db);
      await drain(o.db, engine);
      app = createApp({ db: o.db, engine });
    });
    after(async () => o.close());

    test('only administrators see the page', async () => {
      assert.equal((await app.request('/admin/followers')).status, 401);
      for (const who of ['civil', 'secretariat', 'moderator'] as const)
        assert.equal((await (await as(who)).get('/admin/followers')).status, 403, who);
      const res = await (await as('admin')).get('/admin/followers');
      assert.equal(res.status, 200);
      const page = await res.text();
      for (const name of ['search', 'concepts', 'watches'])
        assert.match(page, new RegExp(`<th scope="row"><span dir="ltr">${name}</span></th>`));
      assert.doesNotMatch(page, /Failing/);
    });

    test('the lag and a failing event with its error show on the page and in plenum status', async () => {
      // An imported version whose rows are gone: indexing it reads nothing and succeeds, so
      // break the index instead, for this event only.
      await recordEvent(o.db, {
        actor: 'test',
        action: 'language_version.imported',
        subjectType: 'language_version',
        subjectId: 'not-a-language-version',
      });
      const behind = (await followerStatus(o.db)).find((s) => s.name === 'search')!;
      assert.equal(behind.lagEvents, 1);
      assert.equal(behind.failing, null);
      const seq = behind.seq + 1;
      await o.db
        .updateTable('follower_cursors')
        .set({
          failing_seq: seq,
          failing_error: 'the index is broken',
          failing_since: '2026-06-01T12:00:00.000Z',
          attempts: 3,
          retry_at: '2026-06-01T12:00:07.000Z',
        })
        .where('follower', '=', 'search')
        .execute();
      const page = await (await (await as('admin')).get('/admin/followers')).text();
      assert.match(page, /<strong>Failing<\/strong>/);
      assert.match(page, /search fails on an event/);
      assert.match(page, /language_version\.imported · language_version not-a-language-version/);
      assert.match(page, /<code dir="ltr">the index is broken<\/code>/);
      const arabic = await (await as('admin')).get('/admin/followers', { 'accept-language': 'ar' });
      assert.match(await arabic.text(), /dir="rtl"/);
      const text = statusText(await followerStatus(o.db));
      assert.match(text, /^search: at event \d+, 1 event\(s\) behind/m);
      assert.match(
        text,
        /FAILING on event \d+ \(language_version\.imported on language_version not-a-language-version\) since 2026-06-01T12:00:00\.000Z, 3 attempt\(s\), next at 2026-06-01T12:00:07\.000Z: the index is broken/,
      );
      await o.db
        .updateTable('follower_cursors')
        .set({ failing_seq: null, failing_error: null, retry_at: null, attempts: 0 })
        .execute();
      await drain(o.db, engine);
      assert.equal((await followerStatus(o.db)).find((s) => s.name === 'search')!.lagEvents, 0);
    });
  });
}
