// A large capture opens and scrolls: only the pages near the screen are fetched, rows far
// down render with their own numbers, and a filter runs in the engine over all of it.
import { join } from 'node:path';
import { writeSyntheticCapture } from '../engine/testing/synthetic-capture';
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

const FRAMES = 200_000;

test(`a ${FRAMES.toLocaleString('en-US')}-frame capture opens and scrolls end to end`, async ({ app, dataDir }) => {
  const { page } = app;
  const capture = await writeSyntheticCapture(join(dataDir, 'large.jsonl'), { frames: FRAMES, chargers: 20, errorEvery: 500 });
  await page.getByTestId('capture-path').fill(capture.path);
  await page.getByTestId('capture-open').click();
  await page.getByTestId('frame-row').first().waitFor({ timeout: 60_000 });
  // Rows may show while the engine is still loading; the whole capture is there when it has finished.
  await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total'), { timeout: 60_000 }).toBe(String(capture.frames));
  // No warning: the capture is clean, and the served engine split the load across its worker
  // threads (had they failed to start, it would have said it opened in one thread).
  expect(await page.getByTestId('alerts').count()).toBe(0);

  // Jump to the middle and to the end: the rows there are the right ones, and the DOM holds a screenful.
  const scroll = page.getByTestId('frame-scroll');
  for (const fraction of [0.5, 1]) {
    await scroll.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), fraction);
    const expected = fraction === 1 ? capture.frames : Math.round(capture.frames * fraction);
    await expect
      .poll(async () => {
        const numbers = await page.locator('[data-testid="frame-row"] .fc:first-child').allTextContents();
        return numbers.some((n) => Math.abs(Number(n) - expected) < 40);
      })
      .toBe(true);
    expect(await page.locator('.fr').count()).toBeLessThan(120);
  }
  const fps = await scroll.evaluate(async (el) => {
    let frames = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        frames++;
        el.scrollTop = ((now - start) / 1500) * (el.scrollHeight - el.clientHeight);
        if (now - start < 1500) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return frames / 1.5;
  });
  console.log(`scrolling a ${capture.frames}-frame capture: ${fps.toFixed(1)} frames/s`);
  expect(fps).toBeGreaterThan(20);
  await screenshot(page, 'traffic-large-capture');

  await page.getByTestId('filter-input').fill('has:error');
  await page.getByTestId('filter-input').press('Enter');
  await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total'), { timeout: 30_000 }).toBe(String(capture.invalid));
});
