// `npm run bench -- ui [--frames N] [--live-rate R]`: the UI with a large capture, in browser
// mode (in-process engine + `serve`, the built UI in Debian's Chromium through playwright-core).
//
// Measures, on a synthetic 1,000,000-frame OCPP 1.6 capture written with the real
// CaptureWriter: time from "Open" to the first rows on screen and to the whole capture
// loaded; memory (this process's RSS, which holds the engine, and the page's JS heap); the
// frame rate while scrolling the frame table; and while R frames/s (default 2000) stream in
// live through a LiveRecorder. Baselines from the same run: a plain pass over the file (read
// and JSON.parse every line, no judging), the engine's open in one thread (without the
// worker threads a big capture is split across), and a naive table with every row in the DOM.
// Needs `npm run build` (the UI) and Chromium (see DEVELOPERS.md).
import { createReadStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServe } from '../cli/serve/server';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures/browser';
import { measureFrameRate, measureScrollGesture, pageHeapMb, renderNaiveTable, scrollToEnd, tableTotal, waitForTableTotal, type FrameRate } from '../e2e/fixtures/measure';
import type { ApiClient } from '../api/client';
import { createEngine } from '../engine/engine';
import { writeSyntheticCapture } from '../engine/testing/synthetic-capture';
import { LiveRecorder } from '../engine/traffic/recorder';
import { defaultParts, openCapture } from '../engine/traffic/open-capture';
import { TrafficStore } from '../engine/traffic/store';
import { printResult, round } from './lib/report';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const FRAMES = option('--frames', 1_000_000);
const LIVE_RATE = option('--live-rate', 2000);
const LIVE_SECONDS = 5;
const SCROLL_MS = 4000;
const SCROLL_SPEED = 6000;
const NAIVE_ROWS = 20_000;
const RENDERER_DIR = 'dist/renderer';
const mb = (bytes: number) => round(bytes / 1e6, 1);
const log = (line: string) => process.stderr.write(`[bench ui] ${line}\n`);

