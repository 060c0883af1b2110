// How a domain implements its part of the command map, and the argument checks every
// handler shares (arguments arrive from untrusted transports: validate, then trust).
import type { CommandArgs, CommandName, CommandResult } from '../api/commands';
import { ApiError } from '../api/errors';
import type { OcppVersion } from '../api/model';
import { isOcppVersion } from './ocpp/versions';

export type Handler<K extends CommandName> = (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K>;

/** Handlers for the commands of one domain interface (e.g. EngineCommands). */
export type HandlerMap<C> = { [K in keyof C & CommandName]: Handler<K> };

export function badArgs(message: string): ApiError {
  return new ApiError('bad-args', message);
}

export function requireString(args: unknown, key: string): string {
  const value = (args as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || value === '') throw badArgs(`"${key}" must be a non-empty string`);
  return value;
}

export function optionalString(args: unknown, key: string): string | undefined {
  const value = (args as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badArgs(`"${key}" must be a string`);
  return value;
}

export function optionalInt(args: unknown, key: string, min: number, max: number): number | undefined {
  const value = (args as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badArgs(`"${key}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function requireInt(args: unknown, key: string, min: number, max: number): number {
  const value = optionalInt(args, key, min, max);
  if (value === undefined) throw badArgs(`"${key}" is required`);
  return value;
}

export function optionalVersion(args: unknown, key = 'version'): OcppVersion | undefined {
  const value = (args as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) return undefined;
  if (!isOcppVersion(value)) throw badArgs(`"${key}" must be "1.6", "2.0.1" or "2.1"`);
  return value;
}
