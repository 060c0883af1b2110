// The replay itself, over any wire: plays one side of a recorded session against a live
// peer and compares what the peer does with what it did in the recording.
//
// - The bench's recorded CALLs go out in order, each with a fresh message id, each awaited
//   (OCPP-J 1.6 §4.1.1: one outstanding CALL per direction). Before each, the peer's CALLs
//   that came before it in the recording are awaited (bounded by peerWaitMs), so a
//   StartTransaction still follows the RemoteStartTransaction that caused it.
// - The peer's CALLs are answered from the recording: matched by action and payload
//   (volatile fields aside), consumed in recorded order.
// - Ids and times are rewritten (rewrite.ts); answers are compared (compare.ts).
//
// No sockets here: the wire is an interface, so tests can play a whole exchange in memory.
import { randomUUID } from 'node:crypto';
import type { Direction, MessageKind, OcppVersion } from '../../api/model';
import type { ReplayExchange, ReplayOutcome, ReplaySide, ReplayTiming } from '../../api/replay';
import type { TimerHandle, Timers } from '../charger/timers';
import { parseFrame, serializeFrame, type CallFrame, type Frame } from '../ocpp/frames';
import { outgoingOf } from './check';
import { compareMessages, describeKind, IdMap, type Change, type ComparisonRules } from './compare';
import { exchangesOf, type Exchange, type RecordedFrame, type RecordedSession } from './recorded';
import { rewritePayload } from './rewrite';

/** The live connection as the player sees it. */
export interface ReplayWire {
  /** Sends a text frame and records it marked `replayed`; returns its seq in the live session. */
  send(text: string, recordedSeq: number): number | undefined;
  /** Every text frame from the peer, with its seq in the live session. */
  onFrame(listener: (text: string, seq: number | undefined) => void): void;
  onClose(listener: (code: number, reason: string) => void): void;
  close(code: number, reason: string): void;
  readonly isOpen: boolean;
}

