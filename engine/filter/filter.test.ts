import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../api/model';
import { createEngine } from '../engine';
import { tempDir } from '../testing/tmp';
import { openCapture } from '../traffic/open-capture';
import { TrafficStore, type StoredFrame } from '../traffic/store';
import { compileFilter, compileFrameFilter } from './compile';
import { recordSample } from './testing/traffic';
import type { FrameView } from './view';

const dir = tempDir();
const capture = dir.file('sample.jsonl');
let live: TrafficStore;
let opened: TrafficStore;

beforeAll(async () => {
  live = await recordSample(capture);
  opened = new TrafficStore();
  await openCapture(opened, capture);
});
afterAll(() => {
  opened.clear('done');
  dir.remove();
});

/** Frames matching, as session letter and seq: A0 … A11 (CP001, 1.6), B0, B1 (CS002, 2.0.1). */
function matching(store: TrafficStore, expression: string): string[] {
  const page = store.query({ predicate: compileFrameFilter(expression, store), key: expression, limit: 10_000 });
  return page.frames.map((f) => `${f.session === 'conn_a' ? 'A' : 'B'}${f.seq}`);
}

const ALL = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'B0', 'B1'];
const except = (...gone: string[]): string[] => ALL.filter((f) => !gone.includes(f));

const CASES: Array<[string, string[]]> = [
  ['action:StatusNotification', ['A2', 'A3', 'A4', 'A5']],
  ['action:statusnotification', ['A2', 'A3', 'A4', 'A5']],
  ['action:Meter*', ['A6', 'A7']],
  ['action:Heartbeat,MeterValues', ['A6', 'A7']],
  ['action!=BootNotification', ['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']],
  ['action~^remote', ['A8', 'A9']],
  ['dir:down', ['A1', 'A3', 'A5', 'A7', 'A8', 'A11', 'B1']],
  ['from:charger', ['A0', 'A2', 'A4', 'A6', 'A9', 'A10', 'B0']],
  ['dir!=cp2csms', ['A1', 'A3', 'A5', 'A7', 'A8', 'A11', 'B1']],
  ['cp:CS*', ['B0', 'B1']],
  ['cp:cp001 seq:0', ['A0']],
  ['type:CALLERROR', ['A9']],
  ['type:invalid', ['A10']],
  ['type:4,invalid', ['A9', 'A10']],
  ['type:CALL*', except('A10')],
  ['type:2 action:Boot*', ['A0', 'B0']],
  ['id:s1', ['A2', 'A3']],
  ['id:s?', ['A2', 'A3', 'A4', 'A5']],
  ['session:conn_b', ['B0', 'B1']],
  ['has:error', ['A4', 'A10', 'A11']],
  ['!has:findings', except('A4', 'A10', 'A11')],
  ['rule:schema.*', ['A4']],
  ['rule:framing.not-json,correlation.unknown-id', ['A10', 'A11']],
  ['rule!=schema.enum', ['A10', 'A11']],
  ['group:correlation', ['A11']],
  ['mark:injected', ['A8']],
  ['mark:*', ['A8']],
  ['latency>500', ['A1']],
  ['latency>=0.6s', ['A1']],
  ['latency<=10', ['A3', 'A5', 'A7', 'A9']],
  ['latency!=10', ['A1', 'B1']],
  ['size>150', ['A6']],
  ['seq<1', ['A0', 'B0']],
  ['seq:1,2', ['A1', 'A2', 'B1']],
  ['time>=2025-01-01T00:00:00.720Z', ['B0', 'B1']],
  ['time:2025-01-01T00:00:00.6', ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']],
  ['code:NotSupported', ['A9']],
  ['code~support', ['A9']],
  ['text:TAG-7', ['A8']],
  ['text~"\\"status\\":\\"(Sleeping|Accepted)\\""', ['A1', 'A4', 'B1']],
  ['tag-7', ['A8']],
  ['"Remote start is off"', ['A9']],
  // A bare word also finds the responses, by the action they answer.
  ['StatusNotification', ['A2', 'A3', 'A4', 'A5']],
  ['payload.connectorId=1', ['A2', 'A6']],
  ['payload.connectorId>=2', ['A4']],
  ['payload.status!=Available', ['A1', 'A4', 'B1']],
  ['!payload.status=Available', except('A2')],
  ['payload.status=accepted,sleeping', ['A1', 'A4', 'B1']],
  ['payload.meterValue[*].sampledValue[*].value>100', ['A6']],
  ['payload.meterValue[0].sampledValue[0].value>100', []],
  ['payload.meterValue[0].sampledValue[1].value=230.50', ['A6']],
  ['payload.meterValue.*.sampledValue[*].measurand=voltage', ['A6']],
  ['payload.meterValue[0].timestamp>2025-01-01T00:00:01Z', ['A6']],
  ['payload.idTag', ['A8']],
  ['payload.chargingStation.model~^m$', ['B0']],
  ['payload.interval=300 dir:down', ['A1', 'B1']],
  // Precedence and grouping.
  ['action:BootNotification from:charger | mark:injected', ['A0', 'A8', 'B0']],
  ['action:BootNotification (from:charger | mark:injected)', ['A0', 'B0']],
  ['!(dir:up | has:findings)', ['A1', 'A3', 'A5', 'A7', 'A8', 'B1']],
  ['!dir:up & !has:findings', ['A1', 'A3', 'A5', 'A7', 'A8', 'B1']],
  ['cp:CP001 && (latency>100 || type:CALLERROR)', ['A1', 'A9']],
  ['', ALL],
];

describe.each([
  ['live frames (text in memory)', () => live],
  ['frames of an opened capture (text read from the file)', () => opened],
])('filters over %s', (_name, store) => {
  it.each(CASES)('%s', (expression, expected) => {
    expect(matching(store(), expression)).toEqual(expected);
  });
});

describe('evaluation', () => {
  it('reads the text only of frames the cheap terms let through, and parses each frame once', () => {
    let reads = 0;
    const source = {
      textOf: (frame: StoredFrame) => {
        reads++;
        return opened.textOf(frame);
      },
    };
    // Written text-first; evaluated summary-first.
    const predicate = compileFrameFilter('payload.connectorId=1 & text:Status & from:charger & action:StatusNotification', source);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const page = opened.query({ predicate, limit: 100 });
      expect(page.frames.map((f) => f.seq)).toEqual([2]);
      // Only A2 and A4 pass from:charger & action:StatusNotification.
      expect(reads).toBe(2);
      // Per frame: the capture record once, its payload once.
      expect(parse).toHaveBeenCalledTimes(4);
    } finally {
      parse.mockRestore();
    }
  });

  it('derives the payload once per frame however many terms read it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const page = live.query({ predicate: compileFrameFilter('payload.a=1 | payload.b=2 | payload.c | payload.status~x'), limit: 100 });
      expect(page.total).toBe(0);
      expect(parse).toHaveBeenCalledTimes(live.frameCount);
    } finally {
      parse.mockRestore();
    }
  });

  it('has: counts a finding of at least the severity asked', () => {
    const view = (error: number, warning: number, info: number): FrameView => ({
      summary: { session: 's', seq: 0, dir: 'cp2csms', time: '', size: 0, findings: { error, warning, info } },
      findings: [] as Finding[],
      chargePointId: undefined,
      text: () => undefined,
    });
    const frames = { error: view(1, 0, 0), warning: view(0, 1, 0), info: view(0, 0, 1), none: view(0, 0, 0) };
    const which = (expression: string): string[] => {
      const filter = compileFilter(expression);
      return Object.entries(frames).flatMap(([name, v]) => (filter.matches(v) ? [name] : []));
    };
    expect(which('has:error')).toEqual(['error']);
    expect(which('has:warning')).toEqual(['error', 'warning']);
    expect(which('has:info')).toEqual(['error', 'warning', 'info']);
    expect(which('has:findings')).toEqual(['error', 'warning', 'info']);
  });

  it('tells whether a filter may need the text', () => {
    expect(compileFilter('action:Heartbeat dir:up latency>3 has:error rule:x').readsText).toBe(false);
    expect(compileFilter('action:Heartbeat | hello').readsText).toBe(true);
    expect(compileFilter('payload.x=1').readsText).toBe(true);
  });
});