async function main(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('The UI is not built: run `npm run build` first');
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('No Chromium: `apt-get install -y chromium` (see DEVELOPERS.md)');

  // The capture is deterministic: written once per size, kept in .tmp/ for later runs.
  mkdirSync('.tmp/bench-ui', { recursive: true });
  const capturePath = join('.tmp/bench-ui', `capture-${FRAMES}.jsonl`);
  const figures: Record<string, number | string> = { frames: FRAMES };
  if (!existsSync(capturePath)) {
    log(`writing a ${FRAMES}-frame capture to ${capturePath}…`);
    const t = performance.now();
    await writeSyntheticCapture(capturePath + '.part', { frames: FRAMES, chargers: 50 });
    renameSync(capturePath + '.part', capturePath);
    figures['capture_write_s'] = round((performance.now() - t) / 1000, 1);
  }
  figures['capture_mb'] = mb(statSync(capturePath).size);

  log('baseline: a plain pass over the file (read + JSON.parse every line)…');
  figures['baseline_plain_pass_ms'] = Math.round(await plainPass(capturePath));
  // The load as it was before it was split across worker threads: in the engine's own thread.
  log('baseline: the engine opening the capture in one thread (no workers, no UI)…');
  figures['baseline_one_thread_open_ms'] = await oneThreadOpen(capturePath);
  figures['open_parts'] = defaultParts(capturePath, 'workers');
  // The baseline's garbage is not the engine's: start the measured part from a clean heap
  // (scripts/bench.mjs runs benchmarks with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();

  const engine = createEngine();
  // The engine as the page reaches it, noting when `capture.open` answers.
  let openDone: number | undefined;
  let openMillis: number | undefined;
  const timed: ApiClient = {
    call: async (name, callArgs) => {
      const result = await engine.call(name, callArgs);
      if (name === 'capture.open') {
        openDone = performance.now();
        openMillis = (result as { millis: number }).millis;
      }
      return result;
    },
    on: (name, listener) => engine.on(name, listener),
  };
  const server = await startServe({ api: timed, rendererDir: RENDERER_DIR });
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.getByTestId('capture-path').waitFor();
    const rssBefore = process.memoryUsage().rss;
    figures['engine_rss_before_mb'] = mb(rssBefore);

    log('opening the capture through the UI…');
    await page.getByTestId('capture-path').fill(join(process.cwd(), capturePath));
    const t0 = performance.now();
    await page.getByTestId('capture-open').click();
    try {
      await page.getByTestId('frame-row').first().waitFor({ timeout: 180_000 });
    } catch (err) {
      await page.screenshot({ path: '.tmp/bench-ui/no-rows.png' });
      log(`no rows after 180 s; capture.open ${openDone === undefined ? 'has not answered' : `answered after ${Math.round(openDone - t0)} ms`}; page says: ${await page.locator('body').innerText()}`);
      throw err;
    }
    figures['first_rows_ms'] = Math.round(performance.now() - t0);
    // Loaded: the engine has answered capture.open and the table counts every frame.
    while (openDone === undefined && performance.now() - t0 < 180_000) await new Promise((r) => setTimeout(r, 20));
    if (openDone === undefined) throw new Error('capture.open did not answer within 180 s');
    figures['engine_open_ms'] = Math.round(openDone - t0);
    figures['engine_open_millis_reported'] = openMillis ?? NaN;
    try {
      await waitForTableTotal(page, { equals: FRAMES }, 15_000);
      figures['full_open_ms'] = Math.round(performance.now() - t0);
    } catch {
      // The table never counted the whole capture: say so rather than report a time.
      const shown = await tableTotal(page);
      figures['full_open_ms'] = NaN;
      figures['ui_total_after_open'] = shown;
      await page.screenshot({ path: '.tmp/bench-ui/incomplete-open.png' });
      log(`the table shows ${shown} of ${FRAMES} frames after the engine finished opening (screenshot: .tmp/bench-ui/incomplete-open.png)`);
    }
    figures['engine_rss_mb'] = mb(process.memoryUsage().rss);
    figures['engine_rss_for_capture_mb'] = mb(process.memoryUsage().rss - rssBefore);
    figures['engine_heap_mb'] = mb(process.memoryUsage().heapUsed);
    figures['page_heap_mb'] = await pageHeapMb(page);

    log('scrolling the frame table…');
    await page.getByTestId('frame-scroll').waitFor();
    // What this machine's headless Chromium gives an idle page: the ceiling for the rates below.
    addRate(figures, 'idle', await measureFrameRate(page, { selector: '[data-testid="frame-scroll"]', durationMs: 2000, pxPerFrame: 0 }));
    // Wheel scrolling through Chromium's own gesture, brisk: ~270 rows a second.
    const scroll = await measureScrollGesture(page, { selector: '[data-testid="frame-scroll"]', durationMs: SCROLL_MS, speedPxPerSec: SCROLL_SPEED, rowSelector: '[role="row"]', blankSelector: '.fr-loading' });
    addRate(figures, 'scroll', scroll);
    // Jumps of 5000 rows every frame, as dragging the scrollbar does: rows must be fetched each time.
    const jump = await measureFrameRate(page, { selector: '[data-testid="frame-scroll"]', durationMs: 2000, pxPerFrame: 22 * 5000, rowSelector: '[role="row"]', blankSelector: '.fr-loading' });
    addRate(figures, 'scroll_jumps', jump);

    // The naive baseline shows the same summaries; take them before the live run clears the store.
    const naiveRows = await summaryRows(engine, Math.min(NAIVE_ROWS, FRAMES));

    log(`streaming ${LIVE_RATE} frames/s live for ${LIVE_SECONDS} s…`);
    const live = await streamLive(engine, page, LIVE_RATE, LIVE_SECONDS);
    addRate(figures, 'live', live.rate);
    figures['live_frames_sent'] = live.sent;
    figures['live_frames_shown'] = live.shown;

    log(`baseline: a naive table with ${NAIVE_ROWS} rows in the DOM…`);
    const naive = await naiveBaseline(browser, naiveRows);
    figures['naive_rows'] = naive.rows;
    figures['naive_render_ms'] = naive.renderMs;
    figures['naive_render_1m_estimate_ms'] = Math.round((naive.renderMs * FRAMES) / naive.rows);
    figures['naive_page_heap_mb'] = naive.heapMb;
    addRate(figures, 'naive_scroll', naive.scroll);

    if (problems.length > 0) figures['page_errors'] = problems.join(' | ');
  } finally {
    await browser.close();
    await server.close();
    await engine.close();
  }

  const first = figures['first_rows_ms'] as number;
  const full = figures['full_open_ms'] as number; // NaN when the table never showed every frame
  const fps = figures['scroll_fps'] as number;
  printResult({
    bench: 'ui',
    figures,
    targets: { first_rows_ms: '< 2000', full_open_ms: '< 5000', scroll_fps: '>= 50' },
    met: { first_rows_ms: first < 2000, full_open_ms: full < 5000, scroll_fps: fps >= 50 },
  });
}