export interface PlayOptions {
  session: RecordedSession;
  as: ReplaySide;
  version: OcppVersion;
  wire: ReplayWire;
  timers: Timers;
  timing: ReplayTiming;
  rules: ComparisonRules;
  callTimeoutMs: number;
  peerWaitMs: number;
  newMessageId?: () => string;
  /** A fresh id for a correlated field the bench issues itself (see replay.ts), or undefined. */
  freshId?: (field: string, recorded: unknown) => unknown;
  onExchange?: (exchange: ReplayExchange, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface PlayResult {
  exchanges: ReplayExchange[];
  ids: IdMap;
  /** Set when the connection ended before the replay did. */
  closed?: string;
  total: number;
}

interface PeerCall {
  exchange: Exchange;
  consumed: boolean;
}

interface Waiting {
  test: () => boolean;
  resolve: () => void;
}

interface LiveAnswer {
  frame: Frame;
  seq: number | undefined;
  at: number;
}

const isCall = (e: Exchange) => e.kind === 'CALL' || e.kind === 'SEND';

export async function play(options: PlayOptions): Promise<PlayResult> {
  const { session, wire, timers, rules, version } = options;
  const out: Direction = outgoingOf(options.as);
  const incoming: Direction = out === 'cp2csms' ? 'csms2cp' : 'cp2csms';
  const all = exchangesOf(session.frames);
  // The bench's own CALLs, each with the number of peer CALLs recorded before it.
  const steps: Array<{ exchange: Exchange; peersBefore: number }> = [];
  const peers: PeerCall[] = [];
  for (const ex of all) {
    if (!isCall(ex)) continue;
    if (ex.dir === out) steps.push({ exchange: ex, peersBefore: peers.length });
    else peers.push({ exchange: ex, consumed: false });
  }
  const total = steps.length + peers.length;
  const position = new Map(session.frames.map((f, i) => [f.seq, i]));
  const ids = new IdMap();
  const correlated = new Set(rules.correlated);
  const exchanges: ReplayExchange[] = [];
  const newMessageId = options.newMessageId ?? randomUUID;
  const pending = new Map<string, (answer: LiveAnswer | 'closed') => void>();
  let waiting: Waiting[] = [];
  let closed: string | undefined;

  const conclude = (e: Omit<ReplayExchange, 'n'>): void => {
    const full = { n: exchanges.length + 1, ...e } as ReplayExchange;
    exchanges.push(full);
    options.onExchange?.(full, exchanges.length, total);
  };
  const notify = () => {
    const ready = waiting.filter((w) => w.test());
    if (ready.length === 0) return;
    waiting = waiting.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  };
  /** Resolves true once `test` holds, false after `ms` (or when the connection ends). */
  const waitUntil = (test: () => boolean, ms: number): Promise<boolean> => {
    if (test()) return Promise.resolve(true);
    if (closed !== undefined) return Promise.resolve(false);
    return new Promise((resolve) => {
      const w: Waiting = {
        test: () => test() || closed !== undefined,
        resolve: () => {
          timers.clearTimeout(timer);
          resolve(test());
        },
      };
      const timer = timers.setTimeout(() => {
        waiting = waiting.filter((x) => x !== w);
        resolve(test());
      }, ms);
      waiting.push(w);
    });
  };
  const sleep = (ms: number): Promise<void> => (ms <= 0 || closed !== undefined ? Promise.resolve() : waitUntil(() => false, ms).then(() => undefined));

  const end = (why: string) => {
    if (closed !== undefined) return;
    closed = why;
    for (const resolve of pending.values()) resolve('closed');
    pending.clear();
    notify();
  };
  wire.onClose((code, reason) => end(`the connection closed (code ${code}${reason !== '' ? `, "${reason}"` : ''})`));
  const cancel = () => {
    end('the replay was cancelled');
    wire.close(1000, 'replay cancelled');
  };
  if (options.signal?.aborted === true) cancel();
  else options.signal?.addEventListener('abort', cancel);

  /** Ids and times of a recorded payload, as they go out now. */
  const rewrite = (payload: Record<string, unknown>, recorded: RecordedFrame): Record<string, unknown> =>
    rewritePayload(payload, {
      ids,
      correlated,
      shiftMs: timers.now() - Date.parse(recorded.time),
      ...(options.freshId !== undefined ? { fresh: options.freshId } : {}),
    });

  const answerDelay = (ex: Exchange): number =>
    options.timing.mode === 'recorded' && ex.response !== undefined ? Math.min(Math.max(0, ex.response.mono - ex.request.mono), options.callTimeoutMs) : 0;

  const stepDelay = (ex: Exchange): number => {
    switch (options.timing.mode) {
      case 'fast':
        return 0;
      case 'fixed':
        return options.timing.ms;
      case 'recorded': {
        const i = position.get(ex.request.seq) ?? 0;
        const before = i > 0 ? session.frames[i - 1] : undefined;
        return before === undefined ? 0 : Math.max(0, ex.request.mono - before.mono);
      }
    }
  };

  /** Waits until the peer has sent these CALLs, giving up after peerWaitMs without any of them. */
  const awaitPeers = async (wanted: readonly PeerCall[]): Promise<void> => {
    for (;;) {
      const left = wanted.filter((p) => !p.consumed).length;
      if (left === 0 || closed !== undefined) return;
      const progressed = await waitUntil(() => wanted.filter((p) => !p.consumed).length < left, options.peerWaitMs);
      if (!progressed) return;
    }
  };

  // ---- The peer's CALLs, answered from the recording.
  const answerPeer = async (call: CallFrame, seq: number | undefined): Promise<void> => {
    const candidates = peers.filter((p) => !p.consumed && p.exchange.action === call.action && p.exchange.kind === call.kind);
    let chosen: PeerCall | undefined;
    let changes: Change[] = [];
    for (const c of candidates) {
      const trial = ids.clone();
      if (compareMessages(c.exchange.request.frame!, call, 'request', rules, trial).length === 0) {
        chosen = c;
        ids.adopt(trial);
        break;
      }
    }
    if (chosen === undefined && candidates[0] !== undefined) {
      chosen = candidates[0];
      changes = compareMessages(chosen.exchange.request.frame!, call, 'request', rules, ids);
    }
    if (chosen !== undefined) {
      chosen.consumed = true;
      notify();
    }
    const recordedEx = chosen?.exchange;
    // An unexpected CALL is answered like the last recorded one of its action, if any.
    const answerFrom = recordedEx ?? [...peers].reverse().find((p) => p.exchange.action === call.action && p.exchange.response !== undefined)?.exchange;
    let sentSeq: number | undefined;
    let answer: MessageKind | undefined;
    let note: string | undefined;
    if (call.kind === 'CALL' && closed === undefined) {
      const recordedAnswer = answerFrom?.response;
      if (answerFrom !== undefined) await sleep(answerDelay(answerFrom));
      if (closed === undefined) {
        let text: string | undefined;
        if (recordedAnswer?.frame?.kind === 'CALLRESULT') {
          text = serializeFrame({ kind: 'CALLRESULT', id: call.id, payload: rewrite(recordedAnswer.frame.payload, recordedAnswer) });
          answer = 'CALLRESULT';
        } else if (recordedAnswer?.frame?.kind === 'CALLERROR') {
          const f = recordedAnswer.frame;
          text = serializeFrame({ kind: 'CALLERROR', id: call.id, code: f.code, description: f.description, details: f.details });
          answer = 'CALLERROR';
        } else if (recordedEx === undefined) {
          text = serializeFrame({ kind: 'CALLERROR', id: call.id, code: 'NotImplemented', description: `The replayed recording has no ${call.action} to answer with`, details: {} });
          answer = 'CALLERROR';
          note = `The recording has no ${call.action}: answered NotImplemented`;
        } else {
          note = 'The recording ends before this CALL was answered: not answered';
        }
        if (text !== undefined) sentSeq = wire.send(text, recordedAnswer?.seq ?? -1);
      }
    }
    const outcome: ReplayOutcome = recordedEx === undefined ? 'unexpected' : changes.length > 0 ? 'differs' : 'match';
    if (outcome === 'unexpected' && note === undefined) {
      note = answerFrom !== undefined ? `Not in the recording (or sent more often): answered like the recorded ${call.action} of frame ${answerFrom.request.seq}` : `Not in the recording`;
    }
    conclude({
      dir: incoming,
      by: 'peer',
      action: call.action,
      kind: call.kind,
      outcome,
      ...(recordedEx !== undefined ? { recorded: recordedRef(recordedEx) } : {}),
      live: { ...(seq !== undefined ? { requestSeq: seq } : {}), ...(sentSeq !== undefined ? { responseSeq: sentSeq } : {}), messageId: call.id, ...(answer !== undefined ? { answer } : {}) },
      changes: changes.map(toReplayChange),
      ...(note !== undefined ? { note } : {}),
    });
  };

  wire.onFrame((text, seq) => {
    const frame = parseFrame(text, version).frame;
    if (frame === undefined) return; // The judge reports it; there is nothing to answer or compare.
    if (frame.kind === 'CALL' || frame.kind === 'SEND') {
      void answerPeer(frame, seq);
      return;
    }
    const resolve = pending.get(frame.id);
    if (resolve === undefined) return; // Unknown id (or a late CALLRESULTERROR): the judge flags it.
    pending.delete(frame.id);
    resolve({ frame, seq, at: timers.mono() });
  });

  // ---- The bench's own CALLs, in recorded order.
  for (const step of steps) {
    const ex = step.exchange;
    const call = ex.request.frame as CallFrame;
    await awaitPeers(peers.slice(0, step.peersBefore));
    if (ex.kind === 'CALL' && ex.response === undefined) {
      // The recording ended while it was outstanding (checkSession warned): nothing to compare.
      continue;
    }
    await sleep(stepDelay(ex));
    if (closed !== undefined) {
      conclude({ dir: out, by: 'bench', action: call.action, kind: call.kind, outcome: 'closed', recorded: recordedRef(ex), changes: [], note: `Not sent: ${closed}` });
      continue;
    }
    const id = newMessageId();
    const text = serializeFrame({ kind: call.kind, id, action: call.action, payload: rewrite(call.payload, ex.request) });
    const sentAt = timers.mono();
    let answered: Promise<LiveAnswer | 'closed'> | undefined;
    if (call.kind === 'CALL') answered = new Promise((resolve) => pending.set(id, resolve));
    const requestSeq = wire.send(text, ex.request.seq);
    const live = { ...(requestSeq !== undefined ? { requestSeq } : {}), messageId: id };
    if (answered === undefined) {
      conclude({ dir: out, by: 'bench', action: call.action, kind: 'SEND', outcome: 'match', recorded: recordedRef(ex), live, changes: [] });
      continue;
    }
    let timer: TimerHandle | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = timers.setTimeout(() => resolve('timeout'), options.callTimeoutMs)));
    const result = await Promise.race([answered, timeout]);
    timers.clearTimeout(timer);
    pending.delete(id);
    if (result === 'timeout' || result === 'closed') {
      conclude({
        dir: out,
        by: 'bench',
        action: call.action,
        kind: 'CALL',
        outcome: result,
        recorded: recordedRef(ex),
        live,
        changes: [],
        note: result === 'timeout' ? `No answer within ${options.callTimeoutMs} ms` : `No answer: ${closed ?? 'the connection closed'}`,
      });
      continue;
    }
    const recordedAnswer = ex.response!.frame;
    const changes =
      recordedAnswer === undefined
        ? [{ part: 'response' as const, path: '', change: 'kind' as const, left: 'not OCPP-J', right: describeKind(result.frame) }]
        : compareMessages(recordedAnswer, result.frame, 'response', rules, ids);
    conclude({
      dir: out,
      by: 'bench',
      action: call.action,
      kind: 'CALL',
      outcome: changes.length > 0 ? 'differs' : 'match',
      recorded: recordedRef(ex),
      live: { ...live, ...(result.seq !== undefined ? { responseSeq: result.seq } : {}), answer: result.frame.kind, latencyMs: Math.round((result.at - sentAt) * 1000) / 1000 },
      changes: changes.map(toReplayChange),
    });
  }

