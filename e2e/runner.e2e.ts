// The test runner end to end: a small 1.6 plan against the built-in simulator, its operator
// prompt answered in the UI, results down to the frames, and the report exported.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

test('runs a 1.6 case against the simulator with an operator prompt answered in the UI, and exports the report', async ({ app, dataDir }) => {
  const { page } = app;
  await page.getByTestId('nav-runner').click();
  const manual = page.locator('[data-testid="case-checkbox"][data-case="TC_003_CS"]');
  await manual.check();
  await page.getByTestId('run-ask-operator').check();
  await page.getByTestId('run-start').click();

  // Every prompt the case asks is answered by the "operator" in a dialog.
  const prompt = page.getByTestId('operator-prompt');
  await prompt.waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('prompt-text').textContent()).not.toBe('');
  await screenshot(page, 'runner-prompt');
  // Answer each prompt as it comes, until the results are in.
  const row = page.locator('[data-testid="result-row"][data-case="TC_003_CS"]');
  for (let answered = 0; answered < 10; answered++) {
    await page.locator('[data-testid="operator-prompt"], [data-testid="result-row"]').first().waitFor({ timeout: 30_000 });
    if (await row.isVisible()) break;
    const text = await page.getByTestId('prompt-text').textContent();
    await page.locator('[data-testid="prompt-done"], [data-testid="prompt-yes"]').first().click();
    // The next prompt is a new one (or none): wait until this one has gone.
    await page.waitForFunction((asked) => document.querySelector('[data-testid="prompt-text"]')?.textContent !== asked, text, { timeout: 30_000 });
  }

  await row.waitFor({ timeout: 30_000 });
  expect(await row.getAttribute('data-verdict')).toBe('pass');
  expect(await page.getByTestId('run-progress').getAttribute('data-state')).toBe('finished');
  expect(await page.getByTestId('case-step').count()).toBeGreaterThan(3);
  expect(await page.getByTestId('transcript').textContent()).toContain('BootNotification');
  await screenshot(page, 'runner-results');

  const out = join(dataDir, 'report.xml');
  await page.getByTestId('export-path').fill(out);
  await page.getByTestId('export-write').click();
  await expect.poll(() => page.getByTestId('export-message').textContent()).toContain('JUnit XML');
  expect(existsSync(out)).toBe(true);
  expect(readFileSync(out, 'utf8')).toContain('TC_003_CS');

  // In a browser the report downloads.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-html').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^run_.*\.html$/);
});
