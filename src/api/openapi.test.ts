/**
 * /api/openapi.json is valid OpenAPI 3.1 (checked by @readme/openapi-parser), describes requests
 * as the server checks them, and generates a typed client (openapi-typescript) that works against
 * the app (openapi-fetch).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { validate } from '@readme/openapi-parser';
import createClient from 'openapi-fetch';
import type { OpenAPI3 } from 'openapi-typescript';
import { createApiToken } from '../accounts/accounts.service.ts';
import { completeDeps, createApp } from '../app.ts';
import {
  buildConsultation,
  paragraphBlock,
  representativeViewer,
} from '../consultations/consultation.builder.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { unLanguages } from '../text/detect-language.ts';
import type { z } from 'zod';
import { newPeriodSchema } from '../consultations/consultations.schema.ts';
import { newOrganisationSchema } from '../organisations/organisations.schema.ts';
import { newProcessSchema } from '../processes/processes.schema.ts';
import { apiSubmissionSchema } from '../submissions/submissions.schema.ts';
import { refuseUnknownFields } from './api-registry.ts';
import { clientTypesFile, clientTypesOf, servedOpenApi } from './client-types.ts';
import type { paths } from './openapi-types.generated.ts';

/** The parts of a description these tests read. */
interface Described {
  components: { schemas: Record<string, Schema> };
  paths: Record<string, Record<string, { parameters: { name: string; schema: Schema }[] }>>;
}
type Schema = {
  [keyword: string]: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
};

/** Every problem a validator and a client generator find in a description; none when it is sound. */
async function problemsOf(description: OpenAPI3): Promise<string[]> {
  // The validator dereferences the copy it is given.
  const result = await validate(structuredClone(description) as never);
  const problems = result.valid ? [] : result.errors.map((e) => e.message);
  problems.push(...result.warnings.map((w) => w.message));
  try {
    await clientTypesOf(description);
  } catch (error) {
    problems.push(`openapi-typescript: ${String(error)}`);
  }
  return problems;
}

let served: OpenAPI3;
before(async () => {
  served = await servedOpenApi();
});

describe('the OpenAPI description', () => {
  test('is valid OpenAPI 3.1 from which a client can be generated', async () => {
    assert.equal(served.openapi, '3.1.0');
    assert.deepEqual(await problemsOf(served), []);
    for (const path of [
      '/api/documents/{id}',
      '/api/consultations/{id}/submissions',
      '/api/search',
    ]) {
      assert.ok(served.paths?.[path], `${path} is described`);
    }
  });

  test('a component that refers to itself, or to nothing, is found', async () => {
    const selfReferencing = structuredClone(served) as unknown as Described;
    selfReferencing.components.schemas.Receipt = { $ref: '#/components/schemas/Receipt' };
    assert.notDeepEqual(await problemsOf(selfReferencing as unknown as OpenAPI3), []);

    const dangling = structuredClone(served) as unknown as Described;
    delete dangling.components.schemas.Receipt;
    assert.notDeepEqual(await problemsOf(dangling as unknown as OpenAPI3), []);
  });

  test('describes a submission as the server checks it', () => {
    const { components, paths } = served as unknown as Described;
    const submission = components.schemas.NewSubmission!;
    const fields = submission.properties!;
    assert.deepEqual(fields.language!.enum, [...unLanguages]);
    assert.equal(fields.anchors!.items!.properties!.blockId!.format, 'uuid');
    assert.equal(fields.idempotencyKey!.minLength, 8);
    // The organisation is named only when submitting for one (submitAs defaults to that).
    assert.deepEqual(submission.required, ['body']);
    assert.deepEqual(fields.submitAs!.enum, ['organisation', 'myself', 'anonymous']);
    assert.equal(fields.submitAs!.default, 'organisation');
    // Unknown fields are refused by name (UNKNOWN_FIELD): the description closes the object.
    assert.equal(submission.additionalProperties, false);

    const post = paths['/api/consultations/{id}/submissions']!.post!;
    assert.deepEqual(post.parameters.find((p) => p.name === 'Idempotency-Key')?.schema, {
      description:
        'A key unique to this submission; a retry with the same key returns the first receipt',
      type: 'string',
      minLength: 8,
      maxLength: 200,
    });
  });

  test('every operation lists its error codes as examples, its body limit, and examples the server takes', async () => {
    type Media = { schema: unknown; examples?: Record<string, { value: unknown }> };
    type Operation = {
      requestBody?: { 'x-max-body-bytes': number; content: Record<string, Media> };
      responses: Record<string, { description: string; content: Record<string, Media> }>;
    };
    const paths = served.paths as unknown as Record<string, Record<string, Operation>>;
    let withExamples = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const [status, answer] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const examples = answer.content['application/json']!.examples ?? {};
          // Each code the description names is an example whose body has that code.
          assert.deepEqual(
            Object.keys(examples),
            answer.description.split('; '),
            `${method} ${path} ${status}`,
          );
          for (const [code, example] of Object.entries(examples))
            assert.equal((example.value as { error: { code: string } }).error.code, code);
        }
        if (op.requestBody) {
          assert.equal(op.requestBody['x-max-body-bytes'], 1024 * 1024, `${method} ${path}`);
          assert.ok(op.responses['413'], `${method} ${path} answers 413`);
          if (op.requestBody.content['application/json']!.examples) withExamples += 1;
        }
      }
    }
    assert.ok(withExamples >= 3, `request examples on ${withExamples} operations`);
    // The examples are requests the server's own schemas take, unknown fields and all.
    const bodies: [string, z.ZodType][] = [
      ['/api/consultations/{id}/submissions', apiSubmissionSchema],
      ['/api/processes/{process}/consultations', newPeriodSchema],
      ['/api/organisations', newOrganisationSchema],
      ['/api/processes', newProcessSchema],
    ];
    for (const [path, schema] of bodies) {
      const example =
        paths[path]!.post!.requestBody!.content['application/json']!.examples!.example!.value;
      assert.doesNotThrow(() => refuseUnknownFields(schema, example), path);
      assert.ok(schema.safeParse(example).success, path);
    }
  });

  test('the committed client types are those the description generates', async () => {
    const committed = await readFile(clientTypesFile, 'utf8');
    assert.ok(committed === (await clientTypesOf(served)), 'run `npm run api:types`');
  });
});

