import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardedLookup, isPublicAddress, refusedAddress } from './webhook-destination.ts';

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
