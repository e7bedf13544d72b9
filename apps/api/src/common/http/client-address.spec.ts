import { type Socket } from 'node:net';
import { canonicalIp, clientAddress } from './client-address';
import { type ApiRequest } from './http-types';

describe('canonicalIp', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['::FFFF:127.0.0.1', '127.0.0.1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['fe80::1%any-text-at-all', 'fe80::1'],
  ])('%p → %p', (text, expected) => {
    expect(canonicalIp(text)).toBe(expected);
  });

  it.each(['', 'unknown', 'x'.repeat(65), '010.0.0.1', '1.2.3.4.5', '256.0.0.1', '1.2.3.4, 5.6.7.8', '::g'])(
    'is not an address: %p',
    (text) => {
      expect(canonicalIp(text)).toBeUndefined();
    },
  );
});

describe('clientAddress', () => {
  const request = (ip: string | undefined, peer: string | undefined) =>
    ({ ip, socket: { remoteAddress: peer } as Socket }) as unknown as ApiRequest;

  it('takes the forwarded address when it is an IP address, else the peer', () => {
    expect(clientAddress(request('203.0.113.9', '10.0.0.2'))).toBe('203.0.113.9');
    expect(clientAddress(request('a'.repeat(70), '::ffff:10.0.0.2'))).toBe('10.0.0.2');
    expect(clientAddress(request(undefined, '::1'))).toBe('::1');
    expect(clientAddress(request(undefined, undefined))).toBe('unknown');
  });
});
