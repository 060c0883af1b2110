// Who may talk to the local api (DESIGN "Layers": serve binds 127.0.0.1 with a random token
// and an Origin check; STYLE item 9). The token keeps out other local users and web pages;
// the Host check defeats DNS rebinding; the Origin check keeps other sites' pages off the
// WebSocket (browsers do not apply the same-origin policy to WebSocket handshakes).
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_HOSTS = ['0.0.0.0', '::', ''];

/** The Host headers that address this server: its bound host and the loopback names, with its port. */
export function allowedHosts(boundHost: string, port: number): Set<string> | 'any' {
  if (WILDCARD_HOSTS.includes(boundHost)) return 'any';
  const names = new Set([...LOOPBACK_NAMES, boundHost.includes(':') ? `[${boundHost}]` : boundHost]);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export function hostAllowed(allowed: Set<string> | 'any', host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  return allowed === 'any' || allowed.has(host.toLowerCase());
}

/**
 * Our own origin is the page's: `http://` plus the Host the browser used. A request without
 * an Origin does not come from a web page (scripts, tests); the token still guards it.
 */
export function originAllowed(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

/**
 * The page's Content-Security-Policy: our own scripts and styles only, no inline script, no
 * remote content; the api socket is the one connection it may open.
 */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
