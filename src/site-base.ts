/**
 * The site's origin and the client's address as plenum believes them. Absolute links (feeds,
 * calendars) come from configuration (PLENUM_PUBLIC_URL); without it, from the request itself.
 * X-Forwarded-Proto, -Host and -For are believed only when PLENUM_TRUST_PROXY says a proxy in
 * front sets them, and only when well formed: otherwise any client could choose the links that
 * other readers receive.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** A host name or bracketed IPv6 address, with an optional port: what a Host header may hold. */
const hostPattern = new RegExp(`^(?:${label}(?:\\.${label})*|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?$`);

/** The value the nearest proxy added to a forwarded header: the last of a comma list. */
function forwarded(c: Context<AppEnv>, name: string): string | undefined {
  return c.req.header(name)?.split(',').at(-1)?.trim();
}

/** The origin the request was made to: as a trusted proxy forwarded it, else as it reached plenum. */
export function requestOrigin(c: Context<AppEnv>): string {
  const own = new URL(c.req.url);
  if (!c.var.deps.trustProxy) return own.origin;
  const proto = forwarded(c, 'x-forwarded-proto')?.toLowerCase();
  const host = forwarded(c, 'x-forwarded-host');
  const scheme = proto === 'http' || proto === 'https' ? proto : own.protocol.slice(0, -1);
  const authority = host !== undefined && hostPattern.test(host) ? host : own.host;
  const origin = `${scheme}://${authority}`;
  // URL normalises the host and drops a default port; a port past 65535 does not parse.
  return URL.canParse(origin) ? new URL(origin).origin : own.origin;
}

/** "https://plenum.example.org": the site's origin, for absolute links readers follow. */
export function siteBase(c: Context<AppEnv>): string {
  return c.var.deps.publicUrl ?? requestOrigin(c);
}

/** True when readers reach the site over HTTPS (cookies are then Secure and `__Host-` named). */
export function isHttps(c: Context<AppEnv>): boolean {
  return siteBase(c).startsWith('https:');
}

/**
 * The origins a form of this site may be posted from: the configured one and the one the request
 * was made to (a browser names the page's origin in `Origin`; another site cannot make it name
 * this one).
 */
export function siteOrigins(c: Context<AppEnv>): Set<string> {
  const origins = new Set([new URL(c.req.url).origin, requestOrigin(c)]);
  if (c.var.deps.publicUrl) origins.add(c.var.deps.publicUrl);
  return origins;
}

/**
 * The client's IP address: the peer of the connection, or, behind a trusted proxy, the address
 * that proxy appended to X-Forwarded-For. Undefined when unknown (requests made in-process).
 */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  if (c.var.deps.trustProxy) {
    const last = forwarded(c, 'x-forwarded-for');
    if (last !== undefined && isIP(last) !== 0) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}
