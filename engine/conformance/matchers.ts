// Payload matchers that explain themselves: every expectation in a case can be read as a
// sentence in the report ("status is Preparing and connectorId is 1").

/** A custom check on one value, with the words to describe it. */
export interface ValueMatcher {
  readonly describe: string;
  test(value: unknown): boolean;
}

/** Field → expected value (deep partial match) or ValueMatcher; or a whole-payload matcher. */
export type PayloadMatcher = { readonly [field: string]: unknown } | ValueMatcher;

export function isValueMatcher(value: unknown): value is ValueMatcher {
  return typeof value === 'object' && value !== null && typeof (value as ValueMatcher).test === 'function' && typeof (value as ValueMatcher).describe === 'string';
}

export const present: ValueMatcher = { describe: 'is present', test: (v) => v !== undefined };
export const absent: ValueMatcher = { describe: 'is absent', test: (v) => v === undefined };

export function oneOf(...values: unknown[]): ValueMatcher {
  return { describe: `is one of ${values.map(show).join(', ')}`, test: (v) => values.some((x) => deepEqual(x, v)) };
}

export function not(value: unknown): ValueMatcher {
  const inner = isValueMatcher(value) ? value : equals(value);
  return { describe: `is not ${inner.describe.replace(/^is /, '')}`, test: (v) => !inner.test(v) };
}

export function equals(value: unknown): ValueMatcher {
  return { describe: `is ${show(value)}`, test: (v) => deepEqual(value, v) };
}

export function atLeast(n: number): ValueMatcher {
  return { describe: `is at least ${n}`, test: (v) => typeof v === 'number' && v >= n };
}

export function atMost(n: number): ValueMatcher {
  return { describe: `is at most ${n}`, test: (v) => typeof v === 'number' && v <= n };
}

export function greaterThan(n: number): ValueMatcher {
  return { describe: `is greater than ${n}`, test: (v) => typeof v === 'number' && v > n };
}

export function matching(pattern: RegExp, words?: string): ValueMatcher {
  return { describe: words ?? `matches ${String(pattern)}`, test: (v) => typeof v === 'string' && pattern.test(v) };
}

/** A number given as a string (meter values). */
export function numericString(): ValueMatcher {
  return { describe: 'is a number', test: (v) => typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) };
}

/** Every element of an array matches. */
export function every(matcher: PayloadMatcher | ValueMatcher): ValueMatcher {
  return {
    describe: `has every element ${describeMatcher(matcher as PayloadMatcher)}`,
    test: (v) => Array.isArray(v) && v.every((e) => matches(matcher as PayloadMatcher, e)),
  };
}

/** Some element of an array matches. */
export function some(matcher: PayloadMatcher | ValueMatcher): ValueMatcher {
  return {
    describe: `has an element where ${describeMatcher(matcher as PayloadMatcher)}`,
    test: (v) => Array.isArray(v) && v.some((e) => matches(matcher as PayloadMatcher, e)),
  };
}

/** A free-form predicate with its sentence. */
export function satisfies(describe: string, test: (value: unknown) => boolean): ValueMatcher {
  return { describe, test };
}

export function matches(matcher: PayloadMatcher | undefined, payload: unknown): boolean {
  if (matcher === undefined) return true;
  if (isValueMatcher(matcher)) return matcher.test(payload);
  if (typeof payload !== 'object' || payload === null) return false;
  const obj = payload as Record<string, unknown>;
  for (const [key, expected] of Object.entries(matcher)) {
    const actual = valueAtPath(obj, key);
    if (isValueMatcher(expected)) {
      if (!expected.test(actual)) return false;
    } else if (isPlainObject(expected)) {
      if (!matches(expected, actual)) return false;
    } else if (!deepEqual(expected, actual)) {
      return false;
    }
  }
  return true;
}

/** Which fields did not match, as a sentence: "status is Available (expected Preparing)". */
export function explainMismatch(matcher: PayloadMatcher | undefined, payload: unknown): string {
  if (matcher === undefined) return '';
  if (isValueMatcher(matcher)) return `the payload does not satisfy "${matcher.describe}"`;
  if (typeof payload !== 'object' || payload === null) return 'the payload is not an object';
  const parts: string[] = [];
  for (const [key, expected] of Object.entries(matcher)) {
    const actual = valueAtPath(payload as Record<string, unknown>, key);
    const ok = isValueMatcher(expected) ? expected.test(actual) : isPlainObject(expected) ? matches(expected, actual) : deepEqual(expected, actual);
    if (!ok) {
      const wanted = isValueMatcher(expected) ? expected.describe : isPlainObject(expected) ? `where ${describeMatcher(expected)}` : `is ${show(expected)}`;
      parts.push(`${key} is ${actual === undefined ? 'absent' : show(actual)} (expected: ${key} ${wanted})`);
    }
  }
  return parts.join('; ');
}

export function describeMatcher(matcher: PayloadMatcher | undefined): string {
  if (matcher === undefined) return '';
  if (isValueMatcher(matcher)) return matcher.describe;
  return Object.entries(matcher)
    .map(([key, expected]) => {
      if (isValueMatcher(expected)) return `${key} ${expected.describe}`;
      if (isPlainObject(expected)) return `${key} where ${describeMatcher(expected)}`;
      return `${key} is ${show(expected)}`;
    })
    .join(' and ');
}

/** Dotted paths with array indexes: `idTagInfo.status`, `meterValue.0.sampledValue`. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isValueMatcher(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
