// Builders of term tests shared by the fields (fields.ts): one-valued and many-valued
// string fields, closed vocabularies, numbers. Each turns a parsed term into a test over a
// frame view, checking its values (with their places) on the way.
import type { TermNode } from './ast';
import { filterError } from './errors';
import { anyOf, cached, escapeRegExp, isGlob, regexOf, resolveVocabulary, type Alternative, type StringTest } from './match';
import type { Comparison } from './tokenize';
import type { FrameMemo, FrameView } from './view';

/**
 * How costly a test is, so `&` and `|` try cheap ones first: summary fields are in memory,
 * findings are a short list, text may be read from a capture file, payloads are parsed.
 */
export const COST = { summary: 0, findings: 1, text: 2, json: 3 } as const;

export interface Test {
  cost: number;
  run: (view: FrameView, memo: FrameMemo) => boolean;
}

export const MATCH: Comparison[] = [':', '=', '!=', '~'];
export const NUMERIC: Comparison[] = [':', '=', '!=', '<', '<=', '>', '>='];

type Getter = (view: FrameView, memo: FrameMemo) => string | undefined;

/** The `:`/`=`/`!=`/`~` test of a string: alternatives (globs allowed) or a regex. */
function stringTest(term: TermNode, cache: boolean): StringTest {
  if (term.op === '~') {
    const re = regexOf(term.alternatives[0]!);
    const test: StringTest = (s) => re.test(s);
    return cache ? cached(test) : test;
  }
  const test = anyOf(term.alternatives);
  return cache && term.alternatives.some((a) => isGlob(a.text)) ? cached(test) : test;
}

/** A field with at most one value per frame. Absent values never match, whatever the comparison. */
export function single(get: Getter, cost: number, options: { cache?: boolean } = {}) {
  return (term: TermNode): Test => {
    const test = stringTest(term, options.cache ?? true);
    const run: Test['run'] =
      term.op === '!='
        ? (v, m) => {
            const s = get(v, m);
            return s !== undefined && !test(s);
          }
        : (v, m) => {
            const s = get(v, m);
            return s !== undefined && test(s);
          };
    return { cost, run };
  };
}

/** A field with several values per frame (rules of its findings, marks): any matches; `!=` none does. */
export function several(some: (view: FrameView, test: StringTest) => boolean, count: (view: FrameView) => number, cost: number, vocabulary?: (term: TermNode) => StringTest) {
  return (term: TermNode): Test => {
    const test = vocabulary !== undefined && term.op !== '~' ? vocabulary(term) : stringTest(term, true);
    const run: Test['run'] = term.op === '!=' ? (v) => count(v) > 0 && !some(v, test) : (v) => some(v, test);
    return { cost, run };
  };
}

/** A closed vocabulary: spellings (lower case) → canonical value; `choices` says them in errors. */
export function vocabulary<T extends string>(field: string, spellings: Record<string, T>, choices = Object.keys(spellings).join(', ')) {
  const map = new Map(Object.entries(spellings)) as Map<string, T>;
  const canonical = [...new Set(Object.values(spellings))];
  return (term: TermNode): Set<T> => resolveVocabulary(field, term.alternatives, map, canonical, choices);
}

function numberOf(a: Alternative, unit: (text: string) => number | undefined, what: string): number {
  const n = unit(a.text);
  if (n === undefined) throw filterError(a.pos, a.length, `expected ${what}, not "${a.text}"`);
  return n;
}

export const plainNumber = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** Milliseconds, with an optional `ms` or `s` unit (`latency>1.5s`). */
export const milliseconds = (text: string): number | undefined => {
  const m = /^(-?[\d.]+(?:e[-+]?\d+)?)\s*(ms|s)?$/i.exec(text);
  if (m === null) return undefined;
  const n = plainNumber(m[1]!);
  return n === undefined ? undefined : m[2]?.toLowerCase() === 's' ? n * 1000 : n;
};

export function numeric(get: (view: FrameView) => number | undefined, unit: (text: string) => number | undefined, what: string) {
  return (term: TermNode): Test => {
    const values = term.alternatives.map((a) => numberOf(a, unit, what));
    const first = values[0]!;
    let test: (n: number) => boolean;
    switch (term.op) {
      case '<':
        test = (n) => n < first;
        break;
      case '<=':
        test = (n) => n <= first;
        break;
      case '>':
        test = (n) => n > first;
        break;
      case '>=':
        test = (n) => n >= first;
        break;
      case '!=':
        test = (n) => !values.includes(n);
        break;
      default:
        test = values.length === 1 ? (n) => n === first : (n) => values.includes(n);
    }
    return {
      cost: COST.summary,
      run: (v) => {
        const n = get(v);
        return n !== undefined && test(n);
      },
    };
  };
}

/** A closed-vocabulary field with one value per frame: resolved to a set at compile time. */
export function oneOf<T extends string>(resolve: (term: TermNode) => Set<T>, get: (view: FrameView) => T | undefined) {
  return (term: TermNode): Test => {
    const chosen = resolve(term);
    const run: Test['run'] =
      term.op === '!='
        ? (v) => {
            const value = get(v);
            return value !== undefined && !chosen.has(value);
          }
        : (v) => {
            const value = get(v);
            return value !== undefined && chosen.has(value);
          };
    return { cost: COST.summary, run };
  };
}

/** Case-insensitive substring search, as a compiled regex (no copy of the text per frame). */
export function containsTest(needle: string): StringTest {
  const re = new RegExp(escapeRegExp(needle), 'i');
  return (s) => re.test(s);
}

export function setTest(values: ReadonlySet<string>): StringTest {
  return (s) => values.has(s);
}
