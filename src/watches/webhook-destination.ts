/**
 * Where a webhook may go. A watch's owner chooses the address, and the server sends to it: left
 * alone, anyone with an account could make plenum post to the machine itself, to the database or
 * to a cloud's metadata service. So by default a webhook goes only to public Internet addresses.
 * The address is checked when the watch is made (a clear error at once) and again at every
 * attempt, on the very address the connection is made to (a name that resolved to a public
 * address yesterday may resolve to 127.0.0.1 today). An intranet deployment can allow private
 * addresses (PLENUM_WEBHOOK_PRIVATE_ADDRESSES=allow).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { PlenumError } from '../errors.ts';

/** Addresses that are not the public Internet: this host, private networks, link-local, … */
const notPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  notPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  // NAT64 for local use (RFC 8215): the IPv4 address may sit anywhere in it.
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  notPublic.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part read as two). */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const start = parse(head);
  const end = tail === undefined ? [] : parse(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}

function ipv4Of(high: number, low: number): string {
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * The IPv4 addresses an IPv6 address carries, by the standard forms that reach an IPv4 host:
 * IPv4-compatible (::a.b.c.d, also :: and ::1), IPv4-mapped (::ffff:a.b.c.d), IPv4-translated
 * (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16), Teredo (2001::/32, server and
 * client) and ISATAP interface identifiers (…:5efe:a.b.c.d).
 */
export function embeddedIpv4(address: string): string[] {
  const g = ipv6Groups(address) as [number, number, number, number, number, number, number, number];
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const carried: string[] = [];
  if (zeros(0, 5) && (g[5] === 0 || g[5] === 0xffff)) carried.push(ipv4Of(g[6], g[7]));
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) carried.push(ipv4Of(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) carried.push(ipv4Of(g[6], g[7]));
  if (g[0] === 0x2002) carried.push(ipv4Of(g[1], g[2]));
  if (g[0] === 0x2001 && g[1] === 0) {
    carried.push(ipv4Of(g[2], g[3]), ipv4Of(g[6] ^ 0xffff, g[7] ^ 0xffff));
  }
  if ((g[4] & 0xfdff) === 0 && g[5] === 0x5efe) carried.push(ipv4Of(g[6], g[7]));
  return carried;
}

/** True when an IP address is on the public Internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    // An IPv6 address that carries an IPv4 one reaches that host: it is judged as that one too.
    return (
      !notPublic.check(address.replace(/%.*$/, ''), 'ipv6') &&
      embeddedIpv4(address).every((v4) => isPublicAddress(v4))
    );
  }
  return !notPublic.check(address, 'ipv4');
}

/** Why an address may not receive webhooks, or undefined when it may. */
function refusal(host: string, address: string): string | undefined {
  if (isPublicAddress(address)) return undefined;
  const shown = host === address ? address : `${host} (${address})`;
  return `${shown} is not a public Internet address.`;
}

/**
 * Why a webhook may not be sent to this URL's host when it is an IP address (no lookup is made
 * for those, so guardedLookup never sees them), or undefined.
 */
export function refusedAddress(url: URL, allowPrivate: boolean): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (allowPrivate || isIP(host) === 0) return undefined;
  return refusal(host, host);
}

/**
 * A DNS lookup for http.request that connects only to public addresses: the connection is made
 * to the address that was checked, so a name cannot be switched between check and connection.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const usable = allowPrivate ? found : found.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0) {
        const why = refusal(hostname, found[0]?.address ?? hostname) ?? 'no address';
        return callback(
          Object.assign(new Error(`refused: ${why}`), { code: 'EWEBHOOKADDRESS' }),
          '',
          0,
        );
      }
      if (options.all) return callback(null, usable as never);
      return callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/**
 * Checks a webhook address when a watch is made: its host must resolve, and only to public
 * addresses (unless private ones are allowed). WEBHOOK_ADDRESS_REFUSED otherwise.
 */
export async function checkWebhookDestination(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const found = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  ).catch(() => {
    throw new PlenumError('WEBHOOK_ADDRESS_REFUSED', `The host ${host} could not be found.`);
  });
  for (const a of found) {
    const why = refusal(host, a.address);
    if (why) throw new PlenumError('WEBHOOK_ADDRESS_REFUSED', why);
  }
}
