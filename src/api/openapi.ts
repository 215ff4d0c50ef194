/**
 * The OpenAPI 3.1 description of the JSON API, generated from the zod schemas the registry parses
 * requests with: parameters, headers and bodies as a client sends them, answers as the server
 * sends them, named schemas (`.meta({ id })`) as components referenced by `$ref`.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../errors.ts';
import type { AnyApiRoute } from './api-registry.ts';

/** The title and version of the described API. */
export interface OpenApiInfo {
  title: string;
  version: string;
}

type JsonSchema = Record<string, unknown>;

/** The error body every API error has. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
    }),
  })
  .meta({ id: 'Error' });

/** What the description says of every request body. */
export interface OpenApiLimits {
  /** The largest JSON body a write takes, in bytes (more is refused with 413). */
  bodyBytes: number;
}

/** The OpenAPI 3.1 document describing these routes. */
export function openApiDocument(
  routes: readonly AnyApiRoute[],
  info: OpenApiInfo,
  limits: OpenApiLimits = { bodyBytes: 1024 * 1024 },
): Record<string, unknown> {
  const components = new ComponentSchemas();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = {
      ...paths[path],
      [route.method ?? 'get']: operation(route, components, limits),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Processes, documents, versions and blocks; comment periods and submissions. Reading needs no account; every write needs an API token from your account page, with the scope the operation names (read, submit, moderate, secretariat, admin) and not expired. A field the operation does not have is refused by name (422 UNKNOWN_FIELD).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: components.named,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token from /account. Its scopes: read (GET with your rights), submit, moderate, secretariat, admin; a token never does more than its account may.',
        },
      },
    },
  };
}

/** The Operation Object of one route. */
function operation(
  route: AnyApiRoute,
  components: ComponentSchemas,
  limits: OpenApiLimits,
): Record<string, unknown> {
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: operationId(route),
    parameters: [
      ...parameters('path', route.params, components),
      ...parameters('query', route.query, components),
      ...parameters('header', route.headers, components),
    ],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            description: `JSON of at most ${limits.bodyBytes.toLocaleString('en')} bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD.`,
            'x-max-body-bytes': limits.bodyBytes,
            content: {
              'application/json': {
                schema: components.of(route.body, 'input'),
                ...(route.examples?.body !== undefined
                  ? { examples: { example: { value: route.examples.body } } }
                  : {}),
              },
            },
          },
        }
      : {}),
    // OpenAPI 3.1 lets a bearer requirement list role names: the token scope the write needs.
    ...(route.auth
      ? { security: [{ bearer: route.scope && route.scope !== 'any' ? [route.scope] : [] }] }
      : {}),
    responses: responses(route, components),
  };
}

/** One Parameter Object per field of a route's path, query or header schema. */
function parameters(
  where: 'path' | 'query' | 'header',
  schema: z.ZodObject | undefined,
  components: ComponentSchemas,
): Record<string, unknown>[] {
  return Object.entries((schema?.shape ?? {}) as Record<string, z.ZodType>).map(
    ([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      description: field.description,
      // Parameters are described as the client sends them (before transforms).
      schema: components.of(field, 'input'),
    }),
  );
}

/** The success answer and every error answer of a route, errors of one status together. */
function responses(route: AnyApiRoute, components: ComponentSchemas): Record<string, unknown> {
  const json = (
    schema: z.ZodType,
    examples?: Record<string, { summary?: string; value: unknown }>,
  ) => ({
    'application/json': {
      schema: components.of(schema, 'output'),
      ...(examples ? { examples } : {}),
    },
  });
  const answers: Record<string, { description: string; content: unknown }> = {
    [String(route.status ?? 200)]: {
      description: route.status === 202 ? 'Accepted: see the Location header' : 'OK',
      content: json(
        route.response,
        route.examples?.response !== undefined
          ? { example: { value: route.examples.response } }
          : undefined,
      ),
      ...(route.status === 202
        ? { headers: { Location: { description: 'Where to poll', schema: { type: 'string' } } } }
        : {}),
    },
  };
  const codes = new Set<ErrorCode>(['INVALID_REQUEST', ...route.errors]);
  if (route.auth) {
    codes.add('SIGN_IN_REQUIRED');
    codes.add('TOKEN_EXPIRED');
    codes.add('TOKEN_SCOPE_MISSING');
  }
  if (route.body) {
    codes.add('UNKNOWN_FIELD');
    codes.add('PAYLOAD_TOO_LARGE');
  }
  // Every error code of a status is an example of its answer, so a client sees each code it may get.
  const byStatus = new Map<string, ErrorCode[]>();
  for (const code of codes) {
    const status = String(errorCatalogue[code].status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of byStatus) {
    answers[status] = {
      description: list.join('; '),
      content: json(
        errorBodySchema,
        Object.fromEntries(
          list.map((code) => [
            code,
            { summary: code, value: { error: { code, message: errorCatalogue[code].message } } },
          ]),
        ),
      ),
    };
  }
  return answers;
}

/** `getDocumentsById` for GET /api/documents/:id, `postConsultationsByIdSubmissions` for a POST. */
function operationId(route: AnyApiRoute): string {
  const words = route.path
    .replace(/^\/api\//, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part));
  const camel = words
    .join('-')
    .replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())
    .replace(/-/g, '');
  return route.method === 'post' ? `post${camel.charAt(0).toUpperCase()}${camel.slice(1)}` : camel;
}

/**
 * The component schemas of a document: every zod schema named with `.meta({ id })`, met anywhere
 * in a route, once. A name given to two different schemas (or to one that differs as sent and as
 * answered) is a mistake in the code, refused at once rather than described wrongly.
 */
class ComponentSchemas {
  readonly named: Record<string, JsonSchema> = {};

  /** The JSON Schema of a zod schema: a `$ref` when the schema is named, else inline. */
  of(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const {
      $defs = {},
      $schema: _dialect,
      ...root
    } = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      override: io === 'input' ? describeRequestObjectsClosed : describeUnknownFieldsAsParsed,
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    // zod puts named schemas, the root among them, in $defs and refers to them from the root.
    for (const [name, definition] of Object.entries($defs))
      this.add(name, toComponentRefs(definition));
    return toComponentRefs(root);
  }

  private add(name: string, definition: JsonSchema): void {
    const existing = this.named[name];
    if (existing && !isDeepStrictEqual(existing, definition)) {
      throw new Error(`Two different schemas are named ${name}: give each its own id.`);
    }
    this.named[name] = definition;
  }
}

function toComponentRefs(schema: JsonSchema): JsonSchema {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonSchema;
}

/**
 * zod describes a plain object's answer with `additionalProperties: false` because parsing would
 * strip unknown fields; answers are not parsed, so only a strict object is described as closed.
 * Requests are: the registry refuses a field a body's schema does not declare (UNKNOWN_FIELD), so
 * every request object is described closed (describeRequestObjectsClosed).
 */
function describeRequestObjectsClosed(context: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: JsonSchema;
}): void {
  const definition = context.zodSchema._zod.def;
  if (definition.type === 'object' && definition.catchall === undefined) {
    context.jsonSchema.additionalProperties = false;
  }
}

function describeUnknownFieldsAsParsed(context: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: JsonSchema;
}): void {
  const definition = context.zodSchema._zod.def;
  if (definition.type === 'object' && definition.catchall === undefined) {
    delete context.jsonSchema.additionalProperties;
  }
}
