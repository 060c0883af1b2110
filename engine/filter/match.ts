// String tests behind field terms: exact (ignoring case), glob (`Meter*`, `?`), regular
// expression (`~`), and closed vocabularies (`dir:up`, `type:CALL*`). Everything ignores
// case: filters are typed in a hurry.
import { filterError } from './errors';
import type { Span } from './tokenize';

/** One value of a term; `action:Heartbeat,Authorize` has two. */
export interface Alternative extends Span {
  text: string;
}

export type StringTest = (s: string) => boolean;

const GLOB = /[*?]/;
const ASCII = /^[ -~]*$/;

export function isGlob(text: string): boolean {
  return GLOB.test(text);
}

export function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'is');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Equal ignoring case, with a fast path for the usual exact spelling. */
export function equalsIgnoringCase(needle: string): StringTest {
  const lower = needle.toLowerCase();
  if (!ASCII.test(needle)) return (s) => s === needle || s.toLowerCase() === lower;
  const length = needle.length;
  return (s) => s === needle || (s.length === length && s.toLowerCase() === lower);
}

/** True when the string equals (or, for a glob, matches) any alternative. */
export function anyOf(alternatives: readonly Alternative[]): StringTest {
  const tests = alternatives.map((a): StringTest => {
    if (!isGlob(a.text)) return equalsIgnoringCase(a.text);
    const re = globToRegExp(a.text);
    return (s) => re.test(s);
  });
  if (tests.length === 1) return tests[0]!;
  return (s) => {
    for (const t of tests) if (t(s)) return true;
    return false;
  };
}

/** A `~` value as a regular expression (searching, ignoring case); a bad one is an error at its place. */
export function regexOf(value: Alternative): RegExp {
  try {
    return new RegExp(value.text, 'i');
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    throw filterError(value.pos, value.length, `not a valid regular expression: ${why}`);
  }
}

/**
 * Caches a test's answer per distinct string: fields such as action, rule or charge point
 * take a few dozen values across a million frames, so a glob or regex runs once per value.
 */
export function cached(test: StringTest, limit = 4096): StringTest {
  const answers = new Map<string, boolean>();
  return (s) => {
    const known = answers.get(s);
    if (known !== undefined) return known;
    const answer = test(s);
    if (answers.size < limit) answers.set(s, answer);
    return answer;
  };
}

/**
 * Resolves the alternatives of a closed-vocabulary field to canonical values. `spellings`
 * maps every accepted spelling (lower case) to its canonical value; globs are matched
 * against the canonical values. A value matching nothing is an error naming the choices.
 */
export function resolveVocabulary<T extends string>(
  field: string,
  alternatives: readonly Alternative[],
  spellings: ReadonlyMap<string, T>,
  canonical: readonly T[],
  choices: string,
): Set<T> {
  const chosen = new Set<T>();
  for (const a of alternatives) {
    if (isGlob(a.text)) {
      const re = globToRegExp(a.text);
      const hits = canonical.filter((c) => re.test(c));
      if (hits.length === 0) throw filterError(a.pos, a.length, `"${a.text}" matches no ${field} value (${choices})`);
      for (const h of hits) chosen.add(h);
      continue;
    }
    const value = spellings.get(a.text.toLowerCase());
    if (value === undefined) throw filterError(a.pos, a.length, `${field} is one of ${choices}, not "${a.text}"`);
    chosen.add(value);
  }
  return chosen;
}
