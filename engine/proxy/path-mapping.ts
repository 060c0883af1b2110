// Where the proxy connects upstream for a charger's request path (api/proxy.ts PathMode).
// OCPP-J 1.6 §3.1.1 and 2.0.1 Part 4 §3.1.1: the charger's URL is the CSMS URL followed
// by its identity, so by default only the last segment travels (`id`); `full` keeps the
// charger's whole path for CSMSs that route on it. The query string travels in both.
import type { PathMode } from '../../api/proxy';

/** Why `url` cannot be an upstream, or undefined when it can. */
export function checkUpstreamUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL (expected ws://host:port/path or wss://…)`;
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return `"${url}" must start with ws:// or wss://`;
  if (parsed.username !== '' || parsed.password !== '') {
    return `"${url}" carries credentials; the proxy relays each charger's own Authorization header instead`;
  }
  if (parsed.hash !== '') return `"${url}" has a #fragment, which WebSocket URLs cannot have (RFC 6455 §3)`;
  return undefined;
}

/**
 * The upstream URL for a charger's request path (path and query exactly as the charger
 * sent them, percent-encoding untouched). `upstream` must have passed checkUpstreamUrl.
 */
export function upstreamUrlFor(upstream: string, chargerPath: string, mode: PathMode): string {
  const base = new URL(upstream);
  const q = chargerPath.indexOf('?');
  const pathname = q < 0 ? chargerPath : chargerPath.slice(0, q);
  const query = q < 0 ? '' : chargerPath.slice(q + 1);
  const basePath = base.pathname.replace(/\/+$/, '');
  let path: string;
  if (mode === 'full') {
    path = basePath + (pathname.startsWith('/') ? pathname : `/${pathname}`);
  } else {
    const segments = pathname.split('/').filter((s) => s !== '');
    path = `${basePath}/${segments.at(-1) ?? ''}`;
  }
  const search = [base.search.slice(1), query].filter((s) => s !== '').join('&');
  return `${base.protocol}//${base.host}${path}${search === '' ? '' : `?${search}`}`;
}

/** One line for --help and the README: what a charger's URL becomes. */
export function describePathMode(upstream: string, mode: PathMode): string {
  const base = upstream.replace(/\/+$/, '');
  return mode === 'full' ? `<proxy>/<any path> → ${base}/<any path>` : `<proxy>/<any path>/<chargePointId> → ${base}/<chargePointId>`;
}
