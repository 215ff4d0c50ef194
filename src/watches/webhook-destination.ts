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
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  notPublic.addSubnet(net, prefix, 'ipv6');

/** True when an IP address is on the public Internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 one.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]!);
    return !notPublic.check(address, 'ipv6');
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
