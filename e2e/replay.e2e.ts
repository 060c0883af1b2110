// The replay view end to end: a charging session recorded in this test (the bench's
// simulator against its CSMS), replayed from the UI as the charger against a built-in CSMS
// started from the UI — every exchange matches (and, with the volatile fields compared,
// the CSMS's times differ), and the live session opens in the traffic view; two captures written here compared with diff; a HAR file imported and opened.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordChargingSession } from '../engine/replay/testing';
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

/** Capture B: capture A with the CSMS's Authorize answer saying Blocked instead of Accepted. */
function withAuthorizeBlocked(a: string, b: string): void {
  const lines = readFileSync(a, 'utf8').split('\n');
  let authorizeId: string | undefined;
  const out = lines.map((line) => {
    if (line === '') return line;
    const record = JSON.parse(line) as { type?: string; text?: string };
    if (record.type !== 'frame' || record.text === undefined) return line;
    const message = JSON.parse(record.text) as unknown[];
    if (message[0] === 2 && message[2] === 'Authorize') authorizeId = message[1] as string;
    if (message[0] !== 3 || message[1] !== authorizeId) return line;
    const payload = message[2] as { idTagInfo: { status: string } };
    payload.idTagInfo.status = 'Blocked';
    return JSON.stringify({ ...record, text: JSON.stringify(message) });
  });
  if (authorizeId === undefined) throw new Error(`${a} has no Authorize`);
  writeFileSync(b, out.join('\n'));
}

/** A Chrome HAR export with one WebSocket: a browser-based charger's Heartbeat and its answer. */
function writeHar(path: string): void {
  const t = Date.parse('2026-01-01T10:00:00.000Z') / 1000;
  const protocol = [{ name: 'Sec-WebSocket-Protocol', value: 'ocpp1.6' }];
  const entry = {
    startedDateTime: '2026-01-01T10:00:00.000Z',
    request: { method: 'GET', url: 'ws://csms.example:9000/ocpp/HAR-CP', headers: protocol },
    response: { status: 101, statusText: 'Switching Protocols', headers: protocol },
    _resourceType: 'websocket',
    _webSocketMessages: [
      { type: 'send', time: t + 0.1, opcode: 1, data: '[2,"h1","Heartbeat",{}]' },
      { type: 'receive', time: t + 0.15, opcode: 1, data: '[3,"h1",{"currentTime":"2026-01-01T10:00:00.150Z"}]' },
    ],
  };
  writeFileSync(path, JSON.stringify({ log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries: [entry] } }));
}

