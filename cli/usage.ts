// Exit codes and usage errors shared by every subcommand.
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
