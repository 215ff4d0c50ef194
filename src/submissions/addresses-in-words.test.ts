/**
 * Addresses in words wherever a reader sees one (issue 19, point 7): a comment on an unnumbered
 * paragraph of a section reads "Introduction, paragraph 1" (from the section's heading) on the
 * document page's comment bar and opened paragraph, on the period's list of submissions, and in
 * the moderation queue; never the stored `§1 ¶1`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import { createApp } from '../app.ts';
import {
  buildConsultation,
  representativeViewer,
  signedIn,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { openCommentPeriod } from '../consultations/consultations.service.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { importFile } from '../imports/imports.service.ts';
import { TestClient } from '../test-client.ts';
import { submitComment } from './submissions.service.ts';

const text = `Report on shared resolvers

I. Introduction

The Group met three times to discuss the stability of shared resolvers.

1. Resolvers answer queries for many networks.

2. Operators publish their policies openly.
`;

/** The addresses a page's submission list items say they are on. */
function listedAddresses(page: string): string[] {
  return [...page.matchAll(/<bdi>On ([^<]+)<\/bdi>/g)].map((m) => m[1]!);
}

for (const engine of testEngines()) {
  describe(`addresses in words on every page that lists comments (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let app: ReturnType<typeof createApp>;
    let documentId = '';
    let periodId = '';
    let address = '';
    const now = new Date('2026-06-01T12:00:00Z');

    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate' });
      const report = await importFile(o.db, new TextEncoder().encode(text), {
        process: 'twg',
        symbol: 'TWG/twg/2',
        version: 'Zero draft',
        language: 'en',
        format: 'text',
      });
      documentId = report.ids.document;
      const period = await openCommentPeriod(
        o.db,
        operatorViewer,
        built.process.id,
        {
          versionId: report.ids.version,
          title: 'Comments on the resolvers report',
          description: '',
          opensAt: '2026-01-01T00:00',
          closesAt: '2030-12-31T23:59',
          timeZone: 'UTC',
          moderation: 'review',
        },
        now,
      );
      periodId = period.id;
      const block = await o.db
        .selectFrom('blocks')
        .innerJoin('language_versions as lv', 'lv.id', 'blocks.language_version_id')
        .select(['blocks.id', 'blocks.address'])
        .where('lv.version_id', '=', report.ids.version)
        .where('blocks.text', 'like', 'The Group met three times%')
        .executeTakeFirstOrThrow();
      assert.match(block.address, /^§\S+ ¶1$/, 'an unnumbered paragraph of a section');
      address = block.address;
      await submitComment(
        o.db,
        representativeViewer(built, 'civil'),
        periodId,
        {
          organisationId: built.organisations.civil.id,
          body: 'The introduction should say how often the Group will meet.',
          anchors: [{ blockId: block.id }],
          idempotencyKey: 'addresses-in-words',
        },
        [],
        now,
      );
      app = createApp({ db: o.db, engine, now: () => now });
    });
    after(() => o.close());

    test('the moderation queue, the period’s list and the document page say "Introduction, paragraph 1"', async () => {
      const secretariat = await signedIn(app, built, 'secretariat');
      const page = await (await secretariat.get(`/consultations/${periodId}/moderation`)).text();
      assert.deepEqual(listedAddresses(page), ['Introduction, paragraph 1']);
      assert.doesNotMatch(page, /§|¶/);
      // Published, the period's list says the same, and so does the document page.
      const moderator = await signedIn(app, built, 'moderator');
      const id = /id="s-([0-9a-f-]{36})"/.exec(page)![1]!;
      const res = await moderator.post(`/submissions/${id}/moderate`, {
        action: 'publish',
        _page: `/consultations/${periodId}/moderation`,
      });
      assert.equal(res.status, 303);
      const reader = new TestClient(app);
      const list = await (await reader.get(`/consultations/${periodId}`)).text();
      assert.deepEqual(listedAddresses(list), ['Introduction, paragraph 1']);
      const document = await (await reader.get(`/documents/${documentId}`)).text();
      assert.match(document, /Comment on Introduction, paragraph 1</);
      const opened = await (
        await reader.get(`/documents/${documentId}?comments=${encodeURIComponent(address)}`)
      ).text();
      assert.match(opened, /<h3>Comments on Introduction, paragraph 1<\/h3>/);
      assert.deepEqual(listedAddresses(opened), ['Introduction, paragraph 1']);
    });
  });
}
