// A session seen three ways: the frame table, the sequence diagram, and charts of its
// meter values, from an opened capture.
import { join } from 'node:path';
import { writeSyntheticCapture } from '../engine/testing/synthetic-capture';
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

test('a session as a sequence diagram and as meter charts', async ({ app, dataDir }) => {
  const { page } = app;
  const capture = await writeSyntheticCapture(join(dataDir, 'sessions.jsonl'), { frames: 600, chargers: 2, errorEvery: 20, spacingMs: 500 });
  await page.getByTestId('capture-path').fill(capture.path);
  await page.getByTestId('capture-open').click();
  await page.getByTestId('frame-row').first().waitFor();
  // Loaded: the whole capture is in the view and the engine has stopped reading.
  await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total'), { timeout: 30_000 }).toBe(String(capture.frames));
  await page.getByTestId('capture-opening').waitFor({ state: 'detached' });
  await page.getByTestId('session-item').first().click();
  await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total')).toBe(String(capture.frames / 2));

  await page.getByTestId('traffic-shape-sequence').click();
  const arrow = page.getByTestId('seq-arrow').first();
  await arrow.waitFor();
  expect(await arrow.textContent()).toContain('BootNotification');
  expect(await arrow.getAttribute('class')).toContain('seq-cp2csms');
  await page.getByTestId('seq-arrow').nth(1).dispatchEvent('mousedown');
  await expect.poll(() => page.getByTestId('inspector').textContent()).toContain('RESULT BootNotification');
  await screenshot(page, 'traffic-sequence');

  await page.getByTestId('traffic-shape-charts').click();
  const charts = page.getByTestId('session-charts');
  await charts.waitFor();
  await page.getByTestId('meter-chart').first().waitFor();
  expect(await page.locator('[data-testid="meter-chart"] path.chart-line').count()).toBeGreaterThan(0);
  await screenshot(page, 'traffic-charts');
});
