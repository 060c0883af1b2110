// Exit codes and usage errors shared by every subcommand.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { isOcppVersion } from '../engine/ocpp/versions';
import type { OcppVersion } from '../api/model';

export const exitCodes = {
  ok: 0,
  /** Findings of error severity, failed cases, differing replays. */
  failed: 1,
  /** Bad arguments or unreadable input. */
  usage: 2,
} as const;

/** A problem with what the user asked for; printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseVersionOption(value: string): OcppVersion {
  if (!isOcppVersion(value)) throw new InvalidArgumentError('must be 1.6, 2.0.1 or 2.1.');
  return value;
}

export function parseSut(value: string): 'charger' | 'csms' {
  if (value !== 'charger' && value !== 'csms') throw new InvalidArgumentError('must be charger or csms.');
  return value;
}

/** HOST:PORT, with IPv6 hosts in brackets. */
export function parseHostPort(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = m === null ? NaN : Number(m[3]);
  if (m === null || !(port >= 0 && port <= 65535)) throw new InvalidArgumentError('must be HOST:PORT, e.g. 127.0.0.1:9000.');
  return { host: (m[1] ?? m[2])!, port };
}

export function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('must be a positive number.');
  return n;
}

/**
 * Reads a file the user named and parses it; an unreadable file, and the parser's own
 * errors of the given kinds (which name the file and line), become usage errors (exit 2).
 */
export async function loadUserFile<T>(path: string, what: string, parse: (text: string, path: string) => T, userErrors: ReadonlyArray<abstract new (...args: never[]) => Error>): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return parse(text, path);
  } catch (err) {
    if (userErrors.some((kind) => err instanceof kind)) throw new UsageError((err as Error).message);
    throw err;
  }
}
