// Browser mode end to end: the built UI served by `ocpp-bench serve`, in Chromium.
import { join } from 'node:path';
import { writeSyntheticCapture } from '../engine/testing/synthetic-capture';
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

test('the app loads in browser mode on its start page', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('start-page').waitFor();
  expect(await page.title()).toBe('OCPP Bench');
  await screenshot(page, 'browser-start-page');
});

test('api round trip: the engine answers over the WebSocket and its version is shown', async ({ app }) => {
  await expect.poll(() => app.page.getByTestId('status-bar').textContent()).toMatch(/ocpp-bench \d+\.\d+\.\d+/);
});

test('opening a capture through the start page shows its frames', async ({ app, dataDir }) => {
  const { page } = app;
  const capture = await writeSyntheticCapture(join(dataDir, 'bench.jsonl'), { frames: 60, chargers: 2, errorEvery: 10 });
  await page.getByTestId('capture-path').fill(capture.path);
  await page.getByTestId('capture-open').click();
  await page.getByTestId('view-traffic').waitFor();
  await page.getByTestId('frame-row').first().waitFor();
  await expect.poll(() => page.getByTestId('status-frames').textContent()).toContain('60 frames');
  const first = page.getByTestId('frame-row').first();
  expect(await first.textContent()).toContain('BootNotification');
  expect(await page.getByTestId('session-item').count()).toBe(2);
  await screenshot(page, 'browser-traffic-capture');
});

test('a capture that does not exist is refused with the reason, in the form', async ({ app, dataDir }) => {
  const { page } = app;
  await page.getByTestId('capture-path').fill(join(dataDir, 'missing.jsonl'));
  await page.getByTestId('capture-open').click();
  await expect.poll(() => page.getByTestId('capture-error').textContent()).toMatch(/missing\.jsonl/);
});

test('the page needs the token: without it the server refuses', async ({ serve }) => {
  const bare = serve.url.replace(/\?.*$/, '');
  const res = await fetch(bare);
  expect(res.status).toBe(401);
  expect(await res.text()).toContain('ocpp-bench serve');
});
