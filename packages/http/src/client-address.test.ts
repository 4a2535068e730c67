import type { AddressInfo } from 'node:net';
import { readEnvironment, trustedProxiesFor } from '@complaints/config';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddressKey, useClientAddress } from './client-address';

describe('the address a visitor is counted under', () => {
  it('is the IPv4 address itself, however it is written', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, so one subscriber cannot make fresh addresses at will', () => {
    const a = clientAddressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:0db8:0001:0002::1')).toBe(a);
    expect(clientAddressKey('2001:db8:1:2:ffff::9%eth0')).toBe(a);
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(a);
  });

  it('counts what cannot be read together', () => {
    expect(clientAddressKey(undefined)).toBe('unknown');
    expect(clientAddressKey('not an address')).toBe('unknown');
  });
});

describe('TRUSTED_PROXIES', () => {
  const outsideDemo = { DEMO: 'false', PORTAL_URL: 'https://complaints.example.org', BACKOFFICE_URL: 'https://staff.complaints.example.org' };

  it('is required outside demo mode, and defaults to the local machine in demo mode', () => {
    expect(() => trustedProxiesFor(readEnvironment(outsideDemo))).toThrow(/^TRUSTED_PROXIES must be set outside demo mode/);
    expect(trustedProxiesFor(readEnvironment({}))).toEqual(['loopback']);
  });

  it('takes a number of hops, or addresses and CIDR ranges of either family', () => {
    expect(trustedProxiesFor(readEnvironment({ ...outsideDemo, TRUSTED_PROXIES: '0' }))).toBe(0);
    expect(trustedProxiesFor(readEnvironment({ ...outsideDemo, TRUSTED_PROXIES: '2' }))).toBe(2);
    expect(trustedProxiesFor(readEnvironment({ ...outsideDemo, TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.10,fd00::/8,loopback' }))).toEqual([
      '10.0.0.0/8',
      '192.0.2.10',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses anything else, naming the setting', () => {
    for (const wrong of ['yes', '10.0.0.0/33', '10.0.0/8', 'fd00::/129', '10.0.0.1,', 'everyone', '-1', '1.5']) {
      expect(() => readEnvironment({ ...outsideDemo, TRUSTED_PROXIES: wrong }), wrong).toThrow(/TRUSTED_PROXIES: must be the number of proxies/);
    }
  });
});

/**
 * A real Express app and real requests over loopback: the test's own connection comes from
 * 127.0.0.1, standing for the load balancer.
 */
describe('the address behind trusted proxies', () => {
  const servers: Array<{ close(): void }> = [];
  afterAll(() => servers.forEach((s) => s.close()));

  async function appTrusting(trusted: number | string[]): Promise<(forwardedFor?: string) => Promise<string>> {
    const app = express();
    useClientAddress(app, trusted);
    app.get('/', (_req, res) => {
      res.type('text/plain').send(res.locals.clientIp as string);
    });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    return async (forwardedFor) => {
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });
      return response.text();
    };
  }

  it('by hops: believes the load balancer about the visitor, and not a visitor about themselves', async () => {
    const ask = await appTrusting(1);
    expect(await ask('203.0.113.7')).toBe('203.0.113.7');
    expect(await ask('198.51.100.1')).toBe('198.51.100.1');
    // A visitor who sends the header themselves: the load balancer appends their real address.
    expect(await ask('192.0.2.99, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('by CIDR ranges: walks back over the trusted proxies to the first address it does not trust', async () => {
    const ask = await appTrusting(['127.0.0.1/32', '10.0.0.0/8']);
    expect(await ask('198.51.100.9, 10.1.2.3')).toBe('198.51.100.9');
    expect(await ask('192.0.2.99, 198.51.100.9, 10.1.2.3')).toBe('198.51.100.9');
    expect(await ask()).toBe('127.0.0.1');
  });

  it('with no proxy trusted, the header counts for nothing', async () => {
    const ask = await appTrusting(0);
    expect(await ask('203.0.113.7')).toBe('127.0.0.1');
  });

  it('keys IPv6 visitors behind the proxy by their /64', async () => {
    const ask = await appTrusting(1);
    expect(await ask('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(await ask('2001:db8:1:2:bbbb::2')).toBe('2001:db8:1:2::/64');
    expect(await ask('2001:db8:9:9::1')).toBe('2001:db8:9:9::/64');
  });
});
