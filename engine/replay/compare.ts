// Semantic comparison of two OCPP-J messages: the same exchange recorded and live (replay),
// or in capture A and capture B (diff). Volatile fields are left out; correlated ids (a
// transactionId the CSMS issued) may differ as long as they differ consistently. What is
// left is compared with microdiff and reported as changes by JSON Pointer (RFC 6901).
//
// Pure: no I/O. The id map is the only state, held by the caller for one session.
import microdiff from 'microdiff';
import type { Frame } from '../ocpp/frames';

// The defaults are part of the api contract, so the UI shows the same ones.
import { DEFAULT_CORRELATED, DEFAULT_VOLATILE } from '../../api/replay';

export { DEFAULT_CORRELATED, DEFAULT_VOLATILE };

/** RFC 3339 date-time, the format OCPP gives every time field (OCPP-J 1.6 §4.1.6; 2.0.1 Part 2 §2.1.1 dateTime). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;

export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

export interface ComparisonRules {
  volatile: readonly string[];
  correlated: readonly string[];
}

export function comparisonRules(settings: { volatile?: readonly string[]; correlated?: readonly string[] } = {}): ComparisonRules {
  return { volatile: settings.volatile ?? DEFAULT_VOLATILE, correlated: settings.correlated ?? DEFAULT_CORRELATED };
}

/** Says what a volatile entry is wrong with, or nothing (for settings checks). */
export function checkVolatileEntry(entry: string): string | undefined {
  if (entry === '') return 'an empty volatile entry matches nothing';
  if (entry.startsWith('@') && entry !== '@date-time') return `"${entry}" is not a known volatile class (only @date-time)`;
  return undefined;
}

type Segment = string | number;

class VolatileMatcher {
  private readonly names = new Set<string>();
  private readonly pointers: Segment[][] = [];
  readonly dateTimes: boolean;

  constructor(entries: readonly string[]) {
    let dateTimes = false;
    for (const e of entries) {
      if (e === '@date-time') dateTimes = true;
      else if (e.startsWith('/')) this.pointers.push(e.slice(1).split('/').map(unescapePointer));
      else if (e !== '') this.names.add(e);
    }
    this.dateTimes = dateTimes;
  }

  matches(path: readonly Segment[], value: unknown): boolean {
    const key = path[path.length - 1];
    if (typeof key === 'string' && this.names.has(key)) return true;
    if (this.dateTimes && isDateTime(value)) return true;
    return this.pointers.some((p) => p.length === path.length && p.every((seg, i) => seg === '*' || seg === String(path[i])));
  }
}

/**
 * Pairs of correlated ids, per field: recorded (or A) value ↔ live (or B) value. A pair
 * once seen holds for the session; a value paired with two different ones is a change.
 */
export class IdMap {
  private readonly forward = new Map<string, Map<string, unknown>>();
  private readonly backward = new Map<string, Map<string, unknown>>();

  /** The live value paired with a recorded one, if any. */
  toLive(field: string, recorded: unknown): { value: unknown } | undefined {
    const m = this.forward.get(field);
    const key = keyOf(recorded);
    return m?.has(key) === true ? { value: m.get(key) } : undefined;
  }

  /** The recorded value paired with a live one, if any. */
  toRecorded(field: string, live: unknown): { value: unknown } | undefined {
    const m = this.backward.get(field);
    const key = keyOf(live);
    return m?.has(key) === true ? { value: m.get(key) } : undefined;
  }

  pair(field: string, recorded: unknown, live: unknown): void {
    let f = this.forward.get(field);
    if (f === undefined) this.forward.set(field, (f = new Map()));
    let b = this.backward.get(field);
    if (b === undefined) this.backward.set(field, (b = new Map()));
    f.set(keyOf(recorded), live);
    b.set(keyOf(live), recorded);
  }

  /**
   * Whether `recorded` and `live` may stand for the same id: already paired, or neither
   * paired yet (then they are paired now when `learn`).
   */
  reconcile(field: string, recorded: unknown, live: unknown, learn: boolean): boolean {
    const there = this.toLive(field, recorded);
    if (there !== undefined) return keyOf(there.value) === keyOf(live);
    if (this.toRecorded(field, live) !== undefined) return false;
    if (learn) this.pair(field, recorded, live);
    return true;
  }

  clone(): IdMap {
    const copy = new IdMap();
    for (const [field, m] of this.forward) for (const [k, v] of m) copy.pair(field, JSON.parse(k) as unknown, v);
    return copy;
  }

  /** Takes every pair of another map (a clone that learned on trial). */
  adopt(other: IdMap): void {
    for (const [field, m] of other.forward) for (const [k, v] of m) this.pair(field, JSON.parse(k) as unknown, v);
  }

