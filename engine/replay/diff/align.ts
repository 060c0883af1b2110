// Alignment of two sequences by their longest common subsequence: Myers' O(ND) difference
// algorithm (E. Myers, "An O(ND) Difference Algorithm and Its Variations", 1986), after
// trimming the common prefix and suffix. Two recordings of the same behaviour differ in few
// places (D small), so this stays fast on long sessions. Pure.

export type AlignOp = { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number };

export interface Alignment {
  ops: AlignOp[];
  /** Set when the sequences differ in more places than `maxEdits`: the middle was not aligned. */
  truncated?: boolean;
}

/**
 * Aligns `a` with `b` (compared by ===). Beyond `maxEdits` differences the unaligned middle
 * is reported as deleted then inserted, and `truncated` says so (memory grows with the
 * square of the differences).
 */
export function align(a: readonly string[], b: readonly string[], maxEdits = 4000): Alignment {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: AlignOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', a: i, b: i });
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEdits);
  let truncated = false;
  if (middle === undefined) {
    truncated = true;
    for (let i = start; i < endA; i++) ops.push({ op: 'delete', a: i });
    for (let j = start; j < endB; j++) ops.push({ op: 'insert', b: j });
  } else {
    for (const o of middle) {
      if (o.op === 'equal') ops.push({ op: 'equal', a: o.a + start, b: o.b + start });
      else if (o.op === 'delete') ops.push({ op: 'delete', a: o.a + start });
      else ops.push({ op: 'insert', b: o.b + start });
    }
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ op: 'equal', a: i, b: j });
  return truncated ? { ops, truncated } : { ops };
}

function myers(a: readonly string[], b: readonly string[], maxEdits: number): AlignOp[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    return [...a.map((_, i) => ({ op: 'delete' as const, a: i })), ...b.map((_, j) => ({ op: 'insert' as const, b: j }))];
  }
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for diagonals -d..d as it was before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], depth: number, n: number, m: number): AlignOp[] {
  const out: AlignOp[] = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push({ op: 'equal', a: x, b: y });
    }
    if (down) {
      y--;
      out.push({ op: 'insert', b: y });
    } else {
      x--;
      out.push({ op: 'delete', a: x });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ op: 'equal', a: x, b: y });
  }
  return out.reverse();
}
