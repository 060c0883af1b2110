// Defensive readers for payload fields: behaviour rules also see payloads that broke
// their schema, so nothing may be assumed about a field's type.

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** An integer field, also when a sloppy peer sent it as a numeric string. */
export function int(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

let lastText: string | undefined;
let lastMs: number | undefined;

/** Milliseconds since the epoch of an ISO 8601 timestamp, undefined when unreadable. */
export function epoch(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  // Several rules read the same timestamp of a frame: remember the last one.
  if (value === lastText) return lastMs;
  const ms = Date.parse(value);
  lastText = value;
  lastMs = Number.isNaN(ms) ? undefined : ms;
  return lastMs;
}

/** `status` of a response payload (most OCPP responses carry one). */
export function status(payload: Json | undefined): string | undefined {
  return str(payload?.['status']);
}

export function describeMs(ms: number): string {
  if (ms >= 10_000) return `${Math.round(ms / 1000)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}