  /** The pairs whose values differ (the ids the live side issued instead), per field. */
  remapped(): Record<string, Array<{ recorded: unknown; live: unknown }>> {
    const out: Record<string, Array<{ recorded: unknown; live: unknown }>> = {};
    for (const [field, m] of this.forward) {
      const pairs = [...m].filter(([k, v]) => k !== keyOf(v)).map(([k, v]) => ({ recorded: JSON.parse(k) as unknown, live: v }));
      if (pairs.length > 0) out[field] = pairs;
    }
    return out;
  }
}

function keyOf(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

/** A difference between the left (recorded, A) and right (live, B) message. */
export interface Change {
  part: 'request' | 'response';
  path: string;
  change: 'changed' | 'added' | 'removed' | 'kind';
  left?: unknown;
  right?: unknown;
}

/** How a message looks to the comparison: a payload, or a CALLERROR's three parts. */
export function comparable(frame: Frame): unknown {
  switch (frame.kind) {
    case 'CALL':
    case 'SEND':
    case 'CALLRESULT':
      return frame.payload;
    case 'CALLERROR':
    case 'CALLRESULTERROR':
      return { errorCode: frame.code, errorDescription: frame.description, errorDetails: frame.details };
  }
}

/** The message type as reports name it (`CALLERROR NotSupported`). */
export function describeKind(frame: Frame | undefined): string {
  if (frame === undefined) return 'no answer';
  return frame.kind === 'CALLERROR' || frame.kind === 'CALLRESULTERROR' ? `${frame.kind} ${frame.code}` : frame.kind;
}

/**
 * Compares two messages of the same place in their sessions. `learn` adds the correlated
 * ids seen to `ids` (pass a clone to try a match without committing to it).
 */
export function compareMessages(left: Frame, right: Frame, part: Change['part'], rules: ComparisonRules, ids: IdMap, learn = true): Change[] {
  const leftError = left.kind === 'CALLERROR' || left.kind === 'CALLRESULTERROR';
  const rightError = right.kind === 'CALLERROR' || right.kind === 'CALLRESULTERROR';
  if (left.kind !== right.kind && !(leftError && rightError)) {
    return [{ part, path: '', change: 'kind', left: describeKind(left), right: describeKind(right) }];
  }
  return compareValues(comparable(left), comparable(right), part, rules, ids, learn);
}

/** Compares two payload-like values (see compareMessages). */
export function compareValues(left: unknown, right: unknown, part: Change['part'], rules: ComparisonRules, ids: IdMap, learn = true): Change[] {
  const matcher = new VolatileMatcher(rules.volatile);
  const l = strip(left, [], matcher);
  const r = strip(right, [], matcher);
  reconcile(l, r, new Set(rules.correlated), ids, learn);
  if (!isContainer(l) || !isContainer(r) || Array.isArray(l) !== Array.isArray(r)) {
    return keyOf(l) === keyOf(r) ? [] : [{ part, path: '', change: 'changed', left: l, right: r }];
  }
  return microdiff(l, r, { cyclesFix: false }).map((d) => {
    const path = toPointer(d.path);
    if (d.type === 'CHANGE') return { part, path, change: 'changed', left: d.oldValue as unknown, right: d.value as unknown };
    if (d.type === 'CREATE') return { part, path, change: 'added', right: d.value as unknown };
    return { part, path, change: 'removed', left: d.oldValue as unknown };
  });
}

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === 'object' && v !== null;
}

/** A deep copy without the volatile fields. */
function strip(value: unknown, path: Segment[], matcher: VolatileMatcher): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v, i) => {
      const p = [...path, i];
      // An array element that is volatile stays as a placeholder, so later indexes keep their place.
      out.push(matcher.matches(p, v) ? null : strip(v, p, matcher));
    });
    return out;
  }
  if (isContainer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = [...path, k];
      if (!matcher.matches(p, v)) out[k] = strip(v, p, matcher);
    }
    return out;
  }
  return value;
}

/** Walks both values together; where a correlated field holds consistent ids, the right takes the left's value. */
function reconcile(left: unknown, right: unknown, fields: ReadonlySet<string>, ids: IdMap, learn: boolean): void {
  if (!isContainer(left) || !isContainer(right) || Array.isArray(left) !== Array.isArray(right)) return;
  const r = right as Record<string, unknown>;
  for (const [k, lv] of Object.entries(left)) {
    if (!(k in r)) continue;
    const rv = r[k];
    if (fields.has(k) && !isContainer(lv) && !isContainer(rv)) {
      if (ids.reconcile(k, lv, rv, learn)) r[k] = lv;
    } else {
      reconcile(lv, rv, fields, ids, learn);
    }
  }
}

export function toPointer(path: readonly Segment[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
