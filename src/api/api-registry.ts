/**
 * The JSON API's route registry: each route declares its parameters, headers, body and response
 * with zod, and the same declarations parse every request and generate the OpenAPI 3.1
 * description (openapi.ts). A body is declared with the schema its service validates with, so
 * what the description promises is what the server checks.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PlenumError, type ErrorCode } from '../errors.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import type { AppEnv } from '../context.ts';
import { requireScope, type TokenScope } from './token-scopes.ts';
import { zodError } from '../validation.ts';
import { openApiDocument, type OpenApiInfo, type OpenApiLimits } from './openapi.ts';

/** One JSON API route, described for both validation and documentation. */
export interface ApiRoute<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  R extends z.ZodType,
  B extends z.ZodType = z.ZodUndefined,
  H extends z.ZodObject = z.ZodObject,
> {
  /** Hono path, e.g. `/api/documents/:id`. */
  path: string;
  /** GET unless given. */
  method?: 'get' | 'post';
  /** The JSON body of a POST, parsed before the handler runs: the schema its service validates with. */
  body?: B;
  /** True when the route needs an API token (`Authorization: Bearer …`). */
  auth?: boolean;
  /**
   * The token scope a write needs (every POST names one); a GET with a token needs `read`.
   * A token without it is refused with TOKEN_SCOPE_MISSING naming the scope, before the body is read.
   */
  scope?: TokenScope | 'any';
  /** Request headers the route reads, keyed by their documented name (e.g. `Idempotency-Key`). */
  headers?: H;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  response: R;
  /** Error codes this route can answer with, besides INVALID_REQUEST. */
  errors: ErrorCode[];
  handler: (
    c: Context<AppEnv>,
    input: {
      params: z.output<P>;
      query: z.output<Q>;
      headers: z.output<H>;
      body: z.output<B>;
      /**
       * The JSON body as sent (already checked against `body`), for a service that parses its
       * input itself with a schema whose output it would not take again (fields made null).
       */
      sent: unknown;
    },
  ) => Promise<z.input<R>>;
  /** HTTP status of a success; 200 unless given. */
  status?: 200 | 201 | 202;
  /** An example request body and answer, shown in the description (a test parses them with the route's schemas). */
  examples?: { body?: z.input<B>; response?: z.input<R> };
}

/** A route of any shape, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds routes of every shape
export type AnyApiRoute = ApiRoute<any, any, any, any, any>;

/** Collects API routes, mounts them on an app and describes them as OpenAPI. */
export class ApiRegistry {
  readonly routes: AnyApiRoute[] = [];

  /** Adds a GET route. */
  get<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType, H extends z.ZodObject>(
    route: ApiRoute<P, Q, R, z.ZodUndefined, H>,
  ): void {
    this.routes.push(route);
  }

  /** Adds a POST route with a JSON body. */
  post<
    P extends z.ZodObject,
    Q extends z.ZodObject,
    R extends z.ZodType,
    B extends z.ZodType,
    H extends z.ZodObject,
  >(route: ApiRoute<P, Q, R, B, H> & { body: B; scope: TokenScope | 'any' }): void {
    this.routes.push({ ...route, method: 'post', auth: true });
  }

  /** Mounts every route on the app: parameters, then the API token, then headers and body. */
  mount(app: Hono<AppEnv>): void {
    for (const route of this.routes) {
      const handle = async (c: Context<AppEnv>): Promise<Response> => {
        const params = parseOrThrow(route.params ?? noFields, c.req.param());
        const query = parseOrThrow(route.query ?? noFields, c.req.query());
        const body =
          route.method === 'post'
            ? await tokenAndJsonBody(c, route.scope ?? 'admin')
            : requireScope(c.var.viewer, 'read');
        const input = parseRequestInput(route, { header: (name) => c.req.header(name), body });
        const result = await route.handler(c, { params, query, ...input, sent: body });
        if (route.method === 'post') return c.json(result, route.status ?? 200);
        return answerRead(c, result);
      };
      if (route.method === 'post') app.post(route.path, handle);
      else app.get(route.path, handle);
    }
  }

  /** The OpenAPI 3.1 description of every registered route. */
  openApi(info: OpenApiInfo, limits?: OpenApiLimits): Record<string, unknown> {
    return openApiDocument(this.routes, info, limits);
  }
}

/**
 * A read's JSON answer with a strong ETag (the hash of its bytes); 304 without a body when the
 * client's If-None-Match already names it. The answer depends on who asks (staff see drafts), so
 * it varies with the credentials, and caches keep it private.
 */
