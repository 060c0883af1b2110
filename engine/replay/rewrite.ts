// What changes in a recorded payload before the bench sends it again (docs/replay.md
// "Ids and times"): correlated ids become the ones the live peer issued (or fresh ones the
// bench issues itself), and every date-time moves by as much as the frame does, so it
// keeps its distance to the moment the frame is sent. Pure.
import { isDateTime, type IdMap } from './compare';

export interface RewriteContext {
  ids: IdMap;
  correlated: ReadonlySet<string>;
  /** Milliseconds to add to every date-time (now − the frame's recorded time). */
  shiftMs: number;
  /** A fresh value for an id the bench issues itself, or undefined to keep the recorded one. */
  fresh?: (field: string, recorded: unknown) => unknown;
}

/** A copy of `value` with ids and times rewritten. */
export function rewritePayload<T>(value: T, ctx: RewriteContext): T {
  return rewrite(value, undefined, ctx) as T;
}

function rewrite(value: unknown, key: string | undefined, ctx: RewriteContext): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, undefined, ctx));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rewrite(v, k, ctx);
    return out;
  }
  if (key !== undefined && ctx.correlated.has(key) && value !== null) {
    const mapped = ctx.ids.toLive(key, value);
    if (mapped !== undefined) return mapped.value;
    const fresh = ctx.fresh?.(key, value);
    if (fresh !== undefined) {
      ctx.ids.pair(key, value, fresh);
      return fresh;
    }
    return value;
  }
  if (isDateTime(value)) return shiftDateTime(value, ctx.shiftMs);
  return value;
}

/**
 * Moves an RFC 3339 date-time by `ms`, written in UTC (`Z`) with as many fraction digits as
 * the original had (none, milliseconds, or more, padded with zeros).
 */
export function shiftDateTime(value: string, ms: number): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const iso = new Date(Math.round(t + ms)).toISOString(); // 2025-01-01T00:00:00.000Z
  const digits = /\.(\d+)/.exec(value)?.[1]?.length ?? 0;
  const base = iso.slice(0, 19);
  if (digits === 0) return `${base}Z`;
  const fraction = iso.slice(20, 23).padEnd(digits, '0').slice(0, digits);
  return `${base}.${fraction}Z`;
}
