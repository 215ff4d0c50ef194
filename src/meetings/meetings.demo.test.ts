/** The demo's meetings: a postponement with its reason in the history, a move online, and feeds that show them. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { loadDemoIfEmpty } from '../demo/demo.service.ts';

for (const engine of testEngines()) {
  describe(`demo meetings (${engine})`, () => {
    let o: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      o = await openTestDatabase(engine);
      assert.ok(await loadDemoIfEmpty(o.db));
      app = createApp({ db: o.db, engine });
    });
    after(async () => o.close());

    test('the demo has a postponed session with its reason and a meeting moved online', async () => {
      const res = await app.request('/api/processes/oewg/meetings');
      assert.equal(res.status, 200);
      const { meetings } = (await res.json()) as {
        meetings: { id: string; status: string; sequence: number; startsAt: string }[];
      };
      const postponed = meetings.find((m) => m.status === 'postponed');
      const online = meetings.find((m) => m.status === 'moved_online');
      assert.ok(postponed && online);
      assert.equal(postponed.sequence, 1);
      assert.ok(postponed.startsAt > new Date().toISOString(), 'the new dates are ahead');

      const page = await (await app.request(`/meetings/${postponed.id}`)).text();
      assert.match(page, /History of changes/);
      assert.match(page, /postponed by four weeks/);
      assert.match(page, /Demo secretariat officer/);

      const ics = await (await app.request('/processes/oewg/calendar.ics')).text();
      assert.match(ics, /SEQUENCE:1/);
      assert.match(ics, /STATUS:CONFIRMED/);
      const timeline = await app.request('/processes/oewg/timeline');
      assert.equal(timeline.status, 200);
      assert.match(await timeline.text(), /Substantive session \(illustrative demo meeting\)/);
      assert.match(
        await (await app.request('/processes/ad-hoc-committee-cybercrime')).text(),
        /Formal session \(illustrative demo meeting\)/,
      );
    });
  });
}
