/**
 * A fuzz of every route of the web app (enumerated from the Hono app itself, GET and POST, forms
 * and JSON API) through the real HTTP server, with malformed requests generated from a seed:
 * broken multipart bodies, chunked bodies, wrong content types, huge headers, invalid UTF-8, NUL
 * bytes, overlong fields, bad query values and ids, path traversal, bad cookies, tokens and
 * forwarded headers. No answer may be a 5xx and the database must be exactly as it was.
 *
 * Requests that carry valid credentials (a signed-in session with its form token, an API token)
 * always carry a defect that must refuse them: a body that cannot be parsed, or a NUL character
 * in every field. Routes that act on the form token alone (readsNoFields) never get a valid one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApiToken, viewerFromSession } from '../../src/accounts/accounts.service.ts';
import { openTestDatabase } from '../../src/db/test-databases.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.service.ts';
import { createHttpServer, listen } from '../../src/http-server.ts';
import { TestClient } from '../../src/test-client.ts';
import {
  Random,
  dumpDifferences,
  dumpTables,
  rawRequest,
  reliabilityEngines,
  reliabilitySeed,
  type RawAnswer,
} from './support.ts';

/** Generated requests per engine (PostgreSQL has fewer: the generator is the same). */
const requestsPerEngine = { sqlite: 5000, postgres: 2500 };
/** Requests in flight at once. */
const concurrency = 8;
/** The demo's password, and the analyst who recorded stances and has watches. */
const demoPassword = 'plenum-demo-2026';
const demoAnalyst = 'analyst@demo.plenum.example';

/**
 * Tables a refused request may legitimately write: none today. (Sign-in throttling and quotas,
 * when they come, count refused requests; their tables belong here, named.)
 */
/**
 * Tables a refused request may legitimately change: the quota counters its own writes take
 * (`rate_limits`), the followers' cursors, which move on as they read the demo's events, and the
 * log of each token's last uses (`api_token_uses`), which records a refused request too, as the
 * token's last use and count below do: the token was presented.
 */
const legitimatelyTouched = new Set<string>(['rate_limits', 'follower_cursors', 'api_token_uses']);

/**
 * Columns left out of the dumps: when an API token was last used and how often, which using it
 * moves (a refused request is a use too: the token was presented), and an account's language, which GET /language/:lang sets for the signed-in reader whenever the fuzz
 * happens to form a valid language (a request that is not refused, and changes nothing else).
 */
const bookkeeping = { api_tokens: ['last_used_at', 'use_count'], accounts: ['language'] };

/** POST routes that act on the form token alone, without reading a field: never a valid token. */
const readsNoFields = new Set([
  '/sign-out',
  '/account/calendar',
  '/account/tokens/:id/revoke',
  '/versions/:id/publish',
  '/organisations/:ref/verify',
  '/concepts/:slug/terms/:term/delete',
  '/stances/:id/delete',
  '/watches/:id/feed-key',
  '/watches/:id/delete',
]);

/** Which table a path parameter names a row of, by the path segment before it. */
const paramTables: Record<string, { table: string; column: string }> = {
  processes: { table: 'processes', column: 'slug' },
  documents: { table: 'documents', column: 'id' },
  versions: { table: 'versions', column: 'id' },
  'language-versions': { table: 'language_versions', column: 'id' },
  blocks: { table: 'blocks', column: 'id' },
  organisations: { table: 'organisations', column: 'id' },
  concepts: { table: 'concepts', column: 'slug' },
  terms: { table: 'concept_terms', column: 'id' },
  stances: { table: 'stances', column: 'id' },
  watches: { table: 'watches', column: 'id' },
  consultations: { table: 'comment_periods', column: 'id' },
  meetings: { table: 'meetings', column: 'id' },
  submissions: { table: 'submissions', column: 'id' },
  tokens: { table: 'api_tokens', column: 'id' },
};
const literalParams: Record<string, string[]> = {
  seq: ['1', '2'],
  lang: ['en', 'fr', 'ar', 'zh'],
  code: ['BRA', 'KEN'],
};