describe('store text accessor', () => {
  it('reads file-backed frames byte for byte and closes its file on clear', async () => {
    const store = new TrafficStore();
    await openCapture(store, capture);
    const texts = Array.from({ length: store.frameCount }, (_, i) => store.textOf(store.frame(i)!));
    expect(texts).toEqual(Array.from({ length: live.frameCount }, (_, i) => live.frame(i)!.text));
    expect(store.frame(0)!.text).toBeUndefined();
    // Out of order too (the block cache moves).
    expect(store.textOf(store.frame(3)!)).toBe(live.frame(3)!.text);
    expect(store.textOf(store.frame(0)!)).toBe(live.frame(0)!.text);
    const files = (store as unknown as { files: Map<string, number> }).files;
    expect(files.size).toBe(1);
    store.clear('test');
    expect(files.size).toBe(0);
  });

  it('names the file and frame when the record cannot be read', () => {
    const store = new TrafficStore();
    store.addSession({ id: 's', chargePointId: 'X', source: 'capture', state: 'closed', opened: '', frames: 0, findings: { error: 0, warning: 0, info: 0 } });
    const frame: StoredFrame = {
      summary: { index: -1, session: 's', seq: 0, dir: 'cp2csms', time: '', mono: 0, size: 1, findings: { error: 0, warning: 0, info: 0 } },
      findings: [],
      source: dir.file('gone.jsonl'),
      offset: 0,
      length: 10,
    };
    store.addFrame(frame, false);
    expect(() => store.textOf(frame)).toThrow(/Could not read frame 0 from .*gone\.jsonl/);
  });
});

