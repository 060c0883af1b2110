// Opening a capture split by connection — in this thread or in worker threads — must give
// exactly the store an unsplit load gives: frames in file order, findings (late ones too),
// pairs, sessions and warnings, each once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CaptureReadError, readCapture } from '../capture/reader';
import { tempDir } from '../testing/tmp';
import { writeSyntheticCapture } from '../testing/synthetic-capture';
import { openCapture, type OpenOptions } from './open-capture';
import { TrafficStore } from './store';

const dir = tempDir('ocpp-bench-open-');
// The worker as the front ends ship it, bundled by scripts/build.mjs; inside the project,
// so that its dependencies resolve from node_modules as they do for dist/.
mkdirSync('.tmp', { recursive: true });
const workerDir = mkdtempSync(join('.tmp', 'open-worker-'));
const workerScript = join(process.cwd(), workerDir, 'load-worker.mjs');
beforeAll(async () => {
  await build({ entryPoints: ['engine/traffic/load-worker.ts'], outfile: workerScript, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
}, 30_000);
afterAll(() => {
  dir.remove();
  rmSync(workerDir, { recursive: true, force: true });
});

const frame = (conn: string, seq: number, dir: string, text: string, mono: number, extra = '') =>
  `{"type":"frame","conn":"${conn}","seq":${seq},"dir":"${dir}","text":${JSON.stringify(text)},"time":"2026-11-21T09:00:${String(mono).padStart(2, '0')}.000Z","mono":${mono * 1000}${extra}}`;

/** A capture with every kind of line a load must place: written by the tool, by hand, broken. */
function trickyCapture(): string {
  const lines = [
    '{"type":"header","format":"ocpp-bench-capture","version":1,"tool":"ocpp-bench","toolVersion":"0.1.0","started":"2026-11-21T09:00:00.000Z","mode":"proxy"}',
    '{"type":"open","conn":"conn_a","time":"2026-11-21T09:00:00.000Z","mono":0,"chargePointId":"CPA","path":"/ocpp/CPA","offeredSubprotocols":["ocpp1.6"],"subprotocol":"ocpp1.6"}',
    '{"type":"open","conn":"conn_b","time":"2026-11-21T09:00:00.000Z","mono":0,"chargePointId":"CPB","path":"/ocpp/CPB","offeredSubprotocols":["ocpp2.0.1"],"subprotocol":"ocpp2.0.1","tls":{"version":"TLSv1.3"}}',
    '{"type":"fail","conn":"conn_c","time":"2026-11-21T09:00:00.500Z","mono":500,"chargePointId":"CPC","path":"/ocpp/CPC","offeredSubprotocols":["ocpp1.6"],"status":401,"reason":"wrong password"}',
    // An id written with an escape: its owner is known only once the line is parsed.
    '{"type":"open","conn":"conn_\\u0065sc","time":"2026-11-21T09:00:01.000Z","mono":1000,"chargePointId":"CPE","path":"/ocpp/CPE","offeredSubprotocols":["ocpp1.6"],"subprotocol":"ocpp1.6"}',
    frame('conn_a', 0, 'cp2csms', '[2,"a1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]', 1),
    frame('conn_b', 0, 'cp2csms', '[2,"b1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]', 2),
    frame('conn_a', 1, 'csms2cp', '[3,"a1",{"status":"Accepted","currentTime":"2026-11-21T09:00:01Z","interval":300}]', 3),
    frame('conn_b', 1, 'csms2cp', '[3,"b1",{"status":"Accepted","currentTime":"2026-11-21T09:00:02Z","interval":300}]', 4),
    '{"type":"frame","conn":"conn_\\u0065sc","seq":0,"dir":"cp2csms","text":"[2,\\"e1\\",\\"Heartbeat\\",{}]","time":"2026-11-21T09:00:05.000Z","mono":5000}',
    // Broken in the middle: reported once, by the part that owns conn_a.
    '{"type":"frame","conn":"conn_a","seq":2,"dir":"cp2csms","te',
    frame('conn_a', 2, 'cp2csms', '[2,"a2","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]', 6),
    frame('conn_b', 2, 'csms2cp', '[2,"b2","Reset",{"type":"Immediate"}]', 7),
    '{"type":"event","conn":"conn_a","time":"2026-11-21T09:00:08.000Z","mono":8000,"dir":"cp2csms","event":"ping"}',
    // Written by hand: other key order, so placed only after parsing.
    '{"seq":3,"conn":"conn_a","type":"frame","dir":"csms2cp","text":"[3,\\"a2\\",{}]","time":"2026-11-21T09:00:09.000Z","mono":9000}',
    '{"type":"frame","conn":"conn_a","seq":4,"dir":"cp2csms","binary":"AAEC","marks":["binary"],"time":"2026-11-21T09:00:10.000Z","mono":10000}',
    frame('ghost', 0, 'cp2csms', '[2,"g1","Heartbeat",{}]', 11),
    '[1,2,3]',
    '{"type":"note","time":"2026-11-21T09:00:12.000Z","mono":12000,"text":"operator: unplugged"}',
    '{"type":"future","conn":"conn_a","time":"2026-11-21T09:00:12.000Z","mono":12000}',
    frame('conn_a', 5, 'cp2csms', '[2,"a3","Heartbeat",{}]', 13, ',"marks":["delayed"],"why":"rule 1"'),
    frame('conn_a', 6, 'csms2cp', '[3,"a3",{"currentTime":"2026-11-21T09:00:13Z"}]', 14),
    '{"type":"close","conn":"conn_a","time":"2026-11-21T09:00:15.000Z","mono":15000,"code":1000,"by":"charger","how":"clean"}',
    frame('conn_b', 3, 'cp2csms', '[2,"b3","Heartbeat",{}]', 59),
    // The escaped id's connection again, now written plainly: the same part must own it.
    frame('conn_esc', 1, 'csms2cp', '[3,"e1",{"currentTime":"2026-11-21T09:00:05Z"}]', 59),
  ];
  // conn_b never closes; the last line is torn (the recording was cut off).
  return lines.join('\n') + '\n{"type":"frame","conn":"conn_b","seq":4,"di';
}

/** Everything a load puts in the store, to compare loads. */
async function load(path: string, options: OpenOptions) {
  const store = new TrafficStore();
  const opened = await openCapture(store, path, options);
  const frames = Array.from({ length: store.frameCount }, (_, i) => {
    const f = store.frame(i)!;
    return { summary: f.summary, findings: f.findings.map((x) => x.rule), offset: f.offset, length: f.length };
  });
  store.closeFiles();
  return { opened: { ...opened, millis: 0 }, frames, sessions: store.sessionList() };
}

describe('opening a capture in parts', () => {
  const path = dir.file('tricky.jsonl');
  writeFileSync(path, trickyCapture());

  it('loads the tricky capture as expected when not split', async () => {
    const whole = await load(path, { parts: 1 });
    expect(whole.opened).toMatchObject({ sessions: 5, frames: 14 });
    expect(whole.opened.warnings).toEqual([
      'line 11 is not valid JSON and was skipped',
      'line 17: frame of connection ghost, which was never opened in this capture',
      'line 18 is not a capture record and was skipped',
      'the last line (line 26) is incomplete; the recording was probably interrupted, and it was skipped',
    ]);
    expect(whole.sessions.map((s) => [s.id, s.state, s.frames])).toEqual([
      ['conn_a', 'closed', 7],
      ['conn_b', 'open', 4],
      ['conn_c', 'failed', 0],
      ['conn_esc', 'open', 2],
      ['ghost', 'open', 1],
    ]);
    const bySeq = (conn: string, seq: number) => whole.frames.find((f) => f.summary.session === conn && f.summary.seq === seq)!;
    expect(bySeq('conn_a', 2).findings).toContain('schema.enum');
    expect(bySeq('conn_a', 4).findings).toContain('framing.binary-frame');
    expect(bySeq('conn_a', 5).summary.marks).toEqual(['delayed']);
    // The Reset never answered: found when conn_b ends with the capture's last record.
    expect(bySeq('conn_b', 2).findings).toContain('correlation.response-timeout');
    expect(bySeq('conn_a', 1).summary.pair).toBe(bySeq('conn_a', 0).summary.index);
    expect(bySeq('conn_a', 3).summary).toMatchObject({ action: 'StatusNotification', latencyMs: 3000 });
    expect(bySeq('conn_esc', 1).summary.pair).toBe(bySeq('conn_esc', 0).summary.index);
  });

  it.each([2, 3, 5])('in %i parts in this thread, gives the same store as in one', async (parts) => {
    const whole = await load(path, { parts: 1 });
    expect(await load(path, { parts, workerScript: undefined })).toEqual(whole);
  });

  it('in worker threads, gives the same store as in one thread', async () => {
    const whole = await load(path, { parts: 1 });
    expect(await load(path, { parts: 2, workerScript })).toEqual(whole);
    expect(await load(path, { parts: 3, workerScript })).toEqual(whole);
  });

  it('reads each record in exactly one part, and skips the lines of other parts unparsed', async () => {
    const lines = async (parts: number, part: number) => {
      const seen: number[] = [];
      const warned: number[] = [];
      for await (const r of readCapture(path, { partition: { part, parts }, onWarning: (w) => warned.push(w.line) })) if (r.line > 1) seen.push(r.line);
      return { seen, warned };
    };
    const whole = await lines(1, 0);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const split = await Promise.all([0, 1, 2].map((part) => lines(3, part)));
      expect(split.flatMap((p) => p.seen).sort((a, b) => a - b)).toEqual(whole.seen);
      expect(split.flatMap((p) => p.warned).sort((a, b) => a - b)).toEqual(whole.warned);
      // 25 complete lines and a torn one: each part parses the header, its own lines and
      // the five whose layout does not say whose they are (two escaped ids, the hand-written
      // frame, two that are not records), but not the others' lines.
      expect(parse.mock.calls.length).toBeLessThan(3 * (1 + 5) + 21);
    } finally {
      parse.mockRestore();
    }
  });

  it('fails in worker threads as in one thread, naming the file', async () => {
    const bad = dir.file('not-a-capture.jsonl');
    writeFileSync(bad, 'hello\n');
    await expect(openCapture(new TrafficStore(), bad, { parts: 2, workerScript })).rejects.toThrow(new CaptureReadError(bad, 'not an ocpp-bench capture: line 1 is not a JSON header', 1).message);
    await expect(openCapture(new TrafficStore(), dir.file('missing.jsonl'), { parts: 2, workerScript })).rejects.toThrow(/missing\.jsonl: no such file/);
  });

  it.each([
    ['this thread', { parts: 2, workerScript: undefined }],
    ['worker threads', { parts: 2, workerScript: '' }],
  ])('in %s, stops a load when another open replaces the store or the store is cleared: nothing of it lands', async (_, how) => {
    const options: OpenOptions = { ...how, ...(how.workerScript === '' ? { workerScript } : {}) };
    const big = dir.file('big.jsonl');
    await writeSyntheticCapture(big, { frames: 20_000, chargers: 4 });
    const store = new TrafficStore();
    const first = openCapture(store, big, options);
    const second = openCapture(store, path, options);
    await expect(first).rejects.toMatchObject({ code: 'conflict', message: `Opening ${big} stopped before it finished: the traffic store was replaced (opened ${path})` });
    await second;
    const alone = await load(path, { parts: 1 });
    expect(store.frameCount).toBe(alone.frames.length);
    expect(store.sessionList()).toEqual(alone.sessions);

    const third = openCapture(store, big, options);
    store.clear('cleared by the user');
    await expect(third).rejects.toThrow('the traffic store was cleared (cleared by the user)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.frameCount).toBe(0);
    store.closeFiles();
  });

  it('loads in this thread, and says so, when a worker cannot start', async () => {
    const broken = dir.file('broken-worker.mjs');
    writeFileSync(broken, 'import "no-such-package-anywhere";\n');
    const whole = await load(path, { parts: 1 });
    const fallback = await load(path, { parts: 2, workerScript: broken });
    expect(fallback.frames).toEqual(whole.frames);
    expect(fallback.opened.warnings[0]).toMatch(/^Opened in one thread: the capture loader's worker thread could not start/);
    expect(fallback.opened.warnings.slice(1)).toEqual(whole.opened.warnings);
  });
});