/** Path parameter values that name nothing, or try to escape. */
const badIds = [
  '',
  '00000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..%5c..%5cwindows%5cwin.ini',
  '%2e%2e',
  '%00',
  '%ff%fe',
  '%C0%AF',
  '%E2%80%AE',
  '%',
  '%zz',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  "'%20or%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'x'.repeat(3000),
  '%F0%9F%92%A9',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

/** Query names the pages and the API read (and some they do not). */
const queryNames = [
  'q',
  'lang',
  'page',
  'symbol',
  'group',
  'region',
  'country',
  'language',
  'organisation',
  'process',
  'concept',
  'from',
  'to',
  'v',
  'left',
  'right',
  'format',
  'limit',
  'offset',
  'cursor',
  'status',
  'since',
  'sort',
  'kind',
  'next',
  'return',
  'quote',
  'block',
  '__proto__',
];
const badQueryValues = [
  '',
  '%',
  '%zz',
  '%00',
  '%ff',
  '%C0%80',
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999999',
  '%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
  'javascript:alert(1)',
  '//evil.example',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(5000),
  '%E2%80%AE%E2%80%AD',
  '%F0%9F%92%A9%F0%9F%92%A9',
  '[]',
  '{}',
  'AND%201=1',
];

/** Values with which each kind of header is abused. */
const forwardedValues = [
  'https',
  'HTTPS',
  'ftp',
  'https, http',
  'javascript',
  '',
  ' ',
  'h'.repeat(2000),
  'evil.example',
  'evil.example:99999',
  '[::1]',
  '"quoted',
  'a b c',
];

/** Text decorations that make a field malformed (each combined with a NUL when credentials are valid). */
function decoratedText(random: Random): Buffer {
  const parts: Buffer[] = [];
  const n = random.int(1, 3);
  for (let i = 0; i < n; i++) {
    const kind = random.int(0, 9);
    if (kind === 0) parts.push(Buffer.from('x'.repeat(random.int(1000, 40_000))));
    else if (kind === 1) parts.push(Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]));
    else if (kind === 2) parts.push(Buffer.from('"unclosed \'quote'));
    else if (kind === 3) parts.push(Buffer.from('\u202e\u200b\ufeff\ud7ff'));
    else if (kind === 4) parts.push(Buffer.from('<script>alert(1)</script>'));
    else if (kind === 5) parts.push(random.bytes(random.int(1, 64)));
    else if (kind === 6) parts.push(Buffer.from('\r\n--\r\n'));
    else if (kind === 7) parts.push(Buffer.from('\u0001\u0008\u001b\u007f'));
    else if (kind === 8) parts.push(Buffer.from('9'.repeat(400)));
    else parts.push(Buffer.from('Ordinary words'));
  }
  return Buffer.concat(parts);
}

/** A field value holding a NUL somewhere among its decorations. */
function nulText(random: Random): Buffer {
  const text = decoratedText(random);
  const at = random.int(0, text.length);
  return Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]);
}