function addRate(figures: Record<string, number | string>, name: string, rate: FrameRate): void {
  figures[`${name}_fps`] = rate.fps;
  figures[`${name}_p95_frame_ms`] = rate.p95FrameMs;
  figures[`${name}_max_frame_ms`] = rate.maxFrameMs;
  if (rate.blankShare > 0 || name.startsWith('scroll')) figures[`${name}_blank_share`] = rate.blankShare;
  if (rate.scrolledPx > 0) figures[`${name}_px`] = rate.scrolledPx;
}

async function oneThreadOpen(path: string): Promise<number> {
  const store = new TrafficStore();
  try {
    const opened = await openCapture(store, path, { parts: 1, workerScript: undefined });
    if (opened.frames !== FRAMES) throw new Error(`the one-thread open read ${opened.frames} frames, not ${FRAMES}`);
    return opened.millis;
  } finally {
    store.clear('bench');
  }
}

async function plainPass(path: string): Promise<number> {
  const t = performance.now();
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (line !== '') JSON.parse(line);
    n++;
  }
  if (n === 0) throw new Error('empty capture');
  return performance.now() - t;
}

/** Clears the store, streams frames through a LiveRecorder at `rate` per second, measures the page meanwhile. */
async function streamLive(engine: ReturnType<typeof createEngine>, page: Page, rate: number, seconds: number): Promise<{ rate: FrameRate; sent: number; shown: number }> {
  await engine.call('traffic.clear', {});
  await waitForTableTotal(page, { equals: 0 }, 10_000);
  const recorder = new LiveRecorder({ source: 'sim', store: engine.traffic });
  const sessions = Array.from({ length: 10 }, (_, i) =>
    recorder.open({ path: `/ocpp/LIVE${i}`, chargePointId: `LIVE${i}`, offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' }),
  );
  let sent = 0;
  const started = performance.now();
  const pump = () => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      const s = sessions[Math.floor(sent / 2) % sessions.length]!;
      const id = `L${Math.floor(sent / 2)}`;
      s.frame(sent % 2 === 0 ? 'cp2csms' : 'csms2cp', sent % 2 === 0 ? `[2,"${id}","Heartbeat",{}]` : `[3,"${id}",{"currentTime":"${new Date().toISOString()}"}]`);
      sent++;
    }
  };
  const timer = setInterval(pump, 5);
  try {
    // Follow the tail, as a user watching live traffic does.
    await waitForTableTotal(page, { atLeast: 1 }, 10_000);
    await scrollToEnd(page, '[data-testid="frame-scroll"]');
    const measured = await measureFrameRate(page, { selector: '[data-testid="frame-scroll"]', durationMs: seconds * 1000, pxPerFrame: 0 });
    return { rate: measured, sent, shown: await tableTotal(page) };
  } finally {
    clearInterval(timer);
    for (const s of sessions) s.close('bench', 'clean', { code: 1000 });
    await recorder.close();
  }
}

async function summaryRows(engine: ReturnType<typeof createEngine>, count: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (let offset = 0; rows.length < count; offset += 10_000) {
    const page = await engine.call('frames.query', { offset, limit: Math.min(10_000, count - rows.length) });
    if (page.frames.length === 0) break;
    for (const f of page.frames) rows.push([String(f.index + 1), f.time, f.dir, f.kind ?? '', f.action ?? '', f.messageId ?? '', f.latencyMs === undefined ? '' : String(f.latencyMs), String(f.findings.error)]);
  }
  return rows;
}

async function naiveBaseline(browser: Browser, rows: string[][]): Promise<{ rows: number; renderMs: number; heapMb: number; scroll: FrameRate }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><body></body>');
    const table = await renderNaiveTable(page, rows);
    const scroll = await measureScrollGesture(page, { selector: '#naive', durationMs: SCROLL_MS, speedPxPerSec: SCROLL_SPEED });
    return { ...table, heapMb: await pageHeapMb(page), scroll };
  } finally {
    await context.close();
  }
}

await main();
