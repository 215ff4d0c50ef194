import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError, type ErrorCode } from '../errors.ts';
import { readDocument } from '../documents/documents.service.ts';
import {
  buildConsultation,
  draftParagraphs,
  representativeViewer,
  type BuiltConsultation,
} from '../consultations/consultation.builder.ts';
import { getSubmission, submitComment } from '../submissions/submissions.service.ts';
import { exportPeriodAnnotations, importPeriodAnnotations } from './annotations.service.ts';
import { annotationImportSchema } from './annotations.ts';

const now = new Date('2026-06-01T12:00:00Z');
const base = 'https://plenum.test';

async function submissionCount(o: OpenDatabase): Promise<number> {
  const row = await o.db
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function rejectsWith(
  promise: Promise<unknown>,
  code: ErrorCode,
  detail?: RegExp,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isPlenumError(error), String(error));
    assert.equal(error.code, code, error.message);
    if (detail) assert.match(error.detail ?? '', detail);
    return true;
  });
}

for (const engine of testEngines()) {
  describe(`W3C Web Annotation export and import (${engine})`, () => {
    let o: OpenDatabase;
    let built: BuiltConsultation;
    let secretariat: Viewer;
    let paragraphId: (address: string) => string;
    before(async () => {
      o = await openTestDatabase(engine);
      built = await buildConsultation(o.db, { moderation: 'immediate', now });
      secretariat = {
        id: built.accounts.secretariat.id,
        email: built.accounts.secretariat.email,
        name: 'secretariat',
        isAdmin: false,
        via: 'session',
        grants: [{ role: 'secretariat', scopeId: built.process.id }],
      };
      const reading = await readDocument(o.db, built.documentId);
      paragraphId = (address) => reading.blocks.find((b) => b.address === address)!.id;
      const civil = representativeViewer(built, 'civil');
      await o.db.transaction().execute(async (trx) => {
        await submitComment(
          trx,
          civil,
          built.period.id,
          {
            organisationId: built.organisations.civil.id,
            body: 'The public core deserves a definition.',
            language: 'en',
            anchors: [{ blockId: paragraphId('para 2'), exact: 'public core' }],
            idempotencyKey: 'annotation-test-1',
          },
          [],
          now,
        );
        await submitComment(
          trx,
          civil,
          built.period.id,
          {
            organisationId: built.organisations.civil.id,
            body: 'We support this paragraph.',
            language: 'en',
            anchors: [{ blockId: paragraphId('para 3') }],
            idempotencyKey: 'annotation-test-2',
          },
          [],
          now,
        );
      });
    });
    after(async () => o.close());

    test('exports the comments as an AnnotationCollection with quote and position selectors', async () => {
      const collection = (await exportPeriodAnnotations(
        o.db,
        null,
        built.period.id,
        base,
        now,
      )) as {
        '@context': string;
        type: string;
        total: number;
        first: { type: string; items: Record<string, unknown>[] };
      };
      assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(collection.type, 'AnnotationCollection');
      assert.equal(collection.first.type, 'AnnotationPage');
      assert.equal(collection.total, 2);
      assert.ok(annotationImportSchema.safeParse(collection).success, 'our own schema reads it');
      const quoted = collection.first.items.find(
        (a) => (a.body as { value: string }).value === 'The public core deserves a definition.',
      )!;
      const target = quoted.target as { source: string; selector: Record<string, unknown>[] };
      assert.equal(target.source, `${base}/documents/${built.documentId}/v/1#para-2`);
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const position = target.selector.find((s) => s.type === 'TextPositionSelector')!;
      assert.equal(quote.exact, 'public core');
      const text = draftParagraphs[1]!;
      assert.equal(text.slice(position.start as number, position.end as number), 'public core');
      assert.equal(
        quote.prefix,
        text.slice(0, position.start as number).slice(-(quote.prefix as string).length),
      );
      const whole = collection.first.items.find(
        (a) => (a.body as { value: string }).value === 'We support this paragraph.',
      )!;
      assert.deepEqual(whole.target, {
        source: `${base}/documents/${built.documentId}/v/1#para-3`,
      });
      assert.equal((quoted.creator as { name: string }).name, built.organisations.civil.name);
    });

    test('imports an exported collection as comments of another organisation, anchored alike', async () => {
      const collection = await exportPeriodAnnotations(o.db, null, built.period.id, base, now);
      const before = await submissionCount(o);
      const report = await o.db.transaction().execute((trx) =>
        importPeriodAnnotations(trx, secretariat, {
          periodId: built.period.id,
          input: { organisationId: built.organisations.tech.slug, collection },
          now,
        }),
      );
      assert.equal(report.total, 2);
      assert.equal(report.imported, 2);
      assert.equal(report.notAnchored, 0);
      assert.equal(await submissionCount(o), before + 2);
      const quoted = report.annotations.find((a) => a.anchoredTo[0] === 'para 2')!;
      const submission = await getSubmission(o.db, secretariat, quoted.submissionId!);
      assert.equal(submission.organisation.id, built.organisations.tech.id);
      assert.equal(submission.anchors[0]!.selector?.textQuote.exact, 'public core');
    });

    test("another tool's annotations: anchored by quote, and a report of what was not", async () => {
      const page = `${base}/documents/${built.documentId}`;
      const collection = JSON.stringify(
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          first: {
            type: 'AnnotationPage',
            items: [
              {
                id: 'urn:x:1',
                type: 'Annotation',
                body: { type: 'TextualBody', value: 'Which directory?' },
                target: {
                  source: page,
                  selector: [{ type: 'TextQuoteSelector', exact: 'points of contact directory' }],
                },
              },
              {
                id: 'urn:x:2',
                type: 'Annotation',
                body: 'On a paragraph that does not exist.',
                target: `${page}/v/1#para-99`,
              },
              {
                id: 'urn:x:3',
                type: 'Annotation',
                body: 'On another site.',
                target: 'https://elsewhere.example/doc#para-1',
              },
            ],
          },
        },
        null,
        2,
      );
      const before = await submissionCount(o);
      const report = await o.db.transaction().execute((trx) =>
        importPeriodAnnotations(trx, secretariat, {
          periodId: built.period.id,
          input: { organisationId: built.organisations.government.id, collection },
          now,
        }),
      );
      const [first, second, third] = report.annotations;
      assert.equal(first!.status, 'imported');
      assert.deepEqual(first!.anchoredTo, ['para 9']);
      assert.equal(second!.status, 'imported_without_anchor');
      assert.match(second!.problems[0]!, /no paragraph "#para-99"/);
      assert.equal(third!.status, 'not_imported');
      assert.match(third!.problems[0]!, /not this period's document/);
      assert.equal(report.notAnchored, 2);
      assert.equal(await submissionCount(o), before + 2);
    });

    for (const [label, collection, detail] of [
      [
        'an annotation without a target',
        { type: 'AnnotationPage', items: [{ type: 'Annotation', body: 'x' }] },
        /^collection\.items\.0\.target: /,
      ],
      [
        'a quote selector without its words',
        {
          type: 'AnnotationPage',
          items: [
            {
              type: 'Annotation',
              body: 'x',
              target: { source: 'https://a.example/', selector: { type: 'TextQuoteSelector' } },
            },
          ],
        },
        /^collection\.items\.0\.target\.selector\.exact: /,
      ],
      [
        'malformed JSON',
        '{\n  "type": "AnnotationPage",\n  "items": [\n    {,\n  ]\n}',
        /^collection: line 4: not valid JSON/,
      ],
    ] as const) {
      test(`refuses ${label} with its path or line, writing nothing`, async () => {
        const before = await submissionCount(o);
        await rejectsWith(
          o.db.transaction().execute((trx) =>
            importPeriodAnnotations(trx, secretariat, {
              periodId: built.period.id,
              input: { organisationId: built.organisations.tech.id, collection },
              now,
            }),
          ),
          'INVALID_REQUEST',
          detail,
        );
        assert.equal(await submissionCount(o), before);
      });
    }

    test("only the process's secretariat imports annotations", async () => {
      const before = await submissionCount(o);
      await rejectsWith(
        importPeriodAnnotations(o.db, representativeViewer(built, 'tech'), {
          periodId: built.period.id,
          input: { organisationId: built.organisations.tech.id, collection: [] },
          now,
        }),
        'FORBIDDEN',
      );
      await rejectsWith(
        importPeriodAnnotations(o.db, secretariat, {
          periodId: built.period.id,
          input: { organisationId: built.organisations.tech.id, collection: [], extra: 1 },
          now,
        }),
        'INVALID_REQUEST',
        /extra|Unrecognized/,
      );
      assert.equal(await submissionCount(o), before);
    });
  });
}
