// Semantic diff of two captures: sessions paired (by charge point id, or as asked), each
// session's exchanges aligned by the sequence of (direction, message type, action), and
// the exchanges in both compared like a replay compares answers (volatile fields aside,
// correlated ids consistent). Reports what is missing from B, extra in B, and changed.
import { ApiError } from '../../../api/errors';
import type { CaptureDiff, DiffArgs, DiffChange, DiffSessionRef, ExchangeDiff, SessionDiff } from '../../../api/replay';
import { checkVolatileEntry, compareMessages, comparisonRules, describeKind, IdMap, type Change, type ComparisonRules } from '../compare';
import { exchangesOf, readSessions, type Exchange, type RecordedSession } from '../recorded';
import { align } from './align';

export async function diffCaptures(args: DiffArgs): Promise<CaptureDiff> {
  for (const entry of args.volatile ?? []) {
    const problem = checkVolatileEntry(entry);
    if (problem !== undefined) throw new ApiError('bad-args', problem);
  }
  const rules = comparisonRules(args);
  const options = args.version !== undefined ? { version: args.version } : {};
  const [a, b] = await Promise.all([readSessions(args.a, options), readSessions(args.b, options)]);
  const warnings = [...a.warnings.map((w) => `${args.a}: ${w}`), ...b.warnings.map((w) => `${args.b}: ${w}`)];
  const { pairs, unpaired } = pairSessions(a.sessions, b.sessions, args.sessions ?? []);
  const result: CaptureDiff = {
    a: args.a,
    b: args.b,
    equal: true,
    sessions: [],
    unpaired: { a: unpaired.a.map(ref), b: unpaired.b.map(ref) },
    counts: { same: 0, changed: 0, missing: 0, extra: 0 },
    comparison: { volatile: [...rules.volatile], correlated: [...rules.correlated] },
    warnings,
  };
  for (const pair of pairs) {
    const diff = diffSessions(pair.a, pair.b, pair.by, rules);
    if (diff.truncated) warnings.push(`Sessions ${pair.a.info.id} and ${pair.b.info.id} differ in too many places to align them exchange by exchange; the unaligned part is reported as missing and extra`);
    result.sessions.push(diff.session);
    result.counts.same += diff.session.same;
    for (const d of diff.session.differences) result.counts[d.status]++;
  }
  result.equal = result.sessions.every((s) => s.equal) && unpaired.a.length === 0 && unpaired.b.length === 0;
  return result;
}

function ref(s: RecordedSession): DiffSessionRef {
  return { id: s.info.id, chargePointId: s.info.chargePointId, frames: s.info.frames };
}

interface Pair {
  a: RecordedSession;
  b: RecordedSession;
  by: SessionDiff['pairedBy'];
}

/**
 * Pairs sessions: `CONN_A=CONN_B` explicitly; otherwise sessions with frames by charge
 * point id, in order of appearance (the n-th session of CP1 in A with the n-th in B), or
 * the only session of each when both hold one. Other entries keep only the sessions whose
 * connection id or charge point id they name.
 */
export function pairSessions(a: readonly RecordedSession[], b: readonly RecordedSession[], selection: readonly string[]): { pairs: Pair[]; unpaired: { a: RecordedSession[]; b: RecordedSession[] } } {
  const explicit = selection.filter((s) => s.includes('='));
  const filters = selection.filter((s) => !s.includes('='));
  const pairs: Pair[] = [];
  const find = (list: readonly RecordedSession[], id: string, which: string) => {
    const found = list.find((s) => s.info.id === id) ?? list.find((s) => s.info.chargePointId === id && s.info.frames > 0);
    if (found === undefined) throw new ApiError('bad-args', `No session "${id}" in capture ${which} (give a connection id or a charge point id)`);
    return found;
  };
  for (const e of explicit) {
    const [left, right] = e.split('=', 2) as [string, string];
    pairs.push({ a: find(a, left, 'A'), b: find(b, right, 'B'), by: 'explicit' });
  }
  const used = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const wanted = (s: RecordedSession) => filters.length === 0 || filters.includes(s.info.id) || filters.includes(s.info.chargePointId);
  const restA = explicit.length > 0 && filters.length === 0 ? [] : a.filter((s) => s.info.frames > 0 && !used.has(s) && wanted(s));
  const restB = explicit.length > 0 && filters.length === 0 ? [] : b.filter((s) => s.info.frames > 0 && !used.has(s) && wanted(s));
  if (filters.length > 0 && restA.length === 0 && restB.length === 0 && explicit.length === 0) {
    throw new ApiError('bad-args', `No session with frames matches ${filters.map((f) => `"${f}"`).join(', ')} in either capture`);
  }
  const unpairedA: RecordedSession[] = [];
  const pool = [...restB];
  for (const s of restA) {
    const i = pool.findIndex((t) => t.info.chargePointId === s.info.chargePointId);
    if (i >= 0) pairs.push({ a: s, b: pool.splice(i, 1)[0]!, by: 'chargePointId' });
    else unpairedA.push(s);
  }
  if (unpairedA.length === 1 && pool.length === 1 && pairs.length === 0) {
    pairs.push({ a: unpairedA[0]!, b: pool[0]!, by: 'only' });
    return { pairs, unpaired: { a: [], b: [] } };
  }
  return { pairs, unpaired: { a: unpairedA, b: pool } };
}

