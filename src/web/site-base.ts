/** The site's origin as the reader reached it, for absolute links in feeds and calendars. */
import type { Context } from 'hono';

/** "https://plenum.example.org": the request's scheme and host, as forwarded by a proxy if any. */
export function siteBase(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${proto}://${c.req.header('x-forwarded-host') ?? url.host}`;
}