describe('api', () => {
  it('frames.query filters with the language, text from the file included', async () => {
    const engine = createEngine();
    try {
      await engine.call('capture.open', { path: capture });
      const page = await engine.call('frames.query', { filter: 'cp:CP001 "TAG-7"' });
      expect(page.frames.map((f) => f.action)).toEqual(['RemoteStartTransaction']);
      await expect(engine.call('frames.query', { filter: 'latency>' })).rejects.toMatchObject({ code: 'bad-args', details: { position: 8, length: 0 } });
    } finally {
      await engine.close();
    }
  });

  it('capture.validate reports the findings of matching frames only', async () => {
    const engine = createEngine();
    try {
      const report = await engine.call('capture.validate', { path: capture, filter: 'dir:down has:error' });
      expect(report.filter).toEqual({ expression: 'dir:down has:error', frames: 1 });
      expect(report.findings.map((f) => [f.seq, f.finding.rule])).toEqual([[11, 'correlation.unknown-id']]);
      await expect(engine.call('capture.validate', { path: capture, filter: 'dir:' })).rejects.toMatchObject({ code: 'bad-args', details: { position: 4 } });
    } finally {
      await engine.close();
    }
  });

  it('filter.check accepts good and empty expressions and places errors', async () => {
    const engine = createEngine();
    try {
      await expect(engine.call('filter.check', { expression: 'action:Heartbeat | has:error' })).resolves.toEqual({ ok: true });
      await expect(engine.call('filter.check', { expression: '' })).resolves.toEqual({ ok: true });
      await expect(engine.call('filter.check', { expression: 'dir:up & (cp:x' })).rejects.toMatchObject({
        code: 'bad-args',
        message: 'Filter error at 9: this "(" is never closed',
        details: { position: 9, length: 1 },
      });
      await expect(engine.call('filter.check', {} as { expression: string })).rejects.toMatchObject({ code: 'bad-args', message: expect.stringContaining('"expression"') });
    } finally {
      await engine.close();
    }
  });

  it('filter.help lists every field with an example that compiles, and the operators', async () => {
    const engine = createEngine();
    try {
      const help = await engine.call('filter.help', {});
      expect(help.fields.map((f) => f.name)).toContain('payload');
      for (const f of help.fields) expect(() => compileFilter(f.example), f.example).not.toThrow();
      for (const o of [...help.operators, ...help.comparisons]) expect(() => compileFilter(o.example), o.example).not.toThrow();
      expect(help.operators.map((o) => o.symbol)).toEqual(['!', '&', '|', '( )', '"…"']);
      for (const f of help.fields) expect(help.text).toContain(f.syntax);
    } finally {
      await engine.close();
    }
  });
});
