// The desktop app end to end (Playwright's Electron driver). Skips, saying why, where the
// Electron binary is missing or there is no display.
import { join } from 'node:path';
import { writeSyntheticCapture } from '../engine/testing/synthetic-capture';
import { screenshot } from './fixtures/artifacts';
import { electronTest as test } from './fixtures/electron';
import { expect } from 'vitest';

test('launches one window showing our page, with isolation and sandbox on', async ({ desktop }) => {
  const { electron, window } = desktop;
  expect(await window.title()).toBe('OCPP Bench');
  expect(window.url()).toBe('app://bench/index.html');
  expect(await electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // The page sees the bridge and nothing of Node (isolation on, no Node integration).
  const page = await window.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as Record<string, object>)['ocppBench'] ?? {}).sort(),
    require: typeof (globalThis as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
  }));
  expect(page).toEqual({ bridge: ['call', 'on', 'openFile', 'pathForFile', 'saveFile', 'savePdf', 'showItemInFolder'], require: 'undefined', process: 'undefined' });
  await screenshot(window, 'electron-start-page');
});

test('api round trip over IPC: the engine answers, errors come back as data', async ({ desktop }) => {
  const { window } = desktop;
  const replies = await window.evaluate(async () => {
    const bridge = (globalThis as unknown as { ocppBench: { call(n: string, a: unknown): Promise<unknown> } }).ocppBench;
    return [await bridge.call('engine.info', {}), await bridge.call('no.such.command', {})];
  });
  expect(replies[0]).toMatchObject({ ok: true, result: { tool: 'ocpp-bench' } });
  expect(replies[1]).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  await expect.poll(() => window.getByTestId('status-bar').textContent()).toMatch(/ocpp-bench \d+\.\d+\.\d+/);
});

test('navigation away from the app and new windows are refused', async ({ desktop }) => {
  const { electron, window } = desktop;
  await window.evaluate(() => {
    globalThis.open('https://example.com/', '_blank');
    globalThis.location.href = 'https://example.com/';
  });
  await expect.poll(() => window.url()).toBe('app://bench/index.html');
  expect(await electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('opens a capture and shows its frames', async ({ desktop }) => {
  const { window, dataDir } = desktop;
  const capture = await writeSyntheticCapture(join(dataDir, 'electron.jsonl'), { frames: 40, chargers: 2 });
  await window.getByTestId('capture-path').fill(capture.path);
  await window.getByTestId('capture-open').click();
  await window.getByTestId('view-traffic').waitFor();
  await window.getByTestId('frame-row').first().waitFor();
  await expect.poll(() => window.getByTestId('status-frames').textContent()).toContain('40 frames');
  await screenshot(window, 'electron-traffic-capture');
});
