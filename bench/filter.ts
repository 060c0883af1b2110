// bench/filter: how long the filter language takes to scan a large traffic store, against a
// hand-written JavaScript predicate doing the same test through the same store (the naive
// baseline: no parsing, no generic field code), in one run.
// Target (issue 6): a summary-only filter over 1,000,000 stored frames well under a second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Direction, FrameSummary, MessageKind } from '../api/model';
import { CaptureWriter } from '../engine/capture/writer';
import { compileFrameFilter } from '../engine/filter/compile';
import { openCapture } from '../engine/traffic/open-capture';
import { TrafficStore, type FramePredicate, type StoredFrame } from '../engine/traffic/store';
import { printResult, round } from './lib/report';

const ACTIONS = ['Heartbeat', 'MeterValues', 'StatusNotification', 'Authorize', 'StartTransaction', 'StopTransaction', 'DataTransfer', 'BootNotification'];
const SESSIONS = 100;

/** A store of `count` frames in request/response pairs over 100 sessions, summaries only (as an opened capture). */
function buildStore(count: number, withText: boolean): TrafficStore {
  const store = new TrafficStore();
  for (let s = 0; s < SESSIONS; s++) {
    store.addSession({ id: `conn_${s}`, chargePointId: `CP${String(s).padStart(3, '0')}`, source: 'capture', state: 'closed', opened: '2025-01-01T00:00:00.000Z', frames: 0, findings: { error: 0, warning: 0, info: 0 } });
  }
  const seqs = new Array<number>(SESSIONS).fill(0);
  for (let i = 0; i < count; i++) {
    const pair = i >> 1;
    const s = pair % SESSIONS;
    const request = (i & 1) === 0;
    const action = ACTIONS[(pair * 7) % ACTIONS.length]!;
    const dir: Direction = request === (action !== 'DataTransfer') ? 'cp2csms' : 'csms2cp';
    const kind: MessageKind = request ? 'CALL' : pair % 97 === 0 ? 'CALLERROR' : 'CALLRESULT';
    const error = pair % 53 === 0 ? 1 : 0;
    const summary: FrameSummary = {
      index: -1,
      session: `conn_${s}`,
      seq: seqs[s]!++,
      dir,
      time: new Date(Date.UTC(2025, 0, 1) + i * 10).toISOString(),
      mono: i * 10,
      kind,
      action,
      messageId: `m${pair}`,
      size: 80 + (i % 200),
      findings: { error, warning: 0, info: 0 },
    };
    if (!request) summary.latencyMs = (pair * 13) % 900;
    const frame: StoredFrame = {
      summary,
      findings: error === 0 ? [] : [{ rule: 'schema.enum', severity: 'error', group: 'schema', message: 'x', path: '/status' }],
    };
    if (withText) {
      frame.text = request
        ? JSON.stringify([2, `m${pair}`, action, { connectorId: (pair % 3) + 1, idTag: `TAG-${pair % 1000}` }])
        : JSON.stringify([3, `m${pair}`, { status: 'Accepted' }]);
    }
    store.addFrame(frame, false);
  }
  return store;
}

function best(rounds: number, fn: () => number): { ms: number; total: number } {
  let ms = Infinity;
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    total = fn();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, total };
}

/** A full scan: a fresh query key each time, so the store's cache of matches is not used. */
let run = 0;
function scan(store: TrafficStore, predicate: FramePredicate): number {
  return store.query({ predicate, key: `bench-${run++}`, limit: 10 }).total;
}

interface Case {
  name: string;
  expression: string;
  /** The same test, written by hand. */
  naive: FramePredicate;
}

const SUMMARY_CASES: Case[] = [
  { name: 'actionAndDir', expression: 'action:MeterValues from:charger', naive: (f) => f.summary.action === 'MeterValues' && f.summary.dir === 'cp2csms' },
  { name: 'errorsOrSlow', expression: 'has:error | latency>500', naive: (f) => f.summary.findings.error > 0 || (f.summary.latencyMs ?? -1) > 500 },
  {
    name: 'globNotList',
    expression: 'cp:CP01* & !action:Heartbeat,StatusNotification',
    naive: (f, s) => (s?.summary.chargePointId.startsWith('CP01') ?? false) && f.summary.action !== 'Heartbeat' && f.summary.action !== 'StatusNotification',
  },
];

