// The window's content comes from `app://bench/`, a privileged scheme serving the built
// renderer (dist/renderer) read-only, never from file:// (which would let a page read any
// file) nor from the network. Each response carries the CSP.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bench';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Electron's privileges for the scheme: standard URL semantics, a secure context, fetch for modules. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

/**
 * Inside Electron the page talks only IPC: no connection of any kind, nothing but our own
 * scripts and styles (../shared/STYLE.md item 9).
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Whether a URL is one of our pages (the sender check and the navigation guard use it). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file behind an app:// URL, or undefined for other hosts and paths leaving the folder. */
export function appFileFor(rendererDir: string, url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  // Any `..` segment is refused outright, before normalising could fold it away.
  if (path.includes('\0') || path.split(/[/\\]/).includes('..')) return undefined;
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
  const file = join(rendererDir, relative);
  const base = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
  return file.startsWith(base) ? file : undefined;
}

/** Answers one app:// request (the handler given to `protocol.handle`). */
export async function appResponse(rendererDir: string, url: string): Promise<Response> {
  const file = appFileFor(rendererDir, url);
  if (file === undefined) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
