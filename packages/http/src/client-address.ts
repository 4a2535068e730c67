import type express from 'express';
import ipaddr from 'ipaddr.js';

/**
 * The key a visitor's requests are counted under for rate limits and sign-in throttling: their
 * IPv4 address, or the /64 network of their IPv6 address. One IPv6 subscriber is normally given a
 * whole /64 and can pick any address in it, so counting single IPv6 addresses would let one person
 * make as many fresh "addresses" as they like. An IPv4 address written as IPv6 (::ffff:a.b.c.d)
 * counts as the IPv4 address. Anything unreadable is counted together under "unknown".
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/%.*$/, ''));
  } catch {
    return 'unknown';
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4).concat([0, 0, 0, 0]);
  return `${new ipaddr.IPv6(network).toString()}/64`;
}

/**
 * Which proxies' X-Forwarded-For to believe (a number of hops, or their addresses and CIDR
 * ranges, from TRUSTED_PROXIES), and the visitor's address key in `res.locals.clientIp` for every
 * later handler. Express (with proxy-addr) walks X-Forwarded-For from the nearest hop and stops
 * at the first address it does not trust, so a visitor cannot choose their own address by sending
 * the header themselves.
 */
export function useClientAddress(app: express.Express, trustedProxies: number | string[]): void {
  app.set('trust proxy', trustedProxies);
  app.use((req, res, next) => {
    res.locals.clientIp = clientAddressKey(req.ip);
    next();
  });
}
