/**
 * The JSON API's route registry: each route declares its parameters, headers, body and response
 * with zod, and the same declarations parse every request and generate the OpenAPI 3.1
 * description (openapi.ts). A body is declared with the schema its service validates with, so
 * what the description promises is what the server checks.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PlenumError, type ErrorCode } from '../errors.ts';
import { refuseForbiddenText } from '../text/allowed-text.ts';
import type { AppEnv } from '../context.ts';
import { zodError } from '../validation.ts';
import { openApiDocument, type OpenApiInfo } from './openapi.ts';

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
    input: { params: z.output<P>; query: z.output<Q>; headers: z.output<H>; body: z.output<B> },
  ) => Promise<z.input<R>>;
  /** HTTP status of a success; 200 unless given. */
  status?: 200 | 201;
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
  >(route: ApiRoute<P, Q, R, B, H> & { body: B }): void {
    this.routes.push({ ...route, method: 'post' });
  }

  /** Mounts every route on the app: parameters, then the API token, then headers and body. */
  mount(app: Hono<AppEnv>): void {
    for (const route of this.routes) {
      const handle = async (c: Context<AppEnv>): Promise<Response> => {
        const params = parseOrThrow(route.params ?? noFields, c.req.param());
        const query = parseOrThrow(route.query ?? noFields, c.req.query());
        const body = route.method === 'post' ? await tokenAndJsonBody(c) : undefined;
        const input = parseRequestInput(route, { header: (name) => c.req.header(name), body });
        const result = await route.handler(c, { params, query, ...input });
        return c.json(result, route.status ?? 200);
      };
      if (route.method === 'post') app.post(route.path, handle);
      else app.get(route.path, handle);
    }
  }

  /** The OpenAPI 3.1 description of every registered route. */
  openApi(info: OpenApiInfo): Record<string, unknown> {
    return openApiDocument(this.routes, info);
  }
}

/** A POST's JSON body, once its sender is known to hold an API token. */
async function tokenAndJsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (c.var.viewer?.via !== 'token') {
    throw new PlenumError('SIGN_IN_REQUIRED', 'Send an API token: Authorization: Bearer <token>.');
  }
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

/** The schema of a route without path parameters, query or headers (made once, not per request). */
const noFields = z.object({});

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodError(parsed.error);
  return parsed.data;
}
