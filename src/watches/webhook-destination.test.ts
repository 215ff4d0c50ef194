import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  embeddedIpv4,
  guardedLookup,
  isPublicAddress,
  refusedAddress,
} from './webhook-destination.ts';

test('public and non-public addresses', () => {
  for (const address of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '2606:4700::1111'])
    assert.equal(isPublicAddress(address), true, address);
  for (const address of [
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])
    assert.equal(isPublicAddress(address), false, address);
  assert.equal(isPublicAddress('172.32.0.1'), true, 'just outside 172.16.0.0/12');
});

test('an IPv6 address that carries an IPv4 one is judged as that IPv4 address', () => {
  const carrying127 = [
    '::127.0.0.1', // IPv4-compatible
    '::7f00:1', // the same, as URL writes it
    '::ffff:127.0.0.1', // IPv4-mapped
    '::ffff:0:127.0.0.1', // IPv4-translated
    '64:ff9b::7f00:1', // NAT64
    '2002:7f00:1::1', // 6to4
    '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo, client 127.0.0.1 (bits inverted)
    '2001:db9::5efe:7f00:1', // ISATAP
  ];
  for (const address of carrying127) {
    assert.ok(embeddedIpv4(address).includes('127.0.0.1'), address);
    assert.equal(isPublicAddress(address), false, address);
  }
  for (const address of ['::10.1.2.3', '64:ff9b::a9fe:a9fe', '2002:c0a8:101::1', '::ffff:0:a00:1'])
    assert.equal(isPublicAddress(address), false, address);
  for (const address of ['64:ff9b::8.8.8.8', '2002:808:808::1', '::ffff:8.8.8.8'])
    assert.equal(isPublicAddress(address), true, `${address} carries 8.8.8.8`);
  assert.deepEqual(embeddedIpv4('2001:4860:4860::8888'), [], 'a native IPv6 address carries none');
  assert.equal(isPublicAddress('64:ff9b:1::8.8.8.8'), false, 'NAT64 for local use');
  assert.match(refusedAddress(new URL('http://[::127.0.0.1]:8080/hook'), false)!, /not a public/);
  assert.match(refusedAddress(new URL('http://[2002:a00:1::]/hook'), false)!, /not a public/);
});

test('an IP address in the URL is judged without a lookup', () => {
  assert.match(refusedAddress(new URL('http://127.0.0.1:9/x'), false)!, /not a public/);
  assert.match(refusedAddress(new URL('http://[::1]/x'), false)!, /not a public/);
  assert.equal(refusedAddress(new URL('http://127.0.0.1:9/x'), true), undefined);
  assert.equal(refusedAddress(new URL('http://8.8.8.8/x'), false), undefined);
  assert.equal(
    refusedAddress(new URL('http://localhost/x'), false),
    undefined,
    'a name: looked up',
  );
});

test('the lookup used for the connection refuses a name that leads inside', async () => {
  const lookup = (allowPrivate: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string }>((resolve) =>
      guardedLookup(allowPrivate)('localhost', {}, (error, address) =>
        resolve({ error, address: String(address) }),
      ),
    );
  const refused = await lookup(false);
  assert.equal(refused.error?.code, 'EWEBHOOKADDRESS');
  assert.match(refused.error!.message, /refused: localhost \((127\.0\.0\.1|::1)\) is not a public/);
  const allowed = await lookup(true);
  assert.equal(allowed.error, null);
  assert.match(allowed.address, /^(127\.0\.0\.1|::1)$/);
});
