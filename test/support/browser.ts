/** Test support for browser tests: Debian's Chromium through playwright-core, and axe-core. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

const require = createRequire(import.meta.url);

/** Why browser tests are skipped here, or false: CI (CI=true) must have Chromium. */
export const chromiumSkip: string | false =
  !existsSync('/usr/bin/chromium') && process.env.CI !== 'true'
    ? 'Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)'
    : false;

/** Starts Debian's Chromium headless, as the project's rules ask. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The axe-core violations of the page a checker has loaded (its context must have JavaScript on
 * and the page's CSP bypassed, as checkerOptions gives), one line each: rule, help, elements.
 */
export async function axeOf(checker: Page): Promise<string[]> {
  await checker.addScriptTag({ content: axeSource });
  return checker.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

/**
 * The axe-core violations of the page at `url`, loaded in a context of its own (with the given
 * cookies) where JavaScript is on and the page's CSP is bypassed so the checker can be injected.
 */
export async function axeViolations(
  browser: Browser,
  url: string,
  storageState?: BrowserContextOptions['storageState'],
): Promise<string[]> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1100, height: 900 },
    ...(storageState ? { storageState } : {}),
  });
  try {
    const checker = await context.newPage();
    await checker.goto(url);
    return await axeOf(checker);
  } finally {
    await context.close();
  }
}

/** True when the page is no wider than its window (no sideways scrolling at 390 px). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/**
 * A reader without JavaScript at `width` px, reading in `lang`: the language is chosen through the
 * switcher's address, as a person would, so the cookie is the site's own.
 */
export function readerContext(
  browser: Browser,
  base: string,
  lang: string,
  width: number,
): Promise<BrowserContext> {
  return signedInContext(browser, base, { lang, width });
}

/**
 * A person at `width` px reading in `lang` (chosen through the switcher), signed in when given a
 * session's cookies (from an in-process sign-in: no password hashed per context); without
 * JavaScript unless `javaScript` (then the page's CSP is bypassed, so axe-core can be injected).
 */
export async function signedInContext(
  browser: Browser,
  base: string,
  options: {
    lang: string;
    width: number;
    cookies?: ReadonlyMap<string, string> | undefined;
    javaScript?: boolean;
  },
): Promise<BrowserContext> {
  const { width } = options;
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? false,
    ...(options.javaScript ? { bypassCSP: true } : {}),
    viewport: { width, height: width < 600 ? 844 : 900 },
  });
  context.setDefaultTimeout(30_000);
  if (options.cookies)
    await context.addCookies(
      [...options.cookies].map(([name, value]) => ({
        name,
        value: encodeURIComponent(value),
        url: base,
      })),
    );
  const page = await context.newPage();
  // Back to a page that costs nothing to draw: many contexts start at once.
  await page.goto(`${base}/language/${options.lang}?back=%2Fhealthz`);
  await page.close();
  return context;
}

/**
 * Signs a person in on a running server through its own sign-in form (the form token from its
 * cookie, as a browser sends it) and gives the cookies to hand to signedInContext.
 */
export async function signInCookies(
  base: string,
  email: string,
  password: string,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim()));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  keep(await fetch(`${base}/sign-in`));
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: cookies.get('plenum_csrf') ?? '', email, password }),
  });
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  keep(res);
  return cookies;
}
