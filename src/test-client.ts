/**
 * Test support: a cookie-keeping client over `app.request()` that behaves like a browser posting
 * forms (it sends back the form token from its cookie unless told not to).
 */
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';

/** A form field value: text, several values, or a file. */
export type FormValue = string | string[] | File | File[];

/** A browser-like client of the app for route tests. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private readonly app: Hono<AppEnv>;

  constructor(app: Hono<AppEnv>) {
    this.app = app;
  }

  private store(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, decodeURIComponent(value));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  /** GET a path (no redirects followed). */
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, {
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.store(res);
    return res;
  }

  /** POST a form (multipart when it holds a file), with the form token unless `csrf: false`. */
  async post(
    path: string,
    form: Record<string, FormValue | undefined>,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    if (!this.cookies.has('plenum_csrf')) await this.get('/');
    const fields: [string, string | File][] = [];
    if (options.csrf !== false) fields.push(['_csrf', this.cookies.get('plenum_csrf') ?? '']);
    for (const [name, value] of Object.entries(form)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) fields.push([name, v]);
    }
    const multipart = fields.some(([, v]) => typeof v !== 'string');
    let body: BodyInit;
    if (multipart) {
      const data = new FormData();
      for (const [k, v] of fields) data.append(k, v);
      body = data;
    } else {
      body = new URLSearchParams(fields as [string, string][]);
    }
    const res = await this.app.request(path, {
      method: 'POST',
      body,
      headers: { cookie: this.cookieHeader(), ...(options.headers ?? {}) },
    });
    this.store(res);
    return res;
  }

  /** Signs in with an e-mail and password; throws when it fails. */
  async signIn(email: string, password: string): Promise<void> {
    const res = await this.post('/sign-in', { email, password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  }
}