test('a recorded session replayed from the UI against a built-in CSMS matches, and opens in the traffic view', async ({ app, dataDir }) => {
  const { page } = app;
  const recorded = await recordChargingSession(join(dataDir, 'charging.jsonl'), '1.6');

  // A CSMS that answers as the recorded one did (heartbeat interval, the card accepted).
  await page.getByTestId('nav-csms').click();
  await page.getByTestId('csms-listen').fill('127.0.0.1:0');
  await page.getByLabel('Heartbeat interval (s)').fill('3600');
  await page.getByTestId('csms-tokens').fill('CARD');
  await page.getByTestId('csms-start').click();
  const csmsUrl = (await page.getByTestId('csms-url').textContent()) ?? '';
  expect(csmsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

  await page.getByTestId('nav-start').click();
  await page.getByTestId('start-go-replay').click();
  await page.getByTestId('replay-path').fill(recorded.path);
  await page.getByTestId('replay-check-run').click();
  await expect.poll(() => page.getByTestId('replay-check').getAttribute('data-replayable')).toBe('true');
  expect(await page.getByTestId('replay-check').textContent()).toContain(recorded.chargePointId);
  // As the CSMS there is nothing to play: the recorded CSMS sent no CALL.
  await page.getByTestId('replay-as-csms').click();
  await expect.poll(() => page.getByTestId('replay-check').getAttribute('data-replayable')).toBe('false');
  expect(await page.getByTestId('replay-problem').getAttribute('data-code')).toBe('no-calls');
  expect(await page.getByTestId('replay-start').isDisabled()).toBe(true);
  await screenshot(page, 'replay-check-problems');
  await page.getByTestId('replay-as-charger').click();
  await expect.poll(() => page.getByTestId('replay-check').getAttribute('data-replayable')).toBe('true');
  await page.getByTestId('replay-target').fill(csmsUrl);
  await page.getByTestId('replay-timing-fast').click();
  await screenshot(page, 'replay-setup');
  await page.getByTestId('replay-start').click();

  const result = page.getByTestId('replay-result');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.getAttribute('data-verdict')).toBe('match');
  expect(await page.getByTestId('replay-progress').getAttribute('data-state')).toBe('finished');
  const actions = await page.getByTestId('exchange-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  expect(actions).toEqual(expect.arrayContaining(['BootNotification', 'Authorize', 'StartTransaction', 'StopTransaction']));
  expect(await page.locator('[data-testid="exchange-row"]:not([data-outcome="match"])').count()).toBe(0);
  expect(await page.getByTestId('replay-counts').textContent()).toContain(`${actions.length} matched`);
  expect(await page.getByTestId('replay-log').textContent()).toContain('Finished: match');
  await screenshot(page, 'replay-result');

  // The JSON report downloads.
  const download = page.waitForEvent('download');
  await page.getByTestId('replay-export-json').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^replay_.*\.json$/);
  const report = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { verdict: string };
  expect(report.verdict).toBe('match');

  // Compared without its volatile fields, the same replay differs where the CSMS tells the time.
  await page.getByTestId('replay-volatile').fill('timestamp');
  await page.getByTestId('replay-start').click();
  await expect.poll(() => result.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('differs');
  const boot = page.locator('[data-testid="exchange-row"][data-action="BootNotification"]');
  expect(await boot.getAttribute('data-outcome')).toBe('differs');
  await boot.click();
  const change = page.getByTestId('exchange-detail').getByTestId('change-row');
  expect(await change.getAttribute('data-path')).toBe('/currentTime');
  await screenshot(page, 'replay-differs');
  await page.getByTestId('replay-defaults').click();
  expect(await page.getByTestId('replay-volatile').inputValue()).toContain('@date-time');

  // The replay's own session, judged like any traffic.
  await page.getByTestId('replay-show-in-traffic').click();
  await page.getByTestId('traffic-view').waitFor();
  await expect.poll(async () => Number(await page.getByTestId('frame-table').getAttribute('data-total'))).toBeGreaterThan(actions.length);
  await page.getByTestId('frame-row').filter({ hasText: 'BootNotification' }).first().waitFor();
  await screenshot(page, 'replay-traffic');
});

test('diff names what changed between two captures, and an imported HAR opens in the traffic view', async ({ app, dataDir }) => {
  const { page } = app;
  const a = await recordChargingSession(join(dataDir, 'a.jsonl'), '1.6');
  const b = join(dataDir, 'b.jsonl');
  withAuthorizeBlocked(a.path, b);

  await page.getByTestId('start-go-diff').click();
  await page.getByTestId('diff-a').fill(a.path);
  await page.getByTestId('diff-b').fill(b);
  await page.getByTestId('diff-run').click();
  const changed = page.locator('[data-testid="diff-exchange"][data-status="changed"]');
  await changed.waitFor();
  expect(await changed.getAttribute('data-action')).toBe('Authorize');
  const row = changed.getByTestId('change-row');
  expect(await row.getAttribute('data-path')).toBe('/idTagInfo/status');
  expect(await row.textContent()).toContain('"Blocked"');
  expect(await page.getByTestId('diff-counts').textContent()).toContain('1 changed');
  expect(await page.getByTestId('diff-headline').textContent()).toBe('The captures differ');
  await screenshot(page, 'replay-diff');

  const har = join(dataDir, 'browser.har');
  writeHar(har);
  await page.getByTestId('replay-tab-import').click();
  await page.getByTestId('import-path').fill(har);
  await page.getByTestId('import-run').click();
  await expect.poll(() => page.getByTestId('import-headline').textContent()).toBe('Everything was read: 1 connection, 2 frames');
  await screenshot(page, 'replay-import');
  await page.getByTestId('import-open').click();
  await page.getByTestId('traffic-view').waitFor();
  await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total')).toBe('2');
  await page.getByTestId('session-item').filter({ hasText: 'HAR-CP' }).waitFor();
});
