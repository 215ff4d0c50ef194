import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Viewer } from '../accounts/accounts.schema.ts';
import {
  buildConsultation,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { testEngines, openTestDatabase } from '../db/test-databases.ts';
import type { Engine, OpenDatabase } from '../db/database.ts';
import { isPlenumError } from '../errors.ts';
import { importFile } from '../imports/imports.service.ts';
import { drain } from '../followers.ts';
import { moderateSubmission, submitComment } from '../submissions/submissions.service.ts';
import { rebuildSearchIndex, searchPassages } from './search.service.ts';
import { inSearchSession } from './search.store.ts';

/** Paragraph texts of the built draft in the other five languages (made for these tests). */
const translations: Record<string, string[]> = {
  zh: [
    '各国重申国际法适用于信息和通信技术的使用。',
    '工作组注意到互联网公共核心的普遍可用性和完整性的重要性。',
    '互联网治理涉及域名系统和根服务器系统。',
    '公共政策与核心问题应分别讨论。',
  ],
  ar: [
    'تؤكد الدول من جديد أن القانونَ الدولي ينطبق على استخدام تكنولوجيا المعلومات.',
    'يلاحظ الفريق أهمية توافر النواة العامة للإنترنت وسلامتها.',
    'وبالإنترنت تتصل أنظمة أسماء النطاقات.',
  ],
  ru: [
    'Государства подтверждают, что международное право применимо к использованию ИКТ.',
    'Группа отмечает важность общедоступного ядра интернета.',
    'Ёмкость сетей Российской Федерации растёт.',
  ],
  fr: [
    'Les États réaffirment que le droit international s’applique.',
    'Le Groupe note l’importance du noyau public de l’Internet et des réseaux.',
  ],
  es: [
    'Los Estados reafirman que el derecho internacional es aplicable.',
    'El Grupo observa la importancia del núcleo público de Internet para las naciones.',
  ],
};

const queries = [
  'public core',
  'Internet',
  'internet governance',
  'states',
  '公共核心',
  '核心',
  '互联网',
  '互联网治理',
  '域名',
  'إنترنت',
  'الإنترنت',
  'интернет',
  'емкость',
  'Российская Федерация',
  'réseau',
  'nación',
  'núcleo público',
  '"public core"',
  'domain name system',
  'comment on paragraph',
  'States reaffirm international law Charter Nations',
  '互联网公共核心的普遍可用性',
];

const viewer = (account: { id: string; email: string }, grants: Viewer['grants'] = []): Viewer => ({
  ...account,
  name: 'someone',
  isAdmin: false,
  grants,
  via: 'session',
});

/** The answers each engine gave, compared at the end. */
const answers = new Map<Engine, unknown[]>();

async function build(o: OpenDatabase): Promise<BuiltConsultation> {
  const built = await buildConsultation(o.db, { moderation: 'review' });
  for (const [language, paragraphs] of Object.entries(translations)) {
    await importFile(
      o.db,
      new TextEncoder().encode(paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n\n')),
      {
        process: 'twg',
        document: built.documentId,
        version: 'Zero draft',
        language,
        format: 'text',
      },
    );
  }
  await drain(o.db, o.engine);
  return built;
}

const find = (
  o: OpenDatabase,
  q: string,
  extra: Record<string, string> = {},
  who: Viewer | null = null,
) => searchPassages(o.db, who, { q, ...extra });

for (const engine of testEngines()) {
  describe(`search on ${engine}`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    after(() => o?.close());

    it('finds imported paragraphs in every language, with their address and link', async () => {
      o = await openTestDatabase(engine);
      built = await build(o);
      const en = await find(o, 'public core');
      assert.equal(en.hits.length, 1);
      assert.equal(en.hits[0]!.citation, 'TWG/twg/1, para 2');
      assert.match(en.hits[0]!.href, new RegExp(`^/documents/${built.documentId}/v/1/en#para-2$`));
      assert.deepEqual(
        en.hits[0]!.marks.map(([a, b]) => en.hits[0]!.snippet.slice(a, b)),
        ['public', 'core'],
      );
      for (const q of ['公共核心', '核心', '互联网', '互联网治理', '域名']) {
        const r = await find(o, q);
        assert.ok(r.hits.length > 0, q);
        assert.ok(
          r.hits.every((h) => h.language === 'zh'),
          q,
        );
      }
      // 公共 and 核心 apart (paragraph 4) is not 公共核心.
      const core = await find(o, '公共核心');
      assert.deepEqual(
        core.hits.map((h) => h.address),
        ['para 2'],
      );
      assert.equal((await find(o, 'الإنترنت')).hits.length, 2);
      assert.equal((await find(o, 'интернет')).hits.length, 1);
      assert.equal((await find(o, 'емкость')).hits.length, 1);
      assert.equal((await find(o, 'réseau')).hits[0]?.language, 'fr');
      assert.equal((await find(o, 'naciones')).hits[0]?.language, 'es');
      // Six words: four are looked up in SQL, the other two checked on the passage.
      const many = await find(o, 'States reaffirm international law Charter Nations');
      assert.deepEqual(
        many.hits.map((h) => h.citation),
        ['TWG/twg/1, para 1'],
      );
      assert.equal((await find(o, 'States reaffirm international law Charter zebra')).total, 0);
    });

    it('filters by language, document, kind and date', async () => {
      const all = await find(o, 'internet');
      const fr = await find(o, 'internet', { language: 'fr' });
      assert.ok(all.hits.length > fr.hits.length);
      assert.ok(fr.hits.length > 0 && fr.hits.every((h) => h.language === 'fr'));
      assert.equal((await find(o, 'internet', { document: 'TWG/twg/1' })).total, all.total);
      assert.equal((await find(o, 'internet', { kind: 'submission' })).total, 0);
      assert.equal((await find(o, 'internet', { from: '2999-01-01' })).total, 0);
      await assert.rejects(
        find(o, 'internet', { document: 'NO/SUCH/DOC' }),
        (e) => isPlenumError(e) && e.code === 'DOCUMENT_NOT_FOUND',
      );
      await assert.rejects(
        find(o, 'internet', { language: 'xx' }),
        (e) => isPlenumError(e) && e.code === 'INVALID_REQUEST',
      );
    });

    it('refuses an empty, punctuation-only or too long query', async () => {
      for (const q of ['', '   ', '?!…']) {
        await assert.rejects(
          find(o, q),
          (e) => isPlenumError(e) && e.code === 'SEARCH_QUERY_EMPTY',
        );
      }
      await assert.rejects(
        find(o, 'x'.repeat(2000)),
        (e) => isPlenumError(e) && e.code === 'SEARCH_QUERY_TOO_LONG',
      );
    });

    it('finds a submission once published, and no longer once rejected', async () => {
      const now = new Date('2026-06-02T10:00:00Z');
      const civil = viewer(built.accounts.civil, [
        { role: 'representative', scopeId: built.organisations.civil.id },
      ]);
      const moderator = viewer(built.accounts.moderator, [
        { role: 'moderator', scopeId: built.process.id },
      ]);
      const receipt = await o.db.transaction().execute((trx) =>
        submitComment(
          trx,
          civil,
          built.period.id,
          {
            organisationId: built.organisations.civil.id,
            body: 'We ask the Group to protect the zebrafish registry of the public core.',
            idempotencyKey: 'search-test-1',
          },
          [],
          now,
        ),
      );
      assert.equal(receipt.status, 'in_review');
      await drain(o.db, engine);
      assert.equal((await find(o, 'zebrafish')).total, 0);
      await o.db
        .transaction()
        .execute((trx) =>
          moderateSubmission(trx, moderator, receipt.submissionId, { action: 'publish' }, now),
        );
      await drain(o.db, engine);
      const found = await find(o, 'zebrafish registry');
      assert.equal(found.total, 1);
      assert.equal(found.hits[0]!.kind, 'submission');
      assert.equal(found.hits[0]!.href, `/submissions/${receipt.submissionId}`);
      assert.equal(found.hits[0]!.organisation?.name, 'Open Net Collective');
      assert.equal((await find(o, 'zebrafish', { group: 'civil_society' })).total, 1);
      assert.equal((await find(o, 'zebrafish', { group: 'government' })).total, 0);
      assert.equal((await find(o, 'zebrafish', { country: 'ken' })).total, 1);
      assert.equal((await find(o, 'zebrafish', { country: 'NLD' })).total, 0);
      await o.db
        .transaction()
        .execute((trx) =>
          moderateSubmission(
            trx,
            moderator,
            receipt.submissionId,
            { action: 'reject', reason: 'off_topic' },
            now,
          ),
        );
      await drain(o.db, engine);
      assert.equal((await find(o, 'zebrafish')).total, 0);
    });

    it('hides a version in preparation from all but its process staff', async () => {
      await importFile(o.db, new TextEncoder().encode('1. A confidential okapi paragraph.\n'), {
        process: 'twg',
        symbol: 'TWG/PRIVATE/1',
        language: 'en',
        format: 'text',
        private: true,
      });
      await drain(o.db, engine);
      assert.equal((await find(o, 'okapi')).total, 0);
      const outsider = viewer(built.accounts.outsider);
      assert.equal((await find(o, 'okapi', {}, outsider)).total, 0);
      const secretariat = viewer(built.accounts.secretariat, [
        { role: 'secretariat', scopeId: built.process.id },
      ]);
      assert.equal((await find(o, 'okapi', {}, secretariat)).total, 1);
    });

    it('rebuilds the same index from scratch', async () => {
      const before = await Promise.all(queries.map((q) => find(o, q)));
      const steps: string[] = [];
      const counts = await rebuildSearchIndex(
        (work) => o.db.transaction().execute(work),
        (what) => steps.push(what),
      );
      assert.ok(counts.items > 0 && counts.postings > counts.items);
      assert.ok(steps.includes('language versions'));
      const afterwards = await Promise.all(queries.map((q) => find(o, q)));
      // The passages are numbered anew, so compare what a reader sees.
      assert.deepEqual(afterwards, before);
      answers.set(engine, afterwards);
    });
  });
}

describe('search on both engines', () => {
  it('gives the same answers on SQLite and PostgreSQL', { skip: testEngines().length < 2 }, () => {
    const sqlite = answers.get('sqlite');
    const postgres = answers.get('postgres');
    assert.ok(sqlite && postgres);
    // Ids and dates differ between the two databases; everything else must be the same.
    const shape = (results: unknown[]) =>
      JSON.parse(
        JSON.stringify(results)
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
          .replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'),
      ) as unknown;
    assert.deepEqual(shape(postgres), shape(sqlite));
    assert.ok(
      (sqlite as { total: number }[]).filter((r) => r.total > 0).length >= queries.length - 2,
      'most queries find something',
    );
  });
});

for (const engine of testEngines()) {
  it(`a search runs on one connection tuned for short lookups (${engine})`, async () => {
    const o = await openTestDatabase(engine);
    try {
      const setting = async (db: typeof o.db) =>
        (
          await sql<{
            hash: string;
            parallel: string;
          }>`select current_setting('enable_hashjoin') as hash, current_setting('max_parallel_workers_per_gather') as parallel`.execute(
            db,
          )
        ).rows[0]!;
      const inside = await inSearchSession(o.db, async (db) =>
        engine === 'postgres' ? setting(db) : 'sqlite',
      );
      assert.deepEqual(inside, engine === 'postgres' ? { hash: 'off', parallel: '0' } : 'sqlite');
      if (engine === 'postgres') {
        // SET LOCAL: the connection goes back to the pool as it was (plenum's connections run
        // without parallel query anyway: src/db/database.ts).
        assert.deepEqual(await setting(o.db), { hash: 'on', parallel: '0' });
      }
    } finally {
      await o.close();
    }
  });
}
