// Serves the built renderer (dist/renderer) read-only: only files inside its folder, with
// the content types a browser needs and long caching for Vite's hashed assets.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Vite puts content hashes in asset names: such files never change. */
  immutable: boolean;
}

/** The file for a URL path, or undefined when there is none (or the path leaves the folder). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // Any `..` segment is refused outright, before normalising could fold it away.
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  const base = root.endsWith(sep) ? root : root + sep;
  if (!file.startsWith(base)) return undefined;
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return {
      body: await readFile(file),
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      immutable: relative.startsWith(`assets${sep}`) || relative.startsWith('assets/'),
    };
  } catch {
    return undefined;
  }
}