for (const engine of testEngines()) {
  describe(`a client generated from the description (${engine})`, () => {
    const clock = new Date('2026-06-01T12:00:00Z');
    let o: Awaited<ReturnType<typeof openTestDatabase>>;
    let deps: ReturnType<typeof completeDeps>;
    let client: ReturnType<typeof createClient<paths>>;

    before(async () => {
      o = await openTestDatabase(engine);
      deps = completeDeps({ db: o.db, engine: o.engine, now: () => clock });
      const app = createApp(deps);
      client = createClient<paths>({
        baseUrl: 'http://localhost',
        fetch: (request) => Promise.resolve(app.fetch(request)),
      });
    });

    after(async () => {
      await deps.followers.stop();
      await o.close();
    });

    test('submits a comment and finds it by search', async () => {
      const built = await buildConsultation(o.db, { moderation: 'immediate' });
      const token = await createApiToken(
        o.db,
        representativeViewer(built, 'civil', 'session'),
        'api',
      );
      const blockId = await paragraphBlock(o.db, built.versionId, 'para 2');

      const sent = await client.POST('/api/consultations/{id}/submissions', {
        params: { path: { id: built.period.id }, header: { 'Idempotency-Key': 'typed-client-1' } },
        headers: { authorization: `Bearer ${token}` },
        body: {
          organisationId: built.organisations.civil.slug,
          body: 'Interoperable registries need a shared vocabulary.',
          language: 'en',
          anchors: [{ blockId }],
        },
      });
      assert.equal(sent.response.status, 201, JSON.stringify(sent.error));
      assert.equal(sent.data?.status, 'published');

      const refused = await client.POST('/api/consultations/{id}/submissions', {
        params: { path: { id: built.period.id }, header: { 'Idempotency-Key': 'short' } },
        headers: { authorization: `Bearer ${token}` },
        body: { organisationId: built.organisations.civil.slug, body: 'Too short a key.' },
      });
      assert.equal(refused.response.status, 400);
      assert.equal(refused.error?.error.code, 'INVALID_REQUEST');

      await deps.followers.drain();
      const found = await client.GET('/api/search', {
        params: { query: { q: 'shared vocabulary' } },
      });
      assert.equal(found.response.status, 200, JSON.stringify(found.error));
      assert.deepEqual(
        found.data?.hits.map((hit) => [hit.kind, hit.id]),
        [['submission', sent.data?.submissionId]],
      );
    });
  });
}