const TEXT_CASES: Case[] = [
  { name: 'textWord', expression: '"TAG-7"', naive: (f) => (f.summary.action?.includes('TAG-7') ?? false) || (f.text?.includes('TAG-7') ?? false) },
  {
    name: 'payloadAfterSummary',
    expression: 'action:Authorize payload.connectorId=2',
    naive: (f) => f.summary.action === 'Authorize' && f.text !== undefined && (JSON.parse(f.text) as unknown[])[3] !== undefined && ((JSON.parse(f.text) as [0, 0, 0, { connectorId?: number }])[3].connectorId === 2),
  },
];

const count = Number(process.argv[2] ?? 1_000_000);
const textCount = Math.min(count, 200_000);
const figures: Record<string, number | string> = { frames: count, textFrames: textCount };
const met: Record<string, boolean> = {};

const summaryStore = buildStore(count, false);
let worstSummaryMs = 0;
for (const c of SUMMARY_CASES) {
  const compiled = best(5, () => scan(summaryStore, compileFrameFilter(c.expression, summaryStore)));
  const naive = best(5, () => scan(summaryStore, c.naive));
  if (compiled.total !== naive.total) throw new Error(`${c.expression}: ${compiled.total} matches, the hand-written predicate ${naive.total}`);
  process.stderr.write(`${c.expression.padEnd(52)} ${compiled.ms.toFixed(1).padStart(7)} ms   hand-written ${naive.ms.toFixed(1).padStart(7)} ms   ${compiled.total} matches\n`);
  figures[`${c.name}Ms`] = round(compiled.ms, 1);
  figures[`${c.name}NaiveMs`] = round(naive.ms, 1);
  worstSummaryMs = Math.max(worstSummaryMs, compiled.ms);
}

const textStore = buildStore(textCount, true);
for (const c of TEXT_CASES) {
  const compiled = best(3, () => scan(textStore, compileFrameFilter(c.expression, textStore)));
  const naive = best(3, () => scan(textStore, c.naive));
  if (compiled.total !== naive.total) throw new Error(`${c.expression}: ${compiled.total} matches, the hand-written predicate ${naive.total}`);
  process.stderr.write(`${c.expression.padEnd(52)} ${compiled.ms.toFixed(1).padStart(7)} ms   hand-written ${naive.ms.toFixed(1).padStart(7)} ms   ${compiled.total} matches (${textCount} frames with text)\n`);
  figures[`${c.name}Ms`] = round(compiled.ms, 1);
  figures[`${c.name}NaiveMs`] = round(naive.ms, 1);
}

// The same text search over an opened capture, whose frames keep only their place in the file.
const dir = mkdtempSync(join(tmpdir(), 'bench-filter-'));
try {
  const path = join(dir, 'capture.jsonl');
  const writer = await CaptureWriter.create(path, { mode: 'proxy' });
  for (let s = 0; s < SESSIONS; s++) {
    writer.append({ type: 'open', conn: `conn_${s}`, chargePointId: `CP${String(s).padStart(3, '0')}`, path: `/CP${s}`, offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' });
  }
  for (let i = 0; i < textCount; i++) {
    const frame = textStore.frame(i)!;
    writer.append({ type: 'frame', conn: frame.summary.session, seq: frame.summary.seq, dir: frame.summary.dir, text: frame.text! });
    if (i % 10_000 === 0) await writer.flush();
  }
  await writer.close();
  const fileStore = new TrafficStore();
  await openCapture(fileStore, path);
  const c = TEXT_CASES[0]!;
  const fromFile = best(3, () => scan(fileStore, compileFrameFilter(c.expression, fileStore)));
  const inMemory = scan(textStore, compileFrameFilter(c.expression, textStore));
  if (fromFile.total !== inMemory) throw new Error(`${c.expression}: ${fromFile.total} matches in the file, ${inMemory} in memory`);
  process.stderr.write(`${`${c.expression} (text read from the capture file)`.padEnd(52)} ${fromFile.ms.toFixed(1).padStart(7)} ms   ${fromFile.total} matches\n`);
  figures.textWordFromFileMs = round(fromFile.ms, 1);
  fileStore.clear('done');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const perMillion = (worstSummaryMs * 1_000_000) / count;
figures.worstSummaryMsPerMillion = round(perMillion, 1);
met.worstSummaryMsPerMillion = perMillion < 250;
printResult({ bench: 'filter', figures, targets: { worstSummaryMsPerMillion: '< 250 (well under a second)' }, met });
