// The 2.0.1 model (and 2.1 where noted), after the Part 6 charging-station test cases.
import { describe, expect, it } from 'vitest';
import type { OcppVersion } from '../../../api/model';
import { bootedRig, callResult as result, type RigOptions } from '../testing/calls';
import { makeRig, type Rig } from '../testing/rig';

const booted = (options: RigOptions = {}, version: OcppVersion = '2.0.1') => bootedRig(version, options);

const events = (rig: Rig) => rig.csms.calls('TransactionEvent').map((c) => c.payload);
const token = (idToken: string) => ({ idToken, type: 'ISO14443' });

interface ReportData {
  variable: { name: string };
  variableAttribute: Array<{ value?: string; mutability?: string }>;
}

describe('2.0.1 boot and provisioning (B)', () => {
  it('B01: boots with a reason and reports every connector', async () => {
    const rig = await booted({ connectors: 2 });
    expect(rig.csms.calls('BootNotification')[0]!.payload).toMatchObject({ reason: 'PowerUp', chargingStation: { vendorName: 'OCPP Bench', model: 'Simulated charger' } });
    expect(rig.csms.calls('StatusNotification').map((c) => [c.payload['evseId'], c.payload['connectorId'], c.payload['connectorStatus']])).toEqual([
      [1, 1, 'Available'],
      [2, 1, 'Available'],
    ]);
    expect(rig.csms.calls('SecurityEventNotification').map((c) => c.payload['type'])).toEqual(['StartupOfTheDevice']);
  });

  it('B03 (TC_B_30_CS): answers CSMS requests with CALLERROR SecurityError while Rejected, and boots again after the interval', async () => {
    const rig = makeRig('2.0.1');
    let n = 0;
    rig.csms.respond('BootNotification', () => ({ status: n++ === 0 ? 'Rejected' : 'Accepted', currentTime: new Date().toISOString(), interval: 20 }));
    await rig.boot();
    expect(rig.cp.summary().registration).toBe('rejected');
    const answer = await rig.csms.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' });
    expect(answer).toMatchObject({ kind: 'error', code: 'SecurityError' });
    expect(rig.csms.actions()).toEqual(['BootNotification']);
    await rig.advance(20);
    expect(rig.csms.actions().slice(0, 2)).toEqual(['BootNotification', 'BootNotification']);
    expect(rig.cp.summary().registration).toBe('accepted');
  });

  it('B06 / B05: GetVariables and SetVariables statuses, with effects', async () => {
    const rig = await booted();
    const get = await result(rig, 'GetVariables', {
      getVariableData: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'Nope' } },
        { component: { name: 'NoSuchCtrlr' }, variable: { name: 'Enabled' } },
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeType: 'Target' },
        { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
        { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } },
      ],
    });
    expect((get['getVariableResult'] as Array<Record<string, unknown>>).map((r) => [r['attributeStatus'], r['attributeValue']])).toEqual([
      ['Accepted', '300'],
      ['UnknownVariable', undefined],
      ['UnknownComponent', undefined],
      ['NotSupportedAttributeType', undefined],
      ['Rejected', undefined],
      ['Accepted', 'Available'],
    ]);
    const set = await result(rig, 'SetVariables', {
      setVariableData: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '20' },
        { component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, attributeValue: 'X' },
        { component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedMeasurands' }, attributeValue: 'Energy.Active.Import.Register,Nonsense' },
        { component: { name: 'Nope' }, variable: { name: 'X' }, attributeValue: '1' },
      ],
    });
    expect((set['setVariableResult'] as Array<Record<string, unknown>>).map((r) => r['attributeStatus'])).toEqual(['Accepted', 'Rejected', 'Rejected', 'UnknownComponent']);
    await rig.advance(0);
    const from = rig.csms.received.length;
    await rig.advance(20);
    expect(rig.csms.actions(from)).toEqual(['Heartbeat']);
  });

  it('B07 / B08: GetBaseReport in NotifyReport parts; GetReport with criteria and an empty result', async () => {
    const rig = await booted({ settings: { 'DeviceDataCtrlr.ItemsPerMessage[GetReport]': '10' } });
    expect(await result(rig, 'GetBaseReport', { requestId: 3, reportBase: 'FullInventory' })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    const parts = rig.csms.calls('NotifyReport').map((c) => c.payload);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((p) => p['seqNo'])).toEqual(parts.map((_, i) => i));
    expect(parts.map((p) => p['tbc'])).toEqual(parts.map((_, i) => i < parts.length - 1));
    expect(parts.every((p) => p['requestId'] === 3 && (p['reportData'] as unknown[]).length <= 10)).toBe(true);
    const items = parts.flatMap((p) => p['reportData'] as ReportData[]);
    const password = items.find((d) => d.variable.name === 'BasicAuthPassword');
    expect(password?.variableAttribute[0]).toMatchObject({ mutability: 'WriteOnly' });
    expect(password?.variableAttribute[0]?.value).toBeUndefined();
    expect(await result(rig, 'GetReport', { requestId: 4, componentVariable: [{ component: { name: 'TxCtrlr' }, variable: { name: 'TxStartPoint' } }] })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'GetReport', { requestId: 5, componentVariable: [{ component: { name: 'Nope' } }] })).toEqual({ status: 'EmptyResultSet' });
    expect(await result(rig, 'GetReport', { requestId: 6, componentCriteria: ['Enabled'] })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    const four = rig.csms.calls('NotifyReport').filter((c) => c.payload['requestId'] === 4);
    expect(four).toHaveLength(1);
    expect((four[0]!.payload['reportData'] as ReportData[])[0]!.variableAttribute[0]?.value).toBe('PowerPathClosed');
  });
});