function percentEncode(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    out +=
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

interface FuzzTarget {
  method: string;
  path: string;
}

interface FuzzSetup {
  port: number;
  routes: FuzzTarget[];
  realValues: Map<string, string[]>;
  fieldNames: string[];
  sessionCookie: string;
  csrf: string;
  token: string;
}

interface Generated {
  bytes: Buffer;
  summary: string;
}

/** One malformed request, from the seed's next numbers. */
function generateRequest(random: Random, setup: FuzzSetup): Generated {
  const route = random.pick(setup.routes);
  const api = route.path.startsWith('/api/');
  const method = random.chance(0.04)
    ? random.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])
    : route.method;
  const defects: string[] = [];

  // The path: each parameter a real value or a bad one; now and then traversal or raw bytes.
  let path = route.path.replace(/:([a-z]+)/g, (_, name: string, offset: number) => {
    const before = route.path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
    const real = literalParams[name] ?? setup.realValues.get(before) ?? [];
    if (real.length > 0 && random.chance(0.6)) return encodeURIComponent(random.pick(real));
    defects.push(`bad :${name}`);
    return random.pick(badIds);
  });
  if (random.chance(0.05)) {
    path =
      random.pick(['/static/../../../etc/passwd', '/..', '/%2e%2e/%2e%2e/etc/passwd', '//']) + path;
    defects.push('traversal');
  }
  let rawPath = Buffer.from(path);
  if (random.chance(0.03)) {
    rawPath = Buffer.concat([rawPath, Buffer.from([0xff, 0xc0, 0x80])]);
    defects.push('raw bytes in path');
  }

  // The query: names the app reads (and others) with values it must refuse or ignore.
  if (random.chance(0.5)) {
    const pairs = Array.from({ length: random.int(1, 4) }, () => {
      const name = random.pick(queryNames);
      return `${name}=${random.pick(badQueryValues)}`;
    });
    rawPath = Buffer.concat([rawPath, Buffer.from(`?${pairs.join('&')}`)]);
    defects.push('bad query');
  }

  // Credentials: a valid session only where a defect in the body must refuse the request.
  const headers: [string, Buffer | string][] = [['Host', `127.0.0.1:${setup.port}`]];
  const bodyKind =
    route.method === 'POST' && method === 'POST'
      ? random.pick(['multipart', 'urlencoded', 'json', 'wrong-type', 'raw', 'none'] as const)
      : random.chance(0.1)
        ? ('raw' as const)
        : ('none' as const);
  const formFieldsAllowed = !api && !readsNoFields.has(route.path);
  const credentials = random.pick(['valid', 'none', 'garbage'] as const);
  let withForm = false;
  let withToken = false;
  if (credentials === 'valid') {
    if (method === 'GET' || (bodyKind !== 'none' && bodyKind !== 'raw')) {
      if (api) withToken = random.chance(0.8);
      else {
        headers.push([
          'Cookie',
          `plenum_session=${setup.sessionCookie}; plenum_csrf=${setup.csrf}`,
        ]);
        withForm = formFieldsAllowed;
      }
    }
  } else if (credentials === 'garbage') {
    const cookie = random.pick([
      `plenum_session=${'A'.repeat(random.int(150, 6000))}`,
      'plenum_session="unclosed; plenum_csrf=',
      `plenum_csrf=${setup.csrf}`,
      'plenum_lang=../../../etc/passwd; plenum_session=%ff%fe',
      `plenum_session=${setup.sessionCookie.slice(0, -2)}xx`,
      '=; ;; =x; plenum_csrf==',
    ]);
    headers.push(['Cookie', cookie]);
    if (random.chance(0.5)) {
      headers.push([
        'Authorization',
        random.pick([
          'Bearer',
          'Bearer ',
          `Bearer ${setup.token}x`,
          `Bearer ${'t'.repeat(5000)}`,
          'Basic YWRtaW46YWRtaW4=',
          `bearer ${setup.token.slice(0, 20)}`,
          'Bearer a b',
          'Negotiate x',
        ]),
      ]);
    }
    defects.push('bad credentials');
  }
  if (withToken) headers.push(['Authorization', `Bearer ${setup.token}`]);

  // Other headers: forwarded, language, idempotency, huge and many.
  if (random.chance(0.25)) {
    headers.push([
      random.pick(['X-Forwarded-Proto', 'X-Forwarded-Host', 'X-Forwarded-For', 'Forwarded']),
      random.pick(forwardedValues),
    ]);
    defects.push('forwarded header');
  }
  if (random.chance(0.1))
    headers.push([
      'Accept-Language',
      random.pick(['*;q=x', 'zz-ZZ,,;;', 'a'.repeat(3000), 'ar;q=2']),
    ]);
  if (random.chance(0.1))
    headers.push(['Accept', random.pick(['application/json', '*/*;q=', 'text/html'])]);
  if (random.chance(0.05))
    headers.push(['Idempotency-Key', random.pick(['', 'k'.repeat(5000), 'a,b'])]);
  if (random.chance(0.03)) {
    headers.push(['X-Huge', 'h'.repeat(random.int(9000, 40_000))]);
    defects.push('huge header');
  }
  if (random.chance(0.02)) {
    for (let i = 0; i < 150; i++) headers.push([`X-Many-${i}`, String(i)]);
    defects.push('many headers');
  }
  if (random.chance(0.02)) {
    headers.push(['X-Invalid', Buffer.from([0x61, 0xff, 0xfe, 0x62])]);
    defects.push('invalid UTF-8 header');
  }

  // The body.
  let body: Buffer = Buffer.alloc(0);
  let contentType: string | undefined;
  const fieldValue = (): Buffer =>
    withForm || withToken ? nulText(random) : decoratedText(random);
  const fields = (): [string, Buffer][] => {
    const names = random.chance(0.7)
      ? setup.fieldNames
      : setup.fieldNames.filter(() => random.chance(0.3));
    return names.map((name) => [name, fieldValue()]);
  };
  if (bodyKind === 'multipart') {
    const boundary = `----fuzz${random.int(0, 1e9)}`;
    const parts: Buffer[] = [];
    const all: [string, Buffer][] = [
      ['_csrf', Buffer.from(withForm ? setup.csrf : 'wrong')],
      ...fields(),
    ];
    for (const [name, value] of all) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
        value,
        Buffer.from('\r\n'),
      );
    }
    const flaw = random.int(0, 7);
    let header = `multipart/form-data; boundary=${boundary}`;
    if (flaw === 0) header = 'multipart/form-data';
    else if (flaw === 1) header = 'multipart/form-data; boundary=other';
    else if (flaw === 2) header = `multipart/form-data; boundary="${boundary}`;
    else if (flaw === 3)
      parts[0] = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf\r\n\r\n`,
      );
    else if (flaw === 4) header = 'multipart/form-data; boundary=';
    else if (flaw === 5)
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 truncated`,
        ),
      );
    else if (flaw === 6) parts.splice(1, 0, Buffer.from('garbage between parts'));
    if (flaw !== 5 && random.chance(0.5)) parts.push(Buffer.from(`--${boundary}--\r\n`));
    body = Buffer.concat(parts);
    contentType = header;
    defects.push(`multipart flaw ${flaw}`);
  } else if (bodyKind === 'urlencoded') {
    const all = fields();
    const encoded = all.map(([name, value]) => {
      const v = random.chance(0.1)
        ? random.pick(['%', '%zz', '%ff%fe', '%E0%A4'])
        : percentEncode(value);
      return `${name}=${v}`;
    });
    if (random.chance(0.3)) encoded.push(`${random.pick(setup.fieldNames)}=a`); // repeated field
    encoded.unshift(`_csrf=${withForm ? setup.csrf : 'wrong'}`);
    body = Buffer.from(encoded.join('&'));
    contentType = random.pick([
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-16',
      'APPLICATION/X-WWW-FORM-URLENCODED',
    ]);
    defects.push('malformed fields');
  } else if (bodyKind === 'json') {
    const flaw = random.int(0, 5);
    if (flaw === 0) body = Buffer.from('{"unclosed": "string');
    else if (flaw === 1) body = Buffer.from('['.repeat(random.int(1000, 50_000)));
    else if (flaw === 2)
      body = Buffer.from(
        '{"body": 1e999, "organisationId": [], "anchors": {"__proto__": {"x": 1}}}',
      );
    else if (flaw === 3)
      body = Buffer.concat([Buffer.from('{"body":"'), random.bytes(200), Buffer.from('"}')]);
    else {
      const object: Record<string, string> = {};
      for (const [name, value] of fields()) object[name] = value.toString('utf8');
      body = Buffer.from(JSON.stringify(object));
      // A NUL in a JSON string is the escape \u0000; with valid credentials every value has one.
    }
    contentType = random.pick([
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
    ]);
    defects.push(`json flaw ${flaw}`);
  } else if (bodyKind === 'wrong-type') {
    body = Buffer.concat([
      Buffer.from(`_csrf=${withForm ? setup.csrf : 'wrong'}&name=`),
      nulText(random),
    ]);
    contentType = random.pick([
      'text/plain',
      'application/xml',
      'multipart/mixed; boundary=x',
      'image/png',
      '',
      'application/x-www-form-urlencoded/../json',
    ]);
    defects.push('wrong content type');
  } else if (bodyKind === 'raw') {
    body = random.bytes(random.int(0, 4000));
    if (random.chance(0.5))
      contentType = random.pick([
        'application/json',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
      ]);
    defects.push('random bytes');
  }
  if (contentType !== undefined) headers.push(['Content-Type', contentType]);

  // Framing: Content-Length, chunked (well or badly), or both.
  const framing =
    body.length === 0
      ? 'none'
      : random.pick(['length', 'length', 'chunked', 'bad-chunked', 'both']);
  if (framing === 'length') headers.push(['Content-Length', String(body.length)]);
  else if (framing === 'chunked' || framing === 'bad-chunked' || framing === 'both') {
    headers.push(['Transfer-Encoding', 'chunked']);
    if (framing === 'both') headers.push(['Content-Length', String(body.length)]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < body.length;) {
      const size = Math.min(body.length - at, random.int(1, 3000));
      chunks.push(
        Buffer.from(`${size.toString(16)}\r\n`),
        body.subarray(at, at + size),
        Buffer.from('\r\n'),
      );
      at += size;
    }
    if (framing === 'bad-chunked')
      chunks.splice(random.int(0, chunks.length), 0, Buffer.from('zz;\r\n'));
    chunks.push(Buffer.from('0\r\n\r\n'));
    body = Buffer.concat(chunks);
    defects.push(framing);
  }
  headers.push(['Connection', 'close']);

  const head = Buffer.concat([
    Buffer.from(`${method} `),
    rawPath,
    Buffer.from(' HTTP/1.1\r\n'),
    ...headers.flatMap(([name, value]) => [
      Buffer.from(`${name}: `),
      Buffer.from(value),
      Buffer.from('\r\n'),
    ]),
    Buffer.from('\r\n'),
  ]);
  return {
    bytes: Buffer.concat([head, body]),
    summary: `${method} ${route.path} [${credentials}${withForm ? '+form token' : ''}${withToken ? '+api token' : ''}; ${bodyKind}; ${defects.join(', ')}]`,
  };
}

