// Charging sessions of the 1.6 model, following the OCTT charger-side cases (TC_xxx_CS).
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../util/clock';
import { bootedRig, type RigOptions } from '../testing/calls';
import type { Rig } from '../testing/rig';
import { ManualTimers } from '../timers';

const statuses = (rig: Rig, from = 0, connectorId = 1) =>
  rig.csms
    .calls('StatusNotification')
    .filter((c) => c.index >= from && c.payload['connectorId'] === connectorId)
    .map((c) => c.payload['status']);

const booted = (options: RigOptions = {}) => bootedRig('1.6', { profiles: ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger'], ...options });

describe('1.6 charging sessions', () => {
  it('reports a status that changes back while the report of the change is still unanswered (second swipe right after Preparing)', async () => {
    const rig = await booted();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    rig.csms.respond('StatusNotification', async (p) => {
      if (p['status'] === 'Preparing') await held;
      return {};
    });
    const from = rig.csms.received.length;
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    // The Preparing report is on its way when the same card ends the intent again (§4.9).
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    release();
    await rig.advance(0);
    expect(statuses(rig, from)).toEqual(['Preparing', 'Available']);
  });

  it('TC_003: plug in, present a card, charge with periodic meter values, stop with the same card, unplug', async () => {
    const rig = await booted({ settings: { MeterValueSampleInterval: '10', MeterValuesSampledData: 'Energy.Active.Import.Register,Power.Active.Import' } });
    const from = rig.csms.received.length;
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(rig.csms.actions(from)).toEqual(['StatusNotification', 'Authorize', 'StartTransaction', 'StatusNotification']);
    expect(statuses(rig, from)).toEqual(['Preparing', 'Charging']);
    const start = rig.csms.calls('StartTransaction')[0]!.payload;
    expect(start).toMatchObject({ connectorId: 1, idTag: 'TAG1', meterStart: 1000 });
    await rig.advance(30);
    const mv = rig.csms.calls('MeterValues');
    expect(mv).toHaveLength(3);
    const energies = mv.map((c) => Number(((c.payload['meterValue'] as Array<{ sampledValue: Array<{ value: string; measurand: string; context: string }> }>)[0]!.sampledValue.find((s) => s.measurand === 'Energy.Active.Import.Register'))!.value));
    // 11 kW for 10 s is about 30.6 Wh per sample.
    expect(energies[0]).toBeGreaterThan(1000);
    expect(energies[1]! - energies[0]!).toBeGreaterThan(25);
    expect(energies[2]).toBeGreaterThan(energies[1]!);
    expect(mv[0]!.payload['transactionId']).toBe(1);
    const stopFrom = rig.csms.received.length;
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    // No Authorize before stopping with the start tag (§4.1).
    expect(rig.csms.actions(stopFrom)).toEqual(['StopTransaction', 'StatusNotification']);
    const stop = rig.csms.calls('StopTransaction')[0]!.payload;
    expect(stop).toMatchObject({ transactionId: 1, idTag: 'TAG1', reason: 'Local' });
    expect(stop['meterStop']).toBeGreaterThanOrEqual(energies[2]!);
    expect(statuses(rig, stopFrom)).toEqual(['Finishing']);
    rig.cp.operator.unplug(1);
    await rig.advance(0);
    expect(statuses(rig, stopFrom)).toEqual(['Finishing', 'Available']);
  });

  it('TC_070: sampled meter values stay on the grid from the transaction start when a timer fires late', async () => {
    const rig = await booted({ settings: { MeterValueSampleInterval: '10' } });
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    const started = Date.parse(rig.csms.calls('StartTransaction')[0]!.payload['timestamp'] as string);
    // A busy event loop: the clock moves on before the sampling timer gets to run.
    rig.timers.clock.advance(10_300);
    await rig.advance(0);
    await rig.advance(20);
    const stamps = rig.csms.calls('MeterValues').map((c) => Date.parse((c.payload['meterValue'] as Array<{ timestamp: string }>)[0]!.timestamp) - started);
    expect(stamps).toEqual([10_000, 20_000, 30_000]);
  });

  it('TC_071: clock-aligned meter values once per grid instant, even when a timer fires early by the wall clock', async () => {
    // A wall clock that can slip against the clock the timers run on.
    class SlippingClock extends FakeClock {
      slip = 0;
      override now(): number {
        return super.now() + this.slip;
      }
    }
    const clock = new SlippingClock(Date.now(), 0);
    const rig = await booted({ timers: new ManualTimers(clock), settings: { ClockAlignedDataInterval: '60', MeterValueSampleInterval: '0' } });
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    // The wall clock slips 5 ms behind: the next timer fires "early" by it.
    clock.slip = -5;
    await rig.advance(125);
    const stamps = rig.csms
      .calls('MeterValues')
      .filter((c) => c.payload['connectorId'] === 1)
      .map((c) => Date.parse((c.payload['meterValue'] as Array<{ timestamp: string }>)[0]!.timestamp));
    expect(stamps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps.every((s) => s % 60_000 === 0)).toBe(true);
  });

  it('TC_071: the clock-aligned grid starts at midnight, also for an interval that does not divide the day', async () => {
    // 86 400 s is not a multiple of 7 s, and this day's midnight is not on the 7 s grid from the epoch.
    const rig = await booted({ timers: new ManualTimers(new FakeClock(Date.parse('2025-01-03T10:00:03.500Z'), 0)), settings: { ClockAlignedDataInterval: '7', MeterValueSampleInterval: '0' } });
    await rig.advance(30);
    const midnight = Date.parse('2025-01-03T00:00:00.000Z');
    const stamps = rig.csms.calls('MeterValues').map((c) => Date.parse((c.payload['meterValue'] as Array<{ timestamp: string }>)[0]!.timestamp) - midnight);
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    expect(stamps.every((s) => s % 7000 === 0)).toBe(true);
  });

  it('TC_004_1 / TC_004_2: identification first, then the cable; or ConnectionTimeOut back to Available', async () => {
    const rig = await booted({ settings: { ConnectionTimeOut: '20' } });
    const from = rig.csms.received.length;
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(rig.csms.actions(from)).toEqual(['Authorize', 'StatusNotification']);
    expect(statuses(rig, from)).toEqual(['Preparing']);
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    expect(rig.csms.actions(from).slice(2)).toEqual(['StartTransaction', 'StatusNotification']);

    const rig2 = await booted({ settings: { ConnectionTimeOut: '20' } });
    const from2 = rig2.csms.received.length;
    rig2.cp.operator.presentIdToken('TAG1');
    await rig2.advance(19);
    expect(statuses(rig2, from2)).toEqual(['Preparing']);
    await rig2.advance(1);
    expect(statuses(rig2, from2)).toEqual(['Preparing', 'Available']);
  });

  it('TC_068 / TC_069: another card without a group does nothing; a card of the same group stops after Authorize', async () => {
    const rig = await booted();
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    const from = rig.csms.received.length;
    rig.cp.operator.presentIdToken('TAG2');
    await rig.advance(5);
    expect(rig.csms.actions(from)).toEqual([]);

    const rig2 = await booted();
    rig2.csms.idTags.set('TAG1', { status: 'Accepted', parent: 'FAMILY' });
    rig2.csms.idTags.set('TAG2', { status: 'Accepted', parent: 'FAMILY' });
    rig2.cp.operator.plugIn(1);
    rig2.cp.operator.presentIdToken('TAG1');
    await rig2.advance(0);
    const from2 = rig2.csms.received.length;
    rig2.cp.operator.presentIdToken('TAG2');
    await rig2.advance(0);
    expect(rig2.csms.actions(from2)).toEqual(['Authorize', 'StopTransaction', 'StatusNotification']);
    expect(rig2.csms.calls('StopTransaction')[0]!.payload).toMatchObject({ idTag: 'TAG2', reason: 'Local' });
  });

  it('TC_005_1 / TC_005_3: EV-side disconnect stops or suspends according to StopTransactionOnEVSideDisconnect', async () => {
    const rig = await booted();
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    const from = rig.csms.received.length;
    rig.cp.operator.evDisconnect(1);
    await rig.advance(0);
    expect(rig.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('EVDisconnected');
    expect(statuses(rig, from)).toEqual(['Finishing']);

    const rig2 = await booted({ settings: { StopTransactionOnEVSideDisconnect: 'false', UnlockConnectorOnEVSideDisconnect: 'false' } });
    rig2.cp.operator.plugIn(1);
    rig2.cp.operator.presentIdToken('TAG1');
    await rig2.advance(0);
    const from2 = rig2.csms.received.length;
    rig2.cp.operator.evDisconnect(1);
    await rig2.advance(0);
    const suspended = rig2.csms.calls('StatusNotification').filter((c) => c.index >= from2);
    expect(suspended.map((c) => [c.payload['status'], c.payload['info']])).toEqual([['SuspendedEV', 'EV side disconnected']]);
    expect(rig2.csms.calls('StopTransaction')).toHaveLength(0);
    const stop = await rig2.csms.call('RemoteStopTransaction', { transactionId: 1 });
    expect(stop).toMatchObject({ payload: { status: 'Accepted' } });
    await rig2.advance(0);
    expect(rig2.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('Remote');
  });

  it('TC_007 / TC_061: a cached id starts without Authorize; ClearCache empties the cache', async () => {
    const rig = await booted({ settings: { LocalPreAuthorize: 'true', AuthorizeRemoteTxRequests: 'true' } });
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    rig.cp.operator.presentIdToken('TAG1'); // second presentation cancels (no cable)
    await rig.advance(0);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Available');
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    const from = rig.csms.received.length;
    expect(await rig.csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1' })).toMatchObject({ payload: { status: 'Accepted' } });
    await rig.advance(0);
    expect(rig.csms.actions(from)).toEqual(['StartTransaction', 'StatusNotification']);
    await rig.csms.call('RemoteStopTransaction', { transactionId: 1 });
    rig.cp.operator.unplug(1);
    await rig.advance(0);
    expect(await rig.csms.call('ClearCache', {})).toMatchObject({ payload: { status: 'Accepted' } });
    const from2 = rig.csms.received.length;
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(rig.csms.actions(from2)[0]).toBe('Authorize');
  });

  it('TC_011_1 / TC_026 / TC_027 / TC_028 / TC_012: remote start before the cable, refusals, remote stop', async () => {
    const rig = await booted({ settings: { AuthorizeRemoteTxRequests: 'true' } });
    expect(await rig.csms.call('RemoteStartTransaction', { connectorId: 0, idTag: 'TAG1' })).toMatchObject({ payload: { status: 'Rejected' } });
    const from = rig.csms.received.length;
    expect(await rig.csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1' })).toMatchObject({ payload: { status: 'Accepted' } });
    await rig.advance(0);
    expect(rig.csms.actions(from)).toEqual(['Authorize', 'StatusNotification']);
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    expect(rig.csms.actions(from).slice(2)).toEqual(['StartTransaction', 'StatusNotification']);
    expect(await rig.csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'TAG2' })).toMatchObject({ payload: { status: 'Rejected' } });
    expect(await rig.csms.call('RemoteStopTransaction', { transactionId: 999 })).toMatchObject({ payload: { status: 'Rejected' } });
    expect(await rig.csms.call('RemoteStopTransaction', { transactionId: 1 })).toMatchObject({ payload: { status: 'Accepted' } });
    await rig.advance(0);
    expect(rig.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('Remote');
    expect(rig.cp.summary().connectors[0]!.status).toBe('Finishing');
  });

  it('TC_023 / TC_024 / TC_041: invalid card, MinimumStatusDuration, lock failure, faulted charger', async () => {
    const rig = await booted({ settings: { MinimumStatusDuration: '10', LocalPreAuthorize: 'true' } });
    rig.csms.idTags.set('BAD', { status: 'Invalid' });
    const from = rig.csms.received.length;
    rig.cp.operator.plugIn(1);
    await rig.advance(9);
    expect(statuses(rig, from)).toEqual([]);
    await rig.advance(1);
    expect(statuses(rig, from)).toEqual(['Preparing']);
    rig.cp.operator.presentIdToken('BAD');
    await rig.advance(20);
    expect(rig.csms.calls('Authorize')).toHaveLength(1);
    expect(rig.csms.calls('StartTransaction')).toHaveLength(0);

    const rig2 = await booted();
    rig2.cp.operator.lockFailure(1);
    await rig2.csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1' });
    await rig2.advance(0);
    rig2.cp.operator.plugIn(1);
    await rig2.advance(0);
    expect(rig2.csms.calls('StatusNotification').at(-1)!.payload).toMatchObject({ status: 'Faulted', errorCode: 'ConnectorLockFailure' });
    expect(rig2.csms.calls('StartTransaction')).toHaveLength(0);

    const rig3 = await booted();
    const from3 = rig3.csms.received.length;
    rig3.cp.operator.fault(0, 'GroundFailure');
    await rig3.advance(0);
    expect(rig3.csms.calls('StatusNotification').filter((c) => c.index >= from3).map((c) => [c.payload['connectorId'], c.payload['status']])).toEqual([
      [1, 'Faulted'],
      [0, 'Faulted'],
    ]);
    rig3.cp.operator.plugIn(1);
    rig3.cp.operator.presentIdToken('TAG1');
    await rig3.advance(10);
    expect(rig3.csms.calls('StartTransaction')).toHaveLength(0);
  });

  it('TC_036 / TC_039: offline messages are queued and delivered in order, with the transaction id learnt meanwhile', async () => {
    const rig = await booted({ settings: { MeterValueSampleInterval: '10', AllowOfflineTxForUnknownId: 'true', RetryBackOffRandomRange: '0' } });
    rig.cp.operator.networkDown();
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(35);
    rig.cp.operator.presentIdToken('TAG1');
    rig.cp.operator.unplug(1);
    await rig.advance(0);
    expect(rig.cp.summary().queued).toBe(5);
    const from = rig.csms.received.length;
    rig.cp.operator.networkUp();
    await rig.advance(0);
    const delivered = rig.csms.actions(from).filter((a) => a !== 'StatusNotification');
    expect(delivered).toEqual(['StartTransaction', 'MeterValues', 'MeterValues', 'MeterValues', 'StopTransaction']);
    const id = rig.csms.calls('StartTransaction')[0]!.payload;
    expect(Date.parse(id['timestamp'] as string)).toBeLessThan(rig.timers.now() - 30_000);
    expect(rig.csms.calls('MeterValues').every((c) => c.payload['transactionId'] === 1)).toBe(true);
    expect(rig.csms.calls('StopTransaction')[0]!.payload['transactionId']).toBe(1);
    // No BootNotification on a mere reconnect; the final status is reported.
    expect(rig.csms.actions(from)).not.toContain('BootNotification');
    // The status is Available again, as the CSMS last heard: nothing to report (§4.9).
    expect(statuses(rig, from)).toEqual([]);
  });

  it('TC_037_2 / TC_037_3: an offline start the CSMS calls Invalid is suspended or stopped', async () => {
    for (const stop of [false, true]) {
      const rig = await booted({ settings: { AllowOfflineTxForUnknownId: 'true', StopTransactionOnInvalidId: String(stop) } });
      rig.csms.idTags.set('BAD', { status: 'Invalid' });
      rig.cp.operator.networkDown();
      rig.cp.operator.plugIn(1);
      rig.cp.operator.presentIdToken('BAD');
      await rig.advance(1);
      const from = rig.csms.received.length;
      rig.cp.operator.networkUp();
      await rig.advance(0);
      if (stop) {
        expect(rig.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('DeAuthorized');
        expect(statuses(rig, from).at(-1)).toBe('Finishing');
      } else {
        expect(rig.csms.calls('StopTransaction')).toHaveLength(0);
        expect(statuses(rig, from).at(-1)).toBe('SuspendedEVSE');
      }
    }
  });

  it('TC_013 / TC_015 / TC_016: resets stop transactions with their reason, reboot, and keep Unavailable', async () => {
    const rig = await booted({ connectors: 2 });
    expect(await rig.csms.call('ChangeAvailability', { connectorId: 2, type: 'Inoperative' })).toMatchObject({ payload: { status: 'Accepted' } });
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(await rig.csms.call('Reset', { type: 'Hard' })).toMatchObject({ payload: { status: 'Accepted' } });
    const from = rig.csms.received.length;
    await rig.advance(10);
    expect(rig.csms.connections).toBe(2);
    expect(rig.csms.actions(from)).toContain('BootNotification');
    expect(rig.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('HardReset');
    const after = rig.csms.calls('StatusNotification').filter((c) => c.index >= from);
    expect(after.find((c) => c.payload['connectorId'] === 2)!.payload['status']).toBe('Unavailable');
    expect(after.find((c) => c.payload['connectorId'] === 1)!.payload['status']).toBe('Finishing');

    const rig2 = await booted();
    rig2.cp.operator.plugIn(1);
    rig2.cp.operator.presentIdToken('TAG1');
    await rig2.advance(0);
    await rig2.csms.call('Reset', { type: 'Soft' });
    await rig2.advance(10);
    expect(rig2.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('SoftReset');
    expect(rig2.csms.calls('BootNotification')).toHaveLength(2);
  });

  it('TC_017 / TC_018 / TC_030 / TC_031: UnlockConnector', async () => {
    const rig = await booted({ connectors: 2 });
    expect(await rig.csms.call('UnlockConnector', { connectorId: 1 })).toMatchObject({ payload: { status: 'Unlocked' } });
    expect(await rig.csms.call('UnlockConnector', { connectorId: 3 })).toMatchObject({ payload: { status: 'NotSupported' } });
    rig.cp.operator.unlockFailure(2);
    expect(await rig.csms.call('UnlockConnector', { connectorId: 2 })).toMatchObject({ payload: { status: 'UnlockFailed' } });
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(await rig.csms.call('UnlockConnector', { connectorId: 1 })).toMatchObject({ payload: { status: 'Unlocked' } });
    await rig.advance(0);
    expect(rig.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('UnlockCommand');
    const fixed = await booted({ fixedCable: true });
    expect(await fixed.csms.call('UnlockConnector', { connectorId: 1 })).toMatchObject({ payload: { status: 'NotSupported' } });
  });

  it('TC_032_1 / TC_032_2: power loss with and without backup power', async () => {
    for (const backupPower of [true, false]) {
      const rig = await booted({ backupPower });
      rig.cp.operator.plugIn(1);
      rig.cp.operator.presentIdToken('TAG1');
      await rig.advance(0);
      const from = rig.csms.received.length;
      const lost = rig.cp.operator.powerLoss(5);
      await rig.advance(1);
      await lost;
      if (backupPower) expect(rig.csms.actions(from).slice(0, 1)).toEqual(['StopTransaction']);
      else expect(rig.csms.actions(from)).toEqual([]);
      await rig.advance(10);
      expect(rig.csms.calls('BootNotification')).toHaveLength(2);
      expect(rig.csms.calls('StopTransaction')[0]!.payload['reason']).toBe('PowerLoss');
    }
  });
});
