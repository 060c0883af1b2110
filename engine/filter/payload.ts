// Payload terms: `payload.connectorId=1`, `payload.meterValue[*].sampledValue[*].measurand=Voltage`,
// `payload.idTag` (present). Paths walk the frame's payload as parsed JSON; `[*]` and `.*`
// visit every element or property, and a term holds when any visited value satisfies it.
import { filterError } from './errors';
import { anyOf, isGlob, regexOf, type Alternative, type StringTest } from './match';
import type { Comparison, ValueToken } from './tokenize';

export type PathSegment = { key: string } | { index: number } | { any: true };

export const PAYLOAD_FIELD = 'payload';

/** True when a word names a payload path (`payload.x`, `payload[0]`). */
export function isPayloadWord(word: string): boolean {
  return /^payload[.[]/i.test(word);
}

export function parsePayloadPath(field: ValueToken): PathSegment[] {
  const text = field.text;
  const segments: PathSegment[] = [];
  let i = PAYLOAD_FIELD.length;
  if (i >= text.length) {
    throw filterError(field.pos, field.length, 'payload needs a path, e.g. payload.status or payload.meterValue[0].timestamp');
  }
  while (i < text.length) {
    const at = field.pos + i;
    const c = text[i];
    if (c === '.') {
      let end = i + 1;
      while (end < text.length && text[end] !== '.' && text[end] !== '[' && text[end] !== ']') end++;
      const key = text.slice(i + 1, end);
      if (key === '') throw filterError(at, 1, 'expected a property name after "."');
      segments.push(key === '*' ? { any: true } : { key });
      i = end;
    } else if (c === '[') {
      const close = text.indexOf(']', i);
      if (close === -1) throw filterError(at, text.length - i, 'this "[" is never closed');
      const inside = text.slice(i + 1, close);
      if (inside === '*') segments.push({ any: true });
      else if (/^\d+$/.test(inside)) segments.push({ index: Number(inside) });
      else throw filterError(at, close + 1 - i, `expected an index or * inside [ ], not "${inside}"`);
      i = close + 1;
    } else {
      throw filterError(at, 1, `unexpected "${c}" in a payload path (use .name, [index] or [*])`);
    }
  }
  return segments;
}

/** Calls `visit` on every value at the path until it returns true. */
function walk(value: unknown, path: readonly PathSegment[], at: number, visit: (v: unknown) => boolean): boolean {
  if (at === path.length) return visit(value);
  if (typeof value !== 'object' || value === null) return false;
  const segment = path[at]!;
  if ('any' in segment) {
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) if (walk(child, path, at + 1, visit)) return true;
    return false;
  }
  if ('index' in segment) {
    return Array.isArray(value) && segment.index < value.length ? walk(value[segment.index], path, at + 1, visit) : false;
  }
  if (Array.isArray(value) || !Object.hasOwn(value, segment.key)) return false;
  return walk((value as Record<string, unknown>)[segment.key], path, at + 1, visit);
}

function numberOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

type ValueTest = (v: unknown) => boolean;

/** `=` against one alternative: numbers as numbers, strings ignoring case (or as globs), true/false/null by name. */
function equalityTest(alt: Alternative): ValueTest {
  const number = numberOf(alt.text);
  const glob = isGlob(alt.text);
  const text: StringTest = anyOf([alt]);
  const lower = alt.text.toLowerCase();
  return (v) => {
    switch (typeof v) {
      case 'string':
        return text(v) || (number !== undefined && numberOf(v) === number);
      case 'number':
        return number !== undefined ? v === number : glob && text(String(v));
      case 'boolean':
        return lower === String(v);
      case 'object':
        return v === null && lower === 'null';
      default:
        return false;
    }
  };
}

function orderingTest(op: '<' | '<=' | '>' | '>=', value: Alternative): ValueTest {
  const number = numberOf(value.text);
  const compare = (a: number | string, b: number | string): boolean =>
    op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  if (number !== undefined) {
    // 1.6 sends sampled values as strings ("230.1"): compare them as the numbers they spell.
    return (v) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? numberOf(v) : undefined;
      return n !== undefined && compare(n, number);
    };
  }
  // Otherwise as text, which orders ISO 8601 times correctly.
  return (v) => typeof v === 'string' && compare(v, value.text);
}

/**
 * The test of a payload term against a payload. `op` undefined means "present";
 * `!=` holds when the path has a value and none equals the alternatives.
 */
export function payloadTest(path: readonly PathSegment[], op: Comparison | undefined, alternatives: readonly Alternative[]): (payload: unknown) => boolean {
  if (op === undefined) return (payload) => walk(payload, path, 0, (v) => v !== undefined);
  if (op === '~') {
    const re = regexOf(alternatives[0]!);
    return (payload) => walk(payload, path, 0, (v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && re.test(String(v)));
  }
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    const test = orderingTest(op, alternatives[0]!);
    return (payload) => walk(payload, path, 0, test);
  }
  const tests = alternatives.map(equalityTest);
  const equal: ValueTest = tests.length === 1 ? tests[0]! : (v) => tests.some((t) => t(v));
  if (op !== '!=') return (payload) => walk(payload, path, 0, equal);
  return (payload) => {
    let present = false;
    const someEqual = walk(payload, path, 0, (v) => {
      if (v === undefined) return false;
      present = true;
      return equal(v);
    });
    return present && !someEqual;
  };
}