for (const engine of reliabilityEngines()) {
  describe(`fuzz of every route (${engine})`, () => {
    test(`${requestsPerEngine[engine]} malformed requests: no 5xx, the database unchanged`, async () => {
      const seed = reliabilitySeed() + (engine === 'sqlite' ? 11 : 12);
      const random = new Random(seed);
      const opened = await openTestDatabase(engine);
      const { server, app, deps } = await createHttpServer({ db: opened.db, engine });
      try {
        await loadDemoIfEmpty(opened.db);
        const port = await listen(server, 0, '127.0.0.1');

        // A signed-in reader (through the sign-in form) and an API token of the same account.
        const client = new TestClient(app);
        await client.signIn(demoAnalyst, demoPassword);
        const sessionCookie = client.cookies.get('plenum_session')!;
        const viewer = await viewerFromSession(opened.db, sessionCookie, new Date());
        const token = await createApiToken(opened.db, viewer, 'fuzz');

        // Real values for path parameters, read from the tables the parameters name.
        const realValues = new Map<string, string[]>();
        for (const [segment, { table, column }] of Object.entries(paramTables)) {
          const rows = (await opened.db
            // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table by name
            .selectFrom(table as any)
            .select(column)
            .limit(5)
            .execute()) as Record<string, string>[];
          realValues.set(
            segment,
            rows.map((r) => String(r[column])),
          );
        }
        const routes = app.routes
          .filter((r) => r.method === 'GET' || r.method === 'POST')
          .map((r) => ({ method: r.method, path: r.path }))
          .filter(
            (r, i, all) => all.findIndex((o) => o.method === r.method && o.path === r.path) === i,
          );
        // Field names: every name a page's form or the API's request bodies use.
        const names = new Set<string>();
        for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes('.'))) {
          const path = route.path.replace(/:([a-z]+)/g, (_, name: string, offset: number) => {
            const before = route.path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
            return (literalParams[name] ?? realValues.get(before) ?? ['x'])[0] ?? 'x';
          });
          const html = await (await client.get(path)).text();
          for (const m of html.matchAll(/name="([^"]+)"/g)) names.add(m[1]!);
        }
        const openApi = JSON.stringify(await (await app.request('/api/openapi.json')).json());
        for (const m of openApi.matchAll(
          /"properties":\{((?:"[^"]+":\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\},?)+)\}/g,
        ))
          for (const p of m[1]!.matchAll(/"([A-Za-z]+)":\{/g)) names.add(p[1]!);
        names.delete('_csrf');
        const fieldNames = [...names].sort();

        const before = await dumpTables(opened.db, engine, bookkeeping);
        const setup: FuzzSetup = {
          port,
          routes,
          realValues,
          fieldNames,
          sessionCookie,
          csrf: client.cookies.get('plenum_csrf')!,
          token,
        };
        const generated = Array.from({ length: requestsPerEngine[engine] }, () =>
          generateRequest(random, setup),
        );
        const failures: string[] = [];
        const statuses = new Map<number, number>();
        // The causes of 5xx answers, as the app logs them, counted by their first line.
        const causes = new Map<string, number>();
        const log = console.error;
        console.error = (...args: unknown[]) => {
          const error = args.find((a) => a instanceof Error);
          const cause = `${String(args[0]).split(' ')[1]} ${error ? String(error).split('\n')[0]!.slice(0, 160) : String(args[1]).slice(0, 160)}`;
          causes.set(cause, (causes.get(cause) ?? 0) + 1);
        };
        const slowest = new Map<string, number>();
        const started = performance.now();
        let next = 0;
        const worker = async (): Promise<void> => {
          for (let i = next++; i < generated.length; i = next++) {
            const sentAt = performance.now();
            const answer: RawAnswer = await rawRequest(port, generated[i]!.bytes);
            const route = generated[i]!.summary.split(' [')[0]!;
            slowest.set(route, (slowest.get(route) ?? 0) + performance.now() - sentAt);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (answer.status >= 500 || answer.status === 0)
              failures.push(`#${i} ${answer.status} ${generated[i]!.summary}`);
          }
        };
        try {
          await Promise.all(Array.from({ length: concurrency }, worker));
        } finally {
          console.error = log;
        }
        await deps.followers.drain();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const after = await dumpTables(opened.db, engine, bookkeeping);
        const changed = dumpDifferences(before, after, legitimatelyTouched);
        console.log(
          `route fuzz (${engine}, seed ${seed}): ${generated.length} requests over ${routes.length} routes and ${fieldNames.length} field names in ${seconds} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ${failures.length} 5xx or no answer; ${changed.length} table(s) changed`,
        );
        for (const f of failures.slice(0, 40)) console.log(`  ${f}`);
        if (process.env.PLENUM_RELIABILITY_VERBOSE)
          for (const [route, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 10))
            console.log(`  ${route}: ${(ms / 1000).toFixed(1)} s in all`);
        for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1]))
          console.log(`  ${n} × ${cause}`);
        for (const c of changed) console.log(`  changed: ${c}`);
        assert.equal(failures.length, 0, `${failures.length} answers 5xx or none at all (above)`);
        assert.deepEqual(changed, [], 'tables changed by refused requests');
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await deps.followers.stop();
        await opened.close();
      }
    });
  });
}