function answerRead(c: Context<AppEnv>, result: unknown): Response {
  const body = JSON.stringify(result);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  c.header('etag', etag);
  c.header('vary', 'Authorization, Cookie');
  c.header('cache-control', 'private, no-cache');
  const asked = c.req.header('if-none-match');
  if (
    asked &&
    asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
  )
    return c.body(null, 304);
  return c.body(body, 200, { 'content-type': 'application/json' });
}

/** A POST's JSON body, once its sender is known to hold an API token with the scope. */
async function tokenAndJsonBody(c: Context<AppEnv>, scope: TokenScope | 'any'): Promise<unknown> {
  if (c.var.viewer?.via !== 'token') {
    throw new PlenumError('SIGN_IN_REQUIRED', 'Send an API token: Authorization: Bearer <token>.');
  }
  // 'any': a write any live token may make, such as revoking a token (which only takes power away).
  if (scope !== 'any') requireScope(c.var.viewer, scope);
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new PlenumError('INVALID_REQUEST', 'Send the body as application/json.');
  }
  try {
    return await c.req.json();
  } catch {
    throw new PlenumError('INVALID_REQUEST', 'The body is not valid JSON.');
  }
}

/**
 * The headers and JSON body of a request parsed with a route's schemas, every problem of both in
 * one INVALID_REQUEST. Exported for the submission intake, which must answer as the route does.
 */
export function parseRequestInput<H extends z.ZodObject, B extends z.ZodType>(
  route: { headers?: H; body?: B },
  request: { header: (name: string) => string | undefined; body: unknown },
): { headers: z.output<H>; body: z.output<B> } {
  // The door for text: a forbidden character is refused before any schema reads the body.
  refuseForbiddenText(request.body, '');
  const headerValues: Record<string, string | undefined> = {};
  for (const name of Object.keys(route.headers?.shape ?? {})) {
    headerValues[name] = request.header(name);
  }
  // A field the body does not have is refused by name (422), not dropped: a misspelt optional
  // field would otherwise be lost without a word.
  if (route.body) refuseUnknownFields(route.body, request.body);
  const headers = (route.headers ?? noFields).safeParse(headerValues);
  const body = route.body?.safeParse(request.body) ?? { success: true, data: undefined };
  if (!headers.success || !body.success) {
    const issues = [
      ...(headers.success ? [] : headers.error.issues),
      ...(body.success ? [] : body.error.issues),
    ];
    throw zodError(new z.ZodError(issues));
  }
  return { headers: headers.data as z.output<H>, body: body.data as z.output<B> };
}

/**
 * Throws UNKNOWN_FIELD naming every field of `value` that `schema` does not declare, at any depth
 * (objects, arrays, optional, default and transformed fields); a union accepts the fields of any
 * of its objects. Objects that declare a catch-all accept any field.
 */
export function refuseUnknownFields(schema: z.ZodType, value: unknown): void {
  const unknown = unknownFields(schema, value, '');
  if (unknown.length === 0) return;
  const fields = unknown.map((path) => {
    const dot = path.lastIndexOf('.');
    return {
      field: path,
      message: `Unknown field: “${path.slice(dot + 1)}”.`,
      key: 'unknownField' as const,
      params: { fields: `“${path.slice(dot + 1)}”` },
    };
  });
  throw new PlenumError(
    'UNKNOWN_FIELD',
    fields.map((f) => (f.field.includes('.') ? `${f.field}: ${f.message}` : f.message)).join('; '),
    { fields },
  );
}

function unknownFields(schema: z.ZodType, value: unknown, at: string): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })
    ._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return unknownFields(def.innerType as z.ZodType, value, at);
    case 'pipe':
      return unknownFields(def.in as z.ZodType, value, at);
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) =>
            unknownFields(def.element as z.ZodType, item, `${at}${at ? '.' : ''}${i}`),
          )
        : [];
    case 'union': {
      const options = def.options as z.ZodType[];
      // The fields of the first option that takes the value as it is; none: leave it to the parse.
      const fits = options.find((o) => o.safeParse(value).success);
      return fits ? unknownFields(fits, value, at) : [];
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      const open =
        def.catchall !== undefined && (def.catchall as z.ZodType)._zod.def.type !== 'never';
      const found: string[] = [];
      for (const [key, field] of Object.entries(value)) {
        const path = `${at}${at ? '.' : ''}${key}`;
        const declared = shape[key];
        if (declared) found.push(...unknownFields(declared, field, path));
        else if (!open) found.push(path);
      }
      return found;
    }
    default:
      return [];
  }
}

/** The schema of a route without path parameters, query or headers (made once, not per request). */
const noFields = z.object({});

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodError(parsed.error);
  return parsed.data;
}
