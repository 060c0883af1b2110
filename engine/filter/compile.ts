// Compiles a filter expression (docs/filter-language.md) into a predicate. `&` and `|` try
// their cheapest operands first (summary fields before findings before text before
// payloads), so a text or payload term is only evaluated for frames the cheap terms let
// through; the text and the parsed JSON are derived at most once per frame (FrameMemo).
import type { FilterNode, TextNode } from './ast';
import { cached, type StringTest } from './match';
import { findField } from './fields';
import { COST, containsTest, type Test } from './term-tests';
import { parseFilter } from './parse';
import { FrameMemo, type FrameView } from './view';
import type { FramePredicate } from '../traffic/store';
import { StoredFrameView, type FrameTextSource } from './stored-view';

export interface FrameFilter {
  readonly expression: string;
  readonly ast: FilterNode;
  /** Whether some term may need the frame's text (and so, for file-backed frames, the disk). */
  readonly readsText: boolean;
  matches(view: FrameView): boolean;
}

/** Parses and compiles; throws ApiError('bad-args') with FilterErrorDetails when the expression is wrong. */
export function compileFilter(expression: string): FrameFilter {
  const ast = parseFilter(expression);
  const test = compileNode(ast);
  const memo = new FrameMemo();
  const run = test.run;
  const readsText = test.cost >= COST.text;
  return {
    expression,
    ast,
    readsText,
    // Summary-only filters never touch the memo: skip its reset on the hot path.
    matches: readsText
      ? (view) => {
          memo.reset(view);
          return run(view, memo);
        }
      : (view) => run(view, memo),
  };
}

/**
 * A predicate over stored frames (the frame table). `source` reads the text of frames that
 * were loaded from a capture file and keep only its location (TrafficStore.textOf).
 */
export function compileFrameFilter(expression: string, source?: FrameTextSource): FramePredicate {
  const filter = compileFilter(expression);
  const view = new StoredFrameView(source);
  return (frame, session) => filter.matches(view.of(frame, session));
}

function compileNode(node: FilterNode): Test {
  switch (node.type) {
    case 'all':
      return { cost: COST.summary, run: () => true };
    case 'not': {
      const inner = compileNode(node.operand);
      const run = inner.run;
      return { cost: inner.cost, run: (v, m) => !run(v, m) };
    }
    case 'and':
    case 'or':
      return combine(node.type, node.operands.flatMap((o) => (o.type === node.type ? o.operands : [o])).map(compileNode));
    case 'term': {
      const field = findField(node.field);
      // The parser only builds terms of known fields.
      if (field === undefined) throw new Error(`filter: no field ${node.field}`);
      return field.compile(node);
    }
    case 'text':
      return textTest(node);
  }
}

function combine(kind: 'and' | 'or', operands: Test[]): Test {
  // Cheapest first; sort is stable, so equal costs keep the order they were written in.
  const tests = [...operands].sort((a, b) => a.cost - b.cost);
  const cost = Math.max(...tests.map((t) => t.cost));
  const runs = tests.map((t) => t.run);
  if (runs.length === 2) {
    const [a, b] = runs as [Test['run'], Test['run']];
    return { cost, run: kind === 'and' ? (v, m) => a(v, m) && b(v, m) : (v, m) => a(v, m) || b(v, m) };
  }
  if (kind === 'and') {
    return {
      cost,
      run: (v, m) => {
        for (const r of runs) if (!r(v, m)) return false;
        return true;
      },
    };
  }
  return {
    cost,
    run: (v, m) => {
      for (const r of runs) if (r(v, m)) return true;
      return false;
    },
  };
}

/**
 * A bare word or quoted text: the frame's text contains it, or its action does (so
 * `Heartbeat` also finds the responses, which do not spell their action). Ignores case.
 */
function textTest(node: TextNode): Test {
  const contains = containsTest(node.text);
  const action: StringTest = cached(contains);
  return {
    cost: COST.text,
    run: (v, m) => {
      const a = v.summary.action;
      if (a !== undefined && action(a)) return true;
      const t = m.text();
      return t !== undefined && contains(t);
    },
  };
}
