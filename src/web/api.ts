/**
 * The JSON API's route registry: each route declares its parameters and response with zod, and
 * the same declarations validate requests and generate the OpenAPI 3.1 document.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { errorCatalogue, PlenumError, type ErrorCode } from '../errors.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import type { AppEnv } from './context.ts';

/** The error body every API error has. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
    }),
  })
  .meta({ id: 'Error' });

/** One JSON API route, described for both validation and documentation. */
export interface ApiRoute<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  R extends z.ZodType,
  B extends z.ZodType = z.ZodUndefined,
> {
  /** Hono path, e.g. `/api/documents/:id`. */
  path: string;
  /** GET unless given. */
  method?: 'get' | 'post';
  /** The JSON body of a POST. */
  body?: B;
  /** True when the route needs an API token (`Authorization: Bearer …`). */
  auth?: boolean;
  /** Request headers the route reads, documented in OpenAPI. */
  headers?: { name: string; description: string; required: boolean }[];
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  response: R;
  /** Error codes this route can answer with, besides INVALID_REQUEST. */
  errors: ErrorCode[];
  handler: (
    c: Context<AppEnv>,
    input: { params: z.infer<P>; query: z.infer<Q>; body: unknown },
  ) => Promise<z.input<R>>;
  /** HTTP status of a success; 200 unless given. */
  status?: 200 | 201;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds routes of every shape
type AnyApiRoute = ApiRoute<any, any, any, any>;

/** Collects API routes, mounts them on an app and describes them as OpenAPI. */
export class ApiRegistry {
  readonly routes: AnyApiRoute[] = [];

  /** Adds a GET route. */
  get<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(
    route: ApiRoute<P, Q, R>,
  ): void {
    this.routes.push(route);
  }

  /** Adds a POST route with a JSON body. */
  post<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType, B extends z.ZodType>(
    route: ApiRoute<P, Q, R, B>,
  ): void {
    this.routes.push({ ...route, method: 'post' });
  }

  /** Mounts every route on the app, validating parameters and query first. */
  mount(app: Hono<AppEnv>): void {
    for (const route of this.routes) {
      const handle = async (c: Context<AppEnv>): Promise<Response> => {
        const params = parseOrThrow(route.params ?? noParameters, c.req.param());
        const query = parseOrThrow(route.query ?? noParameters, c.req.query());
        let body: unknown;
        if (route.method === 'post') {
          if (c.var.viewer?.via !== 'token') {
            throw new PlenumError(
              'SIGN_IN_REQUIRED',
              'Send an API token: Authorization: Bearer <token>.',
            );
          }
          if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
            throw new PlenumError('INVALID_REQUEST', 'Send the body as application/json.');
          }
          try {
            body = await c.req.json();
          } catch {
            throw new PlenumError('INVALID_REQUEST', 'The body is not valid JSON.');
          }
          refuseForbiddenText(body, '');
        }
        const result = await route.handler(c, { params, query, body });
        return c.json(result, route.status ?? 200);
      };
      if (route.method === 'post') app.post(route.path, handle);
      else app.get(route.path, handle);
    }
  }

  /** The OpenAPI 3.1 document of every mounted route. */
  openApi(info: { title: string; version: string }): Record<string, unknown> {
    const components: Record<string, unknown> = {};
    const paths: Record<string, Record<string, unknown>> = {};
    const toSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output'): unknown => {
      // Parameters are documented as the client sends them (before transforms), bodies as sent back.
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Record<
        string,
        unknown
      >;
      const defs = (json.$defs ?? {}) as Record<string, unknown>;
      delete json.$defs;
      delete json.$schema;
      const rewrite = (v: unknown): unknown =>
        JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', '"#/components/schemas/'));
      for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def);
      const id = schema.meta()?.id;
      if (typeof id === 'string') {
        components[id] = rewrite(json);
        return { $ref: `#/components/schemas/${id}` };
      }
      return rewrite(json);
    };
    const errorRef = toSchema(errorBodySchema);
    for (const route of this.routes) {
      const openPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const parameters: unknown[] = [];
      for (const [where, schema] of [
        ['path', route.params],
        ['query', route.query],
      ] as const) {
        if (!schema) continue;
        for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
          parameters.push({
            name,
            in: where,
            required: where === 'path' || !field.safeParse(undefined).success,
            description: field.description,
            schema: toSchema(field, 'input'),
          });
        }
      }
      const responses: Record<string, unknown> = {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: toSchema(route.response) } },
        },
      };
      for (const code of ['INVALID_REQUEST', ...route.errors] as ErrorCode[]) {
        const status = String(errorCatalogue[code].status);
        const existing = responses[status] as { description: string } | undefined;
        responses[status] = {
          description: existing ? `${existing.description}; ${code}` : code,
          content: { 'application/json': { schema: errorRef } },
        };
      }
      for (const header of route.headers ?? []) {
        parameters.push({
          name: header.name,
          in: 'header',
          required: header.required,
          description: header.description,
          schema: { type: 'string' },
        });
      }
      if (route.status && route.status !== 200) {
        responses[String(route.status)] = responses['200'];
        delete responses['200'];
      }
      if (route.auth) {
        responses['401'] = {
          description: 'SIGN_IN_REQUIRED',
          content: { 'application/json': { schema: errorRef } },
        };
      }
      const method = route.method ?? 'get';
      paths[openPath] = {
        ...paths[openPath],
        [method]: {
          summary: route.summary,
          tags: [route.tag],
          operationId: `${method === 'post' ? 'post' : ''}${operationId(route.path)}`.replace(
            /^post(.)/,
            (_, ch: string) => `post${ch.toUpperCase()}`,
          ),
          parameters,
          ...(route.body
            ? {
                requestBody: {
                  required: true,
                  content: { 'application/json': { schema: toSchema(route.body, 'input') } },
                },
              }
            : {}),
          ...(route.auth ? { security: [{ bearer: [] }] } : {}),
          responses,
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        ...info,
        description:
          'Processes, documents, versions and blocks; comment periods and submissions. Reading needs no account; submitting needs an API token from your account page.',
      },
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      paths,
      components: {
        schemas: components,
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from /account' },
        },
      },
    };
  }
}

function operationId(path: string): string {
  return path
    .replace(/^\/api\//, '')
    .split('/')
    .map((part, i) => {
      const word = part.startsWith(':') ? `by-${part.slice(1)}` : part;
      const camel = word.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
      return i === 0 ? camel : camel.charAt(0).toUpperCase() + camel.slice(1);
    })
    .join('');
}

/** The schema of a route without path or query parameters (made once, not per request). */
const noParameters = z.object({});

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new PlenumError(
      'INVALID_REQUEST',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}
