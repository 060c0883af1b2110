// Replay of one recorded session against a live peer, end to end: choose and check the
// session, connect to the CSMS (as charger) or wait for the charger (as CSMS), play it
// through the live recorder (recorded and judged like live traffic), and report.
//
// Failure policy: a session that cannot be replayed, or bad settings, throw ApiError
// ('bad-args', with the problems as details) before anything connects. Once connected,
// everything that goes wrong is part of the result: verdict `failed` with a reason (refused,
// nobody connected, recording failed) or `differs`.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type WebSocket from 'ws';
import { ApiError } from '../../api/errors';
import type { ConnectionInfo, FindingCounts, OcppVersion } from '../../api/model';
import type { ReplayCheck, ReplayExchange, ReplayProgress, ReplayResult, ReplaySelection, ReplaySettings, ReplayTiming } from '../../api/replay';
import { CaptureWriter } from '../capture/writer';
import { systemTimers, type Timers } from '../charger/timers';
import { connect, ConnectRefusal, type TlsClientOptions } from '../net/connect';
import { basicAuthHeader } from '../net/handshake';
import { ChargerListener, type OpeningRequest } from '../net/listener';
import type { JudgeSettings } from '../judge/settings';
import { LiveRecorder } from '../traffic/recorder';
import type { TrafficStore } from '../traffic/store';
import { systemClock, type Clock } from '../util/clock';
import { newId } from '../util/ids';
import { checkSession, outgoingOf } from './check';
import { checkVolatileEntry, comparisonRules } from './compare';
import { play } from './player';
import { listSessions, readSessions, selectSession, type RecordedSession } from './recorded';
import { SocketWire } from './wire';

export const REPLAY_DEFAULTS = { callTimeoutMs: 30_000, peerWaitMs: 10_000, connectTimeoutMs: 60_000 } as const;

export interface ReplayDeps {
  id?: string;
  /** Where the live session's frames go (the engine's traffic store), besides the capture. */
  store?: TrafficStore;
  clock?: Clock;
  /** Timers for waits and timeouts (tests pass fake ones). */
  timers?: Timers;
  signal?: AbortSignal;
  onProgress?: (progress: ReplayProgress) => void;
  newMessageId?: () => string;
  /** Deviation profile and behaviour options of the judge (default: the store's, else built-in). */
  judging?: JudgeSettings;
}

/** Chooses the session and says whether it can be replayed as `as`, and why not. */
export async function checkReplay(selection: ReplaySelection): Promise<ReplayCheck> {
  return (await prepare(selection)).check;
}

async function prepare(selection: ReplaySelection): Promise<{ check: ReplayCheck; session?: RecordedSession }> {
  const version = selection.version;
  const listed = await listSessions(selection.path, version !== undefined ? { version } : {});
  const check: ReplayCheck = { file: selection.path, as: selection.as, sessions: listed.sessions.map((s) => s.info), replayable: false, problems: [] };
  const chosen = selectSession(listed.sessions, selection.session);
  if ('problem' in chosen) {
    check.problems.push({ code: chosen.problem, severity: 'error', message: chosen.message });
    return { check };
  }
  const id = chosen.session.info.id;
  const read = await readSessions(selection.path, { only: new Set([id]), ...(version !== undefined ? { version } : {}) });
  const session = read.sessions.find((s) => s.info.id === id)!;
  check.session = session.info;
  check.problems.push(...checkSession(session, selection.as));
  check.replayable = !check.problems.some((p) => p.severity === 'error');
  return { check, session };
}

