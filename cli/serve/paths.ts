// Where `serve` finds the built UI and keeps its data.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/renderer next to the CLI bundle (dist/cli.mjs), or the repository's when run from source. */
export function defaultRendererDir(): string {
  const candidates = [new URL('./renderer/', import.meta.url), new URL('../../dist/renderer/', import.meta.url)].map((u) => fileURLToPath(u));
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

/** The per-user data folder, following each platform's convention. */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'ocpp-bench');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ocpp-bench');
  return join(process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'ocpp-bench');
}
