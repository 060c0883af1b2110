// The proxy and traffic views end to end: start a proxy from the UI between two
// independent ocpp-rpc peers, watch frames arrive, filter them, inspect a finding, and
// inject a fault with a rule that explains itself.
import { rpcClient, rpcServer, type RpcClient, type RpcServer } from '../engine/testing/ocpp-rpc';
import { screenshot } from './fixtures/artifacts';
import { expect, test } from './fixtures/test';

async function upstream(): Promise<{ server: RpcServer; port: number }> {
  const server = rpcServer({ protocols: ['ocpp1.6'] });
  server.on('client', (client) => {
    client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }));
    client.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    client.handle('StatusNotification', () => ({}));
  });
  const http = await server.listen(0, '127.0.0.1');
  return { server, port: http.address().port };
}

test('a proxy started from the UI records, filters and judges live traffic between ocpp-rpc peers', async ({ app }) => {
  const { page } = app;
  const csms = await upstream();
  let charger: RpcClient | undefined;
  try {
    await page.getByTestId('nav-proxy').click();
    await page.getByTestId('proxy-host').fill('127.0.0.1');
    await page.getByTestId('proxy-port').fill('0');
    await page.getByTestId('proxy-upstream').fill(`ws://127.0.0.1:${csms.port}`);
    await page.getByTestId('proxy-start').click();
    const url = (await page.getByTestId('proxy-url').textContent()) ?? '';
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

    // A fault rule, explained by the engine as it is composed.
    await page.getByTestId('rule-action').fill('Heartbeat');
    await page.getByTestId('rule-delayMs').fill('50');
    await expect.poll(() => page.getByTestId('rule-preview').textContent()).toMatch(/Heartbeat/);
    await page.getByTestId('rule-add').click();
    await expect.poll(() => page.getByTestId('rule-sentence').first().textContent()).toMatch(/50 ms/);
    await screenshot(page, 'proxy-view');

    charger = rpcClient({ endpoint: url, identity: 'CP-E2E-1', protocols: ['ocpp1.6'], strictMode: false });
    await charger.connect();
    await charger.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'E2E' });
    await charger.call('Heartbeat', {});
    await charger.call('Heartbeat', {});
    // Forwarded as is, and flagged: 1.6 has no status "Availble".
    charger.sendRaw(JSON.stringify([2, 'bad-1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Availble' }]));

    await page.getByTestId('proxy-show-traffic').click();
    await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total')).toBe('8');
    await page.getByTestId('session-item').filter({ hasText: 'CP-E2E-1' }).waitFor();

    // Filter in the engine's language; a mistake is pointed at.
    const filter = page.getByTestId('filter-input');
    await filter.fill('action:');
    await expect.poll(() => page.getByTestId('filter-status').textContent()).toMatch(/Filter error at/);
    await filter.fill('action:Heartbeat');
    await filter.press('Enter');
    await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total')).toBe('4');
    const delayed = page.getByTestId('frame-row').filter({ hasText: 'delayed' });
    expect(await delayed.count()).toBeGreaterThan(0);
    await screenshot(page, 'traffic-filtered');

    // Inspect the invalid frame's finding and its place in the JSON.
    await filter.fill('has:error');
    await filter.press('Enter');
    await expect.poll(() => page.getByTestId('frame-table').getAttribute('data-total')).toBe('1');
    await page.getByTestId('frame-row').first().dispatchEvent('mousedown');
    const finding = page.getByTestId('finding').first();
    await finding.waitFor();
    expect(await finding.textContent()).toContain('payload/status');
    await finding.click();
    await expect.poll(() => page.locator('.jt-marked').getAttribute('data-path')).toBe('3/status');
    // The pair: the CSMS's answer to it.
    await page.getByTestId('inspector-pair').click();
    await expect.poll(() => page.getByTestId('inspector').textContent()).toMatch(/CSMS→CP/);
    await screenshot(page, 'traffic-finding');
  } finally {
    await charger?.close({ force: true }).catch(() => undefined);
    await csms.server.close({ force: true }).catch(() => undefined);
  }
});