/** The alignment key of an exchange: who sent it, what it is, which action. */
function keyOf(e: Exchange): string {
  const kind = e.kind === 'orphan' ? (e.request.frame?.kind ?? 'orphan') : e.kind;
  return `${e.dir}|${kind}|${e.action ?? ''}`;
}

function diffSessions(a: RecordedSession, b: RecordedSession, by: SessionDiff['pairedBy'], rules: ComparisonRules): { session: SessionDiff; truncated: boolean } {
  const exA = exchangesOf(a.frames);
  const exB = exchangesOf(b.frames);
  const alignment = align(exA.map(keyOf), exB.map(keyOf));
  const ids = new IdMap();
  const differences: ExchangeDiff[] = [];
  let same = 0;
  for (const op of alignment.ops) {
    if (op.op === 'equal') {
      const x = exA[op.a]!;
      const y = exB[op.b]!;
      const changes = compareExchanges(x, y, rules, ids);
      if (changes.length === 0) same++;
      else differences.push({ ...describe(x), a: place(x), b: place(y), status: 'changed', changes: changes.map(toDiffChange) });
    } else if (op.op === 'delete') {
      const x = exA[op.a]!;
      differences.push({ ...describe(x), a: place(x), status: 'missing', changes: [] });
    } else {
      const y = exB[op.b]!;
      differences.push({ ...describe(y), b: place(y), status: 'extra', changes: [] });
    }
  }
  const session: SessionDiff = { a: ref(a), b: ref(b), pairedBy: by, equal: differences.length === 0, same, differences };
  return { session, truncated: alignment.truncated === true };
}

function compareExchanges(x: Exchange, y: Exchange, rules: ComparisonRules, ids: IdMap): Change[] {
  if (x.kind === 'invalid' || y.kind === 'invalid') {
    const tx = x.request.text ?? x.request.binary;
    const ty = y.request.text ?? y.request.binary;
    return tx === ty ? [] : [{ part: 'request', path: '', change: 'changed', left: tx, right: ty }];
  }
  const changes = compareMessages(x.request.frame!, y.request.frame!, x.kind === 'orphan' ? 'response' : 'request', rules, ids);
  if (x.kind === 'orphan') return changes;
  const rx = x.response?.frame;
  const ry = y.response?.frame;
  if (rx !== undefined && ry !== undefined) changes.push(...compareMessages(rx, ry, 'response', rules, ids));
  else if (rx !== undefined || ry !== undefined || x.response !== undefined || y.response !== undefined) {
    const left = x.response === undefined ? 'no answer' : rx === undefined ? 'not OCPP-J' : describeKind(rx);
    const right = y.response === undefined ? 'no answer' : ry === undefined ? 'not OCPP-J' : describeKind(ry);
    if (left !== right) changes.push({ part: 'response', path: '', change: 'kind', left, right });
  }
  return changes;
}

function describe(e: Exchange): Pick<ExchangeDiff, 'dir' | 'kind' | 'action'> {
  const kind: ExchangeDiff['kind'] = e.kind === 'invalid' ? 'invalid' : e.kind === 'orphan' ? (e.request.frame?.kind ?? 'CALLRESULT') : e.kind;
  return { dir: e.dir, kind, ...(e.action !== undefined ? { action: e.action } : {}) };
}

function place(e: Exchange): NonNullable<ExchangeDiff['a']> {
  const p: NonNullable<ExchangeDiff['a']> = { requestSeq: e.request.seq };
  if (e.response !== undefined) p.responseSeq = e.response.seq;
  if (e.request.frame !== undefined) p.messageId = e.request.frame.id;
  return p;
}

function toDiffChange(c: Change): DiffChange {
  return { part: c.part, path: c.path, change: c.change, ...('left' in c ? { a: c.left } : {}), ...('right' in c ? { b: c.right } : {}) };
}
