import { describe, expect, it } from 'vitest';
import { makeRig } from '../testing/rig';

describe('1.6 boot, heartbeat and registration (OCPP 1.6 §4.2, §4.6, errata 3.22)', () => {
  it('boots, reports connector 0 and every connector, then heartbeats at the interval given', async () => {
    const rig = makeRig('1.6', { connectors: 2 });
    rig.csms.respond('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 30 }));
    await rig.boot();
    expect(rig.csms.actions()).toEqual(['BootNotification', 'StatusNotification', 'StatusNotification', 'StatusNotification', 'SecurityEventNotification']);
    expect(rig.csms.calls('StatusNotification').map((c) => [c.payload['connectorId'], c.payload['status']])).toEqual([
      [0, 'Available'],
      [1, 'Available'],
      [2, 'Available'],
    ]);
    expect(rig.csms.calls('BootNotification')[0]!.payload).toMatchObject({ chargePointVendor: 'OCPP Bench', chargePointModel: 'Simulated charger' });
    const before = rig.csms.received.length;
    await rig.advance(29);
    expect(rig.csms.received.length).toBe(before);
    await rig.advance(1);
    expect(rig.csms.actions(before)).toEqual(['Heartbeat']);
    await rig.advance(30);
    expect(rig.csms.actions(before)).toEqual(['Heartbeat', 'Heartbeat']);
    expect(rig.cp.summary().registration).toBe('accepted');
  });

  it('waits the interval after Rejected, sends nothing meanwhile and does not answer the CSMS', async () => {
    const rig = makeRig('1.6');
    let n = 0;
    rig.csms.respond('BootNotification', () => ({ status: n++ === 0 ? 'Rejected' : 'Accepted', currentTime: new Date().toISOString(), interval: 20 }));
    await rig.boot();
    expect(rig.csms.actions()).toEqual(['BootNotification']);
    expect(rig.cp.summary().registration).toBe('rejected');
    const answered = rig.csms.call('GetConfiguration', {}, { timeoutMs: 200 });
    await expect(answered).rejects.toThrow(/No answer/);
    await rig.advance(19);
    expect(rig.csms.actions()).toEqual(['BootNotification']);
    await rig.advance(1);
    expect(rig.csms.actions().slice(0, 2)).toEqual(['BootNotification', 'BootNotification']);
    expect(rig.cp.summary().registration).toBe('accepted');
  });

  it('answers the CSMS while Pending, sends no request of its own, and boots again after the interval', async () => {
    const rig = makeRig('1.6');
    let n = 0;
    rig.csms.respond('BootNotification', () => ({ status: n++ === 0 ? 'Pending' : 'Accepted', currentTime: new Date().toISOString(), interval: 15 }));
    await rig.boot();
    rig.cp.operator.plugIn(1);
    const all = await rig.csms.call('GetConfiguration', {});
    expect(all).toMatchObject({ kind: 'result' });
    const change = await rig.csms.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' });
    expect(change).toMatchObject({ kind: 'result', payload: { status: 'Accepted' } });
    await rig.advance(14);
    expect(rig.csms.actions()).toEqual(['BootNotification']);
    await rig.advance(1);
    expect(rig.csms.actions().slice(0, 3)).toEqual(['BootNotification', 'BootNotification', 'StatusNotification']);
    expect(rig.csms.calls('StatusNotification').find((c) => c.payload['connectorId'] === 1)?.payload['status']).toBe('Preparing');
  });

  it('retries BootNotification after a CALLERROR, and reconnects with back-off after a refusal', async () => {
    const rig = makeRig('1.6', { settings: { RetryBackOffRandomRange: '0' } });
    const { ConnectRefusal } = await import('../../net/connect');
    rig.csms.refusal = new ConnectRefusal('http', 'HTTP 401', 401);
    await rig.boot();
    expect(rig.csms.connections).toBe(0);
    expect(rig.cp.summary().lastError).toMatch(/401/);
    rig.csms.refusal = undefined;
    await rig.advance(5);
    expect(rig.csms.connections).toBe(1);
    expect(rig.csms.actions()).toEqual(expect.arrayContaining(['BootNotification']));
  });
});