describe('2.0.1 transactions (E, F, C)', () => {
  it('E02: cable first, then the token: Started (PowerPathClosed), periodic Updated, Ended on the token, seqNo from 0', async () => {
    const rig = await booted({ settings: { 'SampledDataCtrlr.TxUpdatedInterval': '10' } });
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    expect(rig.csms.calls('StatusNotification').at(-1)!.payload['connectorStatus']).toBe('Occupied');
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(rig.csms.actions().filter((a) => a === 'Authorize')).toHaveLength(1);
    await rig.advance(25);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    const ev = events(rig);
    expect(ev.map((e) => [e['eventType'], e['triggerReason'], e['seqNo']])).toEqual([
      // The token completes the power path (TxStartPoint PowerPathClosed): it is the trigger.
      ['Started', 'Authorized', 0],
      ['Updated', 'MeterValuePeriodic', 1],
      ['Updated', 'MeterValuePeriodic', 2],
      ['Ended', 'StopAuthorized', 3],
    ]);
    expect(ev[0]).toMatchObject({ evse: { id: 1, connectorId: 1 }, idToken: token('TAG1'), transactionInfo: { chargingState: 'Charging' } });
    expect(new Set(ev.map((e) => (e['transactionInfo'] as Record<string, unknown>)['transactionId'])).size).toBe(1);
    expect(ev[3]).toMatchObject({ transactionInfo: { stoppedReason: 'Local' }, idToken: token('TAG1') });
    const energy = ev.map((e) => ((e['meterValue'] as Array<{ sampledValue: Array<{ value: number }> }> | undefined)?.[0]?.sampledValue[0]?.value ?? 0));
    expect(energy[2]).toBeGreaterThan(energy[1]!);
  });

  it('E01 with TxStartPoint EVConnected: Started on the cable, Updated Authorized, Ended on unplug (TxStopPoint EVConnected)', async () => {
    const rig = await booted({ settings: { 'TxCtrlr.TxStartPoint': 'EVConnected', 'SampledDataCtrlr.TxUpdatedInterval': '0' } });
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    rig.cp.operator.evSuspend(1);
    await rig.advance(0);
    rig.cp.operator.unplug(1);
    await rig.advance(0);
    expect(events(rig).map((e) => [e['eventType'], e['triggerReason'], (e['transactionInfo'] as Record<string, unknown>)['chargingState']])).toEqual([
      ['Started', 'CablePluggedIn', 'EVConnected'],
      ['Updated', 'Authorized', 'Charging'],
      ['Updated', 'ChargingStateChanged', 'SuspendedEV'],
      ['Ended', 'EVCommunicationLost', 'Idle'],
    ]);
    expect((events(rig)[3]!['transactionInfo'] as Record<string, unknown>)['stoppedReason']).toBe('EVDisconnected');
  });

  it('F01 / F03: RequestStartTransaction before the cable, RequestStopTransaction, unknown ids rejected', async () => {
    const rig = await booted();
    expect(await result(rig, 'RequestStartTransaction', { evseId: 1, remoteStartId: 77, idToken: token('REMOTE') })).toMatchObject({ status: 'Accepted' });
    await rig.advance(0);
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    const started = events(rig)[0]!;
    expect(started).toMatchObject({ eventType: 'Started', transactionInfo: { remoteStartId: 77 }, idToken: token('REMOTE') });
    const id = (started['transactionInfo'] as Record<string, string>)['transactionId'];
    expect(await result(rig, 'GetTransactionStatus', { transactionId: id })).toEqual({ ongoingIndicator: true, messagesInQueue: false });
    expect(await result(rig, 'RequestStopTransaction', { transactionId: 'nope' })).toMatchObject({ status: 'Rejected' });
    expect(await result(rig, 'RequestStopTransaction', { transactionId: id })).toMatchObject({ status: 'Accepted' });
    await rig.advance(0);
    expect(events(rig).at(-1)).toMatchObject({ eventType: 'Ended', triggerReason: 'RemoteStop', transactionInfo: { stoppedReason: 'Remote' } });
  });

  it('E: offline events carry offline=true and are delivered in order; an Invalid token ends the transaction', async () => {
    const rig = await booted({ settings: { 'AuthCtrlr.OfflineTxForUnknownIdEnabled': 'true', 'OCPPCommCtrlr.RetryBackOffRandomRange': '0' } });
    rig.csms.idTags.set('BAD', { status: 'Invalid' });
    rig.cp.operator.networkDown();
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('BAD');
    await rig.advance(1);
    rig.cp.operator.networkUp();
    await rig.advance(0);
    const ev = events(rig);
    expect(ev[0]).toMatchObject({ eventType: 'Started', offline: true, seqNo: 0 });
    expect(ev.at(-1)).toMatchObject({ eventType: 'Ended', triggerReason: 'Deauthorized', transactionInfo: { stoppedReason: 'DeAuthorized' } });
  });

  it('B11 / B12: Reset Immediate ends the transaction; OnIdle is Scheduled until it ends', async () => {
    const rig = await booted();
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(await result(rig, 'Reset', { type: 'OnIdle' })).toMatchObject({ status: 'Scheduled' });
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(10);
    expect(rig.csms.calls('BootNotification').map((c) => c.payload['reason'])).toEqual(['PowerUp', 'RemoteReset']);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    expect(await result(rig, 'Reset', { type: 'Immediate' })).toMatchObject({ status: 'Accepted' });
    await rig.advance(10);
    expect(events(rig).at(-1)).toMatchObject({ eventType: 'Ended', triggerReason: 'ResetCommand', transactionInfo: { stoppedReason: 'ImmediateReset' } });
    expect(rig.csms.calls('BootNotification')).toHaveLength(3);
    expect(rig.csms.calls('SecurityEventNotification').map((c) => c.payload['type'])).toContain('ResetOrReboot');
  });
});

