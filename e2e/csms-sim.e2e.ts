// The CSMS console and the simulator panel end to end: a CSMS and a simulated charger both
// started from the UI, the charger driven by operator actions, and a command sent to it
// from the console's composer.
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

test('the CSMS console sends a command to a simulated charger started from the simulator panel', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('nav-csms').click();
  await page.getByTestId('csms-listen').fill('127.0.0.1:0');
  await page.getByTestId('csms-start').click();
  const csmsUrl = (await page.getByTestId('csms-url').textContent()) ?? '';
  expect(csmsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

  await page.getByTestId('nav-sim').click();
  await page.getByTestId('sim-url').fill(`${csmsUrl}/ocpp`);
  await page.getByTestId('sim-id').fill('SIM-E2E');
  await page.getByTestId('sim-connectors').fill('1');
  await page.getByTestId('sim-start').click();
  await expect.poll(() => page.getByTestId('sim-registration').textContent(), { timeout: 15_000 }).toBe('accepted');

  // The operator's hands: plug in, present a card; the charger starts charging.
  await page.getByTestId('sim-plug-in').click();
  await expect.poll(() => page.getByTestId('sim-connector-status').textContent()).toBe('Preparing');
  await page.getByTestId('sim-present').click();
  await expect.poll(() => page.getByTestId('sim-connector-status').textContent(), { timeout: 15_000 }).toBe('Charging');
  await screenshot(page, 'sim-view');

  await page.getByTestId('nav-csms').click();
  await page.getByTestId('csms-charger').filter({ hasText: 'SIM-E2E' }).click();
  await expect.poll(() => page.getByTestId('csms-connectors').textContent()).toContain('Charging');
  await page.getByTestId('csms-transactions').waitFor();
  await screenshot(page, 'csms-charger-state');

  await page.getByTestId('csms-tab-send').click();
  await page.getByTestId('composer-action').selectOption('TriggerMessage');
  const requested = page.getByTestId('schema-form').locator('[data-pointer="/requestedMessage"]');
  await requested.selectOption('StatusNotification');
  await expect.poll(() => page.getByTestId('composer-verdict').getAttribute('data-valid')).toBe('true');
  await page.getByTestId('composer-send').click();
  const sent = page.getByTestId('sent-item').first();
  await expect.poll(() => sent.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('result');
  await expect.poll(() => page.getByTestId('sent-detail').textContent()).toContain('Accepted');
  await screenshot(page, 'csms-composer');
});