  // The peer's CALLs recorded after the bench's last one.
  await awaitPeers(peers);
  for (const p of peers) {
    if (p.consumed) continue;
    conclude({
      dir: p.exchange.dir,
      by: 'peer',
      action: p.exchange.action ?? '?',
      kind: p.exchange.kind === 'SEND' ? 'SEND' : 'CALL',
      outcome: 'missing',
      recorded: recordedRef(p.exchange),
      changes: [],
      note: `The ${p.exchange.dir === 'cp2csms' ? 'charger' : 'CSMS'} sent it in the recording (frame ${p.exchange.request.seq}) but not live${closed !== undefined ? ` before ${closed}` : ` within ${options.peerWaitMs} ms`}`,
    });
  }
  const result: PlayResult = { exchanges, ids, total };
  if (closed !== undefined) result.closed = closed;
  else {
    closed = 'the replay ended';
    wire.close(1000, 'replay finished');
  }
  return result;
}

function recordedRef(ex: Exchange): NonNullable<ReplayExchange['recorded']> {
  const ref: NonNullable<ReplayExchange['recorded']> = { requestSeq: ex.request.seq, messageId: ex.request.frame?.id ?? '' };
  if (ex.response !== undefined) ref.responseSeq = ex.response.seq;
  if (ex.response?.frame !== undefined) ref.answer = ex.response.frame.kind;
  return ref;
}

function toReplayChange(c: Change): ReplayExchange['changes'][number] {
  return { part: c.part, path: c.path, change: c.change, ...('left' in c ? { recorded: c.left } : {}), ...('right' in c ? { live: c.right } : {}) };
}