describe('2.0.1 availability, reservations, smart charging, trigger, local list', () => {
  it('G03 / H01 / H04: ChangeAvailability, ReserveNow with expiry reported by ReservationStatusUpdate', async () => {
    const rig = await booted({ connectors: 2 });
    expect(await result(rig, 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } })).toMatchObject({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.cp.summary().connectors[1]!.status).toBe('Unavailable');
    expect(await result(rig, 'ReserveNow', { id: 5, expiryDateTime: new Date(rig.timers.now() + 30_000).toISOString(), idToken: token('MINE'), evseId: 2 })).toMatchObject({ status: 'Unavailable' });
    expect(await result(rig, 'ReserveNow', { id: 6, expiryDateTime: new Date(rig.timers.now() + 30_000).toISOString(), idToken: token('MINE'), evseId: 1 })).toMatchObject({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Reserved');
    await rig.advance(30);
    expect(rig.csms.calls('ReservationStatusUpdate').map((c) => c.payload)).toEqual([{ reservationId: 6, reservationUpdateStatus: 'Expired' }]);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Available');
  });

  it('H01: an expiryDateTime is a wall-clock instant, kept as such when the station runs on a scaled clock', async () => {
    const rig = await booted({ timeScale: 0.05 });
    expect(await result(rig, 'ReserveNow', { id: 7, expiryDateTime: new Date(rig.timers.now() + 1000).toISOString(), idToken: token('MINE'), evseId: 1 })).toMatchObject({ status: 'Accepted' });
    // timers.advance() moves real milliseconds: 0.9 s of wall clock is still before the expiry.
    await rig.timers.advance(900);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Reserved');
    await rig.timers.advance(100);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Available');
  });

  it('K01 / K08: profiles and the composite schedule per EVSE', async () => {
    const rig = await booted();
    const start = new Date(rig.timers.now()).toISOString();
    const profile = (id: number, purpose: string, stackLevel: number, periods: Array<[number, number]>, duration = 400) => ({
      id,
      stackLevel,
      chargingProfilePurpose: purpose,
      chargingProfileKind: 'Absolute',
      chargingSchedule: [{ id, startSchedule: start, duration, chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })) }],
    });
    expect(await result(rig, 'SetChargingProfile', { evseId: 0, chargingProfile: profile(1, 'ChargingStationMaxProfile', 0, [[0, 12]], 86400) })).toMatchObject({ status: 'Accepted' });
    expect(await result(rig, 'SetChargingProfile', { evseId: 1, chargingProfile: profile(2, 'TxDefaultProfile', 0, [[0, 6], [100, 8], [200, 10]]) })).toMatchObject({ status: 'Accepted' });
    expect(await result(rig, 'SetChargingProfile', { evseId: 1, chargingProfile: profile(3, 'TxDefaultProfile', 1, [[0, 7], [100, 9]], 150) })).toMatchObject({ status: 'Accepted' });
    expect(await result(rig, 'SetChargingProfile', { evseId: 1, chargingProfile: profile(4, 'TxProfile', 0, [[0, 6]]) })).toMatchObject({ status: 'Rejected' });
    const composite = await result(rig, 'GetCompositeSchedule', { evseId: 1, duration: 350, chargingRateUnit: 'A' });
    expect((composite['schedule'] as { chargingSchedulePeriod: Array<{ startPeriod: number; limit: number }> }).chargingSchedulePeriod.map((p) => [p.startPeriod, p.limit])).toEqual([
      [0, 7],
      [100, 9],
      [150, 8],
      [200, 10],
    ]);
    expect(await result(rig, 'GetChargingProfiles', { requestId: 9, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } })).toMatchObject({ status: 'Accepted' });
    await rig.advance(0);
    expect((rig.csms.calls('ReportChargingProfiles')[0]!.payload['chargingProfile'] as unknown[]).length).toBe(2);
    expect(await result(rig, 'ClearChargingProfile', { chargingProfileCriteria: { chargingProfilePurpose: 'TxDefaultProfile' } })).toMatchObject({ status: 'Accepted' });
    expect(await result(rig, 'GetChargingProfiles', { requestId: 10, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } })).toMatchObject({ status: 'NoProfiles' });
  });

  it('F06: triggered messages after the answer; BootNotification rejected once accepted', async () => {
    const rig = await booted();
    expect(await result(rig, 'TriggerMessage', { requestedMessage: 'BootNotification' })).toMatchObject({ status: 'Rejected' });
    for (const requested of ['StatusNotification', 'MeterValues', 'Heartbeat', 'FirmwareStatusNotification', 'LogStatusNotification']) {
      const from = rig.csms.received.length;
      expect(await result(rig, 'TriggerMessage', { requestedMessage: requested, evse: { id: 1, connectorId: 1 } })).toMatchObject({ status: 'Accepted' });
      await rig.advance(0);
      expect(rig.csms.actions(from)).toEqual([requested]);
    }
    expect(rig.csms.calls('FirmwareStatusNotification')[0]!.payload).toEqual({ status: 'Idle' });
    expect(await result(rig, 'TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 9 } })).toMatchObject({ status: 'Rejected' });
  });

  it('D01 / D02 / C12: local list versions and a listed token starting without Authorize', async () => {
    const rig = await booted({ settings: { 'AuthCtrlr.LocalPreAuthorize': 'true' } });
    expect(await result(rig, 'SendLocalList', { versionNumber: 3, updateType: 'Full', localAuthorizationList: [{ idToken: token('LISTED'), idTokenInfo: { status: 'Accepted' } }] })).toMatchObject({ status: 'Accepted' });
    expect(await result(rig, 'GetLocalListVersion', {})).toEqual({ versionNumber: 3 });
    expect(await result(rig, 'SendLocalList', { versionNumber: 2, updateType: 'Differential' })).toMatchObject({ status: 'VersionMismatch' });
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('LISTED');
    await rig.advance(0);
    expect(rig.csms.calls('Authorize')).toHaveLength(0);
    expect(events(rig)[0]).toMatchObject({ eventType: 'Started', idToken: token('LISTED') });
  });

  it('L01: UpdateFirmware walks through its statuses with the requestId and reboots', async () => {
    const rig = await booted();
    expect(await result(rig, 'UpdateFirmware', { requestId: 12, firmware: { location: 'https://fw.example.com/fw.bin', retrieveDateTime: new Date(rig.timers.now()).toISOString() } })).toMatchObject({ status: 'Accepted' });
    await rig.advance(60);
    expect(rig.csms.calls('FirmwareStatusNotification').map((c) => [c.payload['status'], c.payload['requestId']])).toEqual([
      ['Downloading', 12],
      ['Downloaded', 12],
      ['Installing', 12],
      ['InstallRebooting', 12],
      ['Installed', 12],
    ]);
    expect(rig.csms.calls('BootNotification').at(-1)!.payload).toMatchObject({ reason: 'FirmwareUpdate', chargingStation: { firmwareVersion: '1.0.1' } });
  });

  it('2.1 runs the same transaction flow', async () => {
    const rig = await booted({}, '2.1');
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    rig.cp.operator.unplug(1);
    await rig.advance(0);
    expect(events(rig).map((e) => e['eventType'])).toEqual(['Started', 'Ended']);
  });
});
