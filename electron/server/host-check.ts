import net from 'node:net';
import os from 'node:os';

/** The host name of a Host header without its port or IPv6 brackets, lower-cased; null when it is not one. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(header) ?? /^([^:[\]]+)(?::\d{1,5})?$/.exec(header);
  return match ? match[1].toLowerCase() : null;
}

/** An IP literal in one canonical spelling (IPv6 compressed, IPv4-mapped IPv6 as its IPv4), or null. */
export function canonicalIp(text: string): string | null {
  const version = net.isIP(text);
  if (version === 4) return text;
  if (version !== 6) return null;
  try {
    const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
    if (!mapped) return canonical;
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  } catch {
    return null;
  }
}

/**
 * This machine only, judged by parsing, never by prefix: an IPv4 literal in 127.0.0.0/8 (also
 * IPv4-mapped, as sockets report it), `::1`, or the name `localhost`. `127.attacker.example` is a
 * domain name like any other and is not loopback.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address.toLowerCase() === 'localhost') return true;
  const ip = canonicalIp(address);
  if (ip === '::1') return true;
  return ip !== null && net.isIPv4(ip) && ip.split('.')[0] === '127';
}

const isWildcard = (ip: string | null) => ip === '0.0.0.0' || ip === '::';

/** The addresses of this machine's interfaces, canonical: what a server bound to every interface can be reached by. */
function ownAddresses(): Set<string> {
  const addresses = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) {
      const ip = canonicalIp(entry.address.split('%')[0]);
      if (ip) addresses.add(ip);
    }
  }
  return addresses;
}

/**
 * Whether a request's Host header names this server. Refusing other names defeats DNS rebinding: a
 * web page whose domain is re-pointed at this machine sends its own domain as Host (and Origin), so
 * without this check it would pass as "same origin". Allowed: loopback (see isLoopback), the address
 * the server is bound to, and, when bound to every interface, this machine's own addresses and its
 * own host name. Nothing else.
 */
export function isAllowedHost(header: string | undefined, boundHost: string): boolean {
  const name = hostName(header);
  if (!name) return false;
  if (isLoopback(name)) return true;
  const ip = canonicalIp(name);
  const bound = canonicalIp(boundHost) ?? boundHost.toLowerCase();
  if ((ip ?? name) === bound) return true;
  if (isWildcard(bound)) return ip !== null ? ownAddresses().has(ip) : name === os.hostname().toLowerCase();
  return false;
}
