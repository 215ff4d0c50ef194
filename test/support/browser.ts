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
    await checker.addScriptTag({ content: axeSource });
    return await checker.evaluate(async () => {
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
export async function readerContext(
  browser: Browser,
  base: string,
  lang: string,
  width: number,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width, height: width < 600 ? 844 : 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${base}/language/${lang}?back=%2F`);
  await page.close();
  return context;
}
