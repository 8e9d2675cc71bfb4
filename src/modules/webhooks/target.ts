import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Every address a host name resolves to. Injected, so tests decide what a name means. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const systemResolveHost: ResolveHost = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Networks an operator explicitly allows despite being private, e.g. an on-premise receiver. */
export type AllowedNetworks = ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

export function parseNetworks(cidrs: readonly string[]): AllowedNetworks {
  return cidrs.map((c) => (c.includes('/') ? ipaddr.parseCIDR(c) : ipaddrWithFullPrefix(c)));
}

function ipaddrWithFullPrefix(address: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const parsed = ipaddr.parse(address);
  return [parsed, parsed.kind() === 'ipv4' ? 32 : 128];
}

export function isValidNetwork(cidr: string): boolean {
  return ipaddr.isValidCIDR(cidr) || ipaddr.isValid(cidr);
}

function bare(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Whether a receiver at this address may be called. Only ordinary public unicast addresses pass
 * (loopback, private, link-local and so the cloud metadata address, carrier-grade NAT, multicast,
 * unspecified, reserved and the IPv6 forms that embed an IPv4 address do not), unless the address
 * lies in a network the operator allowed.
 */
export function addressAllowed(address: string, allowed: AllowedNetworks): boolean {
  if (!ipaddr.isValid(address)) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const ip = ipaddr.process(bare(address));
  if (allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return true;
  return ip.range() === 'unicast';
}

export type TargetCheck = { ok: true; addresses: string[] } | { ok: false; reason: 'not_allowed' | 'unresolvable' };

/**
 * Resolves a receiver URL's host and checks every address. The WHATWG URL parser has already
 * turned decimal, octal and hex IPv4 forms (`2130706433`, `0x7f.1`) into dotted form.
 */
export async function checkTarget(url: string, allowed: AllowedNetworks, resolve: ResolveHost): Promise<TargetCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not_allowed' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: 'not_allowed' };
  const host = bare(parsed.hostname);
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
    if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  }
  // One forbidden address refuses the name: a resolver may hand out any of them.
  if (!addresses.every((a) => addressAllowed(a, allowed))) return { ok: false, reason: 'not_allowed' };
  return { ok: true, addresses };
}