/** Says what is wrong with replay settings (beyond the session), or nothing. */
export function checkSettings(settings: ReplaySettings): string | undefined {
  if (settings.as === 'charger') {
    if (settings.target === undefined || settings.target === '') return 'Replaying as the charger needs the CSMS URL (--target ws://…)';
    try {
      const url = new URL(settings.target);
      if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return `The target must be a ws:// or wss:// URL, not ${settings.target}`;
    } catch {
      return `The target "${settings.target}" is not a URL`;
    }
  } else if (settings.as === 'csms') {
    if (settings.listen === undefined) return 'Replaying as the CSMS needs an address to listen on (--listen HOST:PORT)';
  } else {
    return '"as" must be charger or csms';
  }
  const t = settings.timing;
  if (t !== undefined && !(t.mode === 'recorded' || t.mode === 'fast' || (t.mode === 'fixed' && Number.isFinite(t.ms) && t.ms >= 0))) return 'timing must be recorded, fast or fixed with ms ≥ 0';
  for (const entry of settings.volatile ?? []) {
    const problem = checkVolatileEntry(entry);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Parses `recorded`, `fast` or `fixed:MS`. */
export function parseTiming(text: string): ReplayTiming | undefined {
  if (text === 'recorded' || text === 'fast') return { mode: text };
  const m = /^fixed:(\d+(?:\.\d+)?)$/.exec(text);
  return m === null ? undefined : { mode: 'fixed', ms: Number(m[1]) };
}

/**
 * The URL the replayed charger connects to. A target without a path gets the recorded path
 * (and query) as it was; a target with a path gets the recorded charge point id appended.
 */
export function replayUrl(target: string, recordedPath: string): string {
  const t = new URL(target);
  const recorded = new URL(recordedPath.startsWith('/') ? recordedPath : `/${recordedPath}`, 'ws://recorded');
  const base = t.pathname.replace(/\/+$/, '');
  const path = base === '' ? recorded.pathname : `${base}/${recorded.pathname.split('/').filter((s) => s !== '').at(-1) ?? ''}`;
  const search = t.search !== '' ? t.search : recorded.search;
  return `${t.protocol}//${t.host}${path}${search}`;
}

/** Prepares a replay: the session, checked. Throws ApiError('bad-args') with the problems when it cannot run. */
export async function prepareReplay(settings: ReplaySettings): Promise<RecordedSession> {
  const bad = checkSettings(settings);
  if (bad !== undefined) throw new ApiError('bad-args', bad);
  const { check, session } = await prepare(settings);
  if (!check.replayable || session === undefined) {
    const errors = check.problems.filter((p) => p.severity === 'error');
    throw new ApiError('bad-args', `Cannot replay ${settings.path}: ${errors.map((p) => p.message).join('; ')}`, { problems: check.problems });
  }
  return session;
}

/** Runs a replay to its end. */
export async function runReplay(settings: ReplaySettings, deps: ReplayDeps = {}, prepared?: RecordedSession): Promise<ReplayResult> {
  const session = prepared ?? (await prepareReplay(settings));
  const info = session.info;
  const version = info.version as OcppVersion;
  const clock = deps.clock ?? systemClock;
  const timers = deps.timers ?? systemTimers(clock);
  const id = deps.id ?? newId('replay');
  const timing = settings.timing ?? { mode: 'recorded' };
  const rules = comparisonRules(settings);
  const startedAt = clock.now();
  const startedMono = timers.mono();
  const warnings = checkSession(session, settings.as)
    .filter((p) => p.severity === 'warning')
    .map((p) => p.message);
  const findings: FindingCounts = { error: 0, warning: 0, info: 0 };
  const progress = (p: Omit<ReplayProgress, 'id'>) => deps.onProgress?.({ id, ...p });
  const result: ReplayResult = {
    id,
    file: settings.path,
    session: info,
    as: settings.as,
    target: '',
    timing,
    started: new Date(startedAt).toISOString(),
    durationMs: 0,
    verdict: 'failed',
    counts: { match: 0, differs: 0, missing: 0, unexpected: 0, timeout: 0, closed: 0 },
    exchanges: [],
    ids: {},
    comparison: { volatile: [...rules.volatile], correlated: [...rules.correlated] },
    findings,
    warnings,
  };

  let capture: CaptureWriter | undefined;
  if (settings.capture !== undefined) {
    try {
      capture = await CaptureWriter.create(settings.capture, { mode: 'replay', description: `replay of ${info.id} (${info.chargePointId}) from ${settings.path} as the ${settings.as}`, clock });
    } catch (err) {
      throw new ApiError('io', err instanceof Error ? err.message : String(err));
    }
  }
  if (capture !== undefined) result.capture = capture.path;
  const abort = new AbortController();
  deps.signal?.addEventListener('abort', () => abort.abort());
  let recordingFailed: string | undefined;
  const recorder = new LiveRecorder({
    source: 'replay',
    clock,
    ...(capture !== undefined ? { capture } : {}),
    ...(deps.store !== undefined ? { store: deps.store } : {}),
    ...(deps.judging !== undefined ? { judging: deps.judging } : {}),
    onJudged: (frame) => {
      for (const f of frame.verdict.findings) findings[f.severity]++;
    },
    onLate: (late) => {
      findings[late.late.finding.severity]++;
    },
    onCaptureError: (err) => {
      recordingFailed = `${err.message}; the replay stopped rather than go on unrecorded`;
      abort.abort();
    },
  });
  const why = (recordedSeq: number) =>
    recordedSeq < 0 ? `answer of the replay with no recorded counterpart` : `replayed from frame ${recordedSeq} of session ${info.id} in ${basename(settings.path)}`;

  let listener: ChargerListener<null> | undefined;
  let wire: SocketWire | undefined;
  try {
    const opened = settings.as === 'charger' ? await openAsCharger(settings, session, recorder, result, progress) : await openAsCsms(settings, session, recorder, result, progress, abort.signal, (l) => (listener = l));
    if (opened !== undefined) {
      wire = new SocketWire(opened.ws, opened.live, outgoingOf(settings.as), why);
      result.liveSession = opened.live.id;
      // Held paused by connect() until listened to; the listener side starts at once.
      if (opened.ws.isPaused) opened.ws.resume();
      progress({ state: 'running', done: 0, total: 0 });
      const played = await play({
        session,
        as: settings.as,
        version,
        wire,
        timers,
        timing,
        rules,
        callTimeoutMs: settings.callTimeoutMs ?? REPLAY_DEFAULTS.callTimeoutMs,
        peerWaitMs: settings.peerWaitMs ?? REPLAY_DEFAULTS.peerWaitMs,
        signal: abort.signal,
        ...(deps.newMessageId !== undefined ? { newMessageId: deps.newMessageId } : {}),
        // A 2.x charger issues its own transaction ids (2.0.1 E01.FR.01, 2.1 E01): fresh ones,
        // so a CSMS that remembers ended transactions meets new ones.
        freshId: (field) => (settings.as === 'charger' && version !== '1.6' && field === 'transactionId' ? randomUUID() : undefined),
        onExchange: (exchange: ReplayExchange, done: number, total: number) => progress({ state: 'running', done, total, exchange }),
      });
      result.exchanges = played.exchanges;
      result.ids = played.ids.remapped();
      for (const e of played.exchanges) result.counts[e.outcome]++;
      const all = played.exchanges.every((e) => e.outcome === 'match');
      result.verdict = all ? 'match' : 'differs';
      if (played.closed !== undefined && !all) result.reason = `The replay ended early: ${played.closed}`;
      await wire.finish();
    }
  } finally {
    await listener?.stop();
    try {
      await recorder.close();
    } catch (err) {
      recordingFailed ??= err instanceof Error ? err.message : String(err);
    }
  }
  if (recordingFailed !== undefined) {
    result.verdict = 'failed';
    result.reason = `Recording failed: ${recordingFailed}`;
  }
  result.durationMs = Math.round(timers.mono() - startedMono);
  progress({ state: 'finished', done: result.exchanges.length, total: result.exchanges.length });
  return result;
}

type Progress = (p: Omit<ReplayProgress, 'id'>) => void;
type Opened = { ws: WebSocket; live: ReturnType<LiveRecorder['open']> } | undefined;

async function openAsCharger(settings: ReplaySettings, session: RecordedSession, recorder: LiveRecorder, result: ReplayResult, progress: Progress): Promise<Opened> {
  const info = session.info;
  const url = replayUrl(settings.target!, session.open.path);
  result.target = url;
  progress({ state: 'connecting', url, done: 0, total: 0 });
  const subprotocol = info.subprotocol!;
  const parsed = new URL(url);
  const user = session.open.authUser ?? info.chargePointId;
  const connection: ConnectionInfo = {
    path: `${parsed.pathname}${parsed.search}`,
    chargePointId: info.chargePointId,
    offeredSubprotocols: [subprotocol],
    remoteAddress: parsed.host,
    ...(settings.password !== undefined ? { authUser: user, authPassword: settings.password } : {}),
  };
  let tls: TlsClientOptions | undefined;
  if (settings.tls !== undefined) {
    tls = {};
    if (settings.tls.caFile !== undefined) tls.ca = await readSetting(settings.tls.caFile, 'CA certificate');
    if (settings.tls.certFile !== undefined) tls.cert = await readSetting(settings.tls.certFile, 'client certificate');
    if (settings.tls.keyFile !== undefined) tls.key = await readSetting(settings.tls.keyFile, 'client key');
  }
  try {
    const connected = await connect(url, {
      subprotocols: [subprotocol],
      headers: settings.password !== undefined ? { Authorization: basicAuthHeader(user, settings.password) } : {},
      holdPaused: true,
      ...(tls !== undefined ? { tls } : {}),
    });
    if (connected.subprotocol !== subprotocol) {
      connected.ws.terminate();
      throw new ConnectRefusal('subprotocol', `${url} did not agree to ${subprotocol} (chose "${connected.subprotocol}")`);
    }
    const live = recorder.open({ ...connection, subprotocol, ...(connected.tls !== undefined ? { tls: connected.tls } : {}) }, { version: info.version! });
    return { ws: connected.ws, live };
  } catch (err) {
    const refusal = err instanceof ConnectRefusal ? err : new ConnectRefusal('error', err instanceof Error ? err.message : String(err));
    recorder.fail(connection, refusal.message, refusal.status);
    result.reason = refusal.message;
    return undefined;
  }
}

async function openAsCsms(
  settings: ReplaySettings,
  session: RecordedSession,
  recorder: LiveRecorder,
  result: ReplayResult,
  progress: Progress,
  signal: AbortSignal,
  keep: (listener: ChargerListener<null>) => void,
): Promise<Opened> {
  const info = session.info;
  const subprotocol = info.subprotocol!;
  let taken = false;
  let resolveConnected: (o: Opened) => void = () => undefined;
  const connected = new Promise<Opened>((resolve) => (resolveConnected = resolve));
  const connectionOf = (request: OpeningRequest, chosen?: string): ConnectionInfo => ({
    path: request.path,
    chargePointId: request.chargePointId,
    offeredSubprotocols: request.offeredSubprotocols,
    remoteAddress: request.remoteAddress,
    ...(chosen !== undefined ? { subprotocol: chosen } : {}),
    ...(request.tls !== undefined ? { tls: request.tls } : {}),
    ...(request.credentials !== undefined ? { authUser: request.credentials.user, authPassword: request.credentials.password } : {}),
  });
  const tls = settings.listenTls === undefined ? undefined : { cert: await readSetting(settings.listenTls.certFile, 'server certificate'), key: await readSetting(settings.listenTls.keyFile, 'server key') };
  const listener = new ChargerListener<null>({
    host: settings.listen!.host,
    port: settings.listen!.port,
    ...(tls !== undefined ? { tls } : {}),
    decide: (request) => {
      if (taken) {
        recorder.fail(connectionOf(request), 'The replay plays one session and already has its charger', 503);
        return { accept: false, status: 503, reason: 'The replay plays one session and already has its charger' };
      }
      if (!request.offeredSubprotocols.includes(subprotocol)) {
        const reason = `The replayed session speaks ${subprotocol}; the charger offered ${request.offeredSubprotocols.join(', ') || 'none'}`;
        recorder.fail(connectionOf(request), reason, 400);
        return { accept: false, status: 400, reason };
      }
      taken = true;
      return { accept: true, subprotocol, context: null };
    },
    connected: (ws, request) => {
      ws.pause();
      if (request.chargePointId !== info.chargePointId) {
        result.warnings.push(`The charger connected as ${request.chargePointId}; the recorded session was ${info.chargePointId}`);
      }
      resolveConnected({ ws, live: recorder.open(connectionOf(request, subprotocol), { version: info.version! }) });
    },
  });
  keep(listener);
  const { url } = await listener.start();
  result.target = url;
  progress({ state: 'listening', url, done: 0, total: 0 });
  const ms = settings.connectTimeoutMs ?? REPLAY_DEFAULTS.connectTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout' | 'cancelled'>((resolve) => {
    if (signal.aborted) return resolve('cancelled');
    timer = setTimeout(() => resolve('timeout'), ms);
    signal.addEventListener('abort', () => resolve('cancelled'));
  });
  const first = await Promise.race([connected, gaveUp]);
  clearTimeout(timer);
  if (first === 'timeout' || first === 'cancelled') {
    taken = true;
    result.reason = first === 'timeout' ? `No charger connected to ${url} within ${ms} ms` : 'The replay was cancelled before a charger connected';
    return undefined;
  }
  return first;
}

async function readSetting(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new ApiError('io', `Cannot read the ${what} ${path}: ${(err as Error).message}`);
  }
}
