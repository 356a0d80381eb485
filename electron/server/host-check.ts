import net from 'node:net';
import os from 'node:os';

/** The host name of a Host header without its port or IPv6 brackets, lower-cased. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^\[([^\]]+)\](?::\d+)?$/.exec(header) ?? /^([^:]+)(?::\d+)?$/.exec(header);
  return match ? match[1].toLowerCase() : null;
}

/** This machine only: a loopback address or name (also IPv4-mapped, as sockets report it). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === 'localhost' || address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * Whether a request's Host header names this server. Refusing other names defeats DNS rebinding: a
 * web page whose domain is re-pointed at this machine sends its own domain as Host (and Origin), so
 * without this check it would pass as "same origin".
 */
export function isAllowedHost(header: string | undefined, boundHost: string): boolean {
  const name = hostName(header);
  if (!name) return false;
  if (isLoopback(name)) return true;
  const bound = boundHost.toLowerCase();
  if (name === bound) return true;
  // Bound to every interface: colleagues reach it by an IP address or by this machine's name.
  if (bound === '0.0.0.0' || bound === '::') return net.isIP(name) !== 0 || name === os.hostname().toLowerCase();
  return false;
}
