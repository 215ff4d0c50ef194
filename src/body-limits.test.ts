import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.ts';
import {
  buildConsultation,
  signedIn,
  type BuiltConsultation,
} from './consultations/consultation.builder.ts';
import type { OpenDatabase } from './db/database.ts';
import { openTestDatabase } from './db/test-databases.ts';

// The limits do not depend on the database, so one engine is enough.
describe('body limits are the ones their routes declare', () => {
  let o: OpenDatabase;
  let built: BuiltConsultation;
  let app: ReturnType<typeof createApp>;
  const as = (who: keyof BuiltConsultation['accounts']) => signedIn(app, built, who);
  const twoMegabytes = 2 * 1024 * 1024;

  before(async () => {
    o = await openTestDatabase('sqlite');
    built = await buildConsultation(o.db);
    app = createApp({ db: o.db, engine: 'sqlite', now: () => new Date('2026-06-01T12:00:00Z') });
  });
  after(async () => o.close());

  test('the submission form takes attachments past the 1 MB of other requests', async () => {
    const civil = await as('civil');
    const padding = new Uint8Array(twoMegabytes).fill(0x20);
    const pdf = new File(
      [new TextEncoder().encode('%PDF-1.4\n'), padding, new TextEncoder().encode('\n%%EOF\n')],
      'annex.pdf',
    );
    const res = await civil.post(`/consultations/${built.period.id}/submissions`, {
      organisationId: built.organisations.civil.id,
      body: 'See the annex.',
      idempotencyKey: 'large-annex-1',
      attachments: pdf,
    });
    assert.equal(res.status, 201);
  });

  test('the form that opens a period keeps the 1 MB limit', async () => {
    const secretariat = await as('secretariat');
    const res = await secretariat.post('/processes/twg/consultations', {
      versionId: built.versionId,
      title: 'A long description',
      description: 'x'.repeat(twoMegabytes),
      opensAt: '2026-06-01T08:00',
      closesAt: '2026-06-30T23:59',
      timeZone: 'UTC',
      moderation: 'immediate',
    });
    assert.equal(res.status, 413);
  });
});
