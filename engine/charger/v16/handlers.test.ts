// CSMS-initiated messages of the 1.6 model, following the OCTT charger-side cases.
import { describe, expect, it } from 'vitest';
import { bootedRig, callResult as result, type RigOptions } from '../testing/calls';

const booted = (options: RigOptions = {}) => bootedRig('1.6', options);

const iso = (ms: number) => new Date(ms).toISOString();

describe('1.6 configuration (§5.3, §5.8, §9)', () => {
  it('TC_019 / TC_021 / TC_040: reports keys with their accessibility, applies changes, refuses bad ones', async () => {
    const rig = await booted({ connectors: 2 });
    const one = await result(rig, 'GetConfiguration', { key: ['SupportedFeatureProfiles', 'Nope'] });
    expect(one).toEqual({ configurationKey: [{ key: 'SupportedFeatureProfiles', readonly: true, value: 'Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger' }], unknownKey: ['Nope'] });
    const all = (await result(rig, 'GetConfiguration', {}))['configurationKey'] as Array<{ key: string; readonly: boolean; value?: string }>;
    const key = (k: string) => all.find((e) => e.key === k);
    for (const k of ['AuthorizeRemoteTxRequests', 'ClockAlignedDataInterval', 'ConnectionTimeOut', 'ConnectorPhaseRotation', 'HeartbeatInterval', 'LocalAuthorizeOffline', 'LocalPreAuthorize', 'MeterValuesAlignedData', 'MeterValuesSampledData', 'MeterValueSampleInterval', 'ResetRetries', 'StopTransactionOnInvalidId', 'StopTxnAlignedData', 'StopTxnSampledData', 'TransactionMessageAttempts', 'TransactionMessageRetryInterval', 'UnlockConnectorOnEVSideDisconnect', 'LocalAuthListEnabled']) {
      expect(key(k)?.readonly, k).toBe(false);
    }
    for (const k of ['GetConfigurationMaxKeys', 'NumberOfConnectors', 'SupportedFeatureProfiles', 'LocalAuthListMaxLength', 'SendLocalListMaxLength', 'ChargeProfileMaxStackLevel', 'ChargingScheduleAllowedChargingRateUnit', 'ChargingScheduleMaxPeriods', 'MaxChargingProfilesInstalled']) {
      expect(key(k)?.readonly, k).toBe(true);
    }
    expect(key('NumberOfConnectors')?.value).toBe('2');
    expect(key('AuthorizationKey')).toEqual({ key: 'AuthorizationKey', readonly: false });
    expect(await result(rig, 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '15' })).toEqual({ status: 'Accepted' });
    expect((await result(rig, 'GetConfiguration', { key: ['MeterValueSampleInterval'] }))['configurationKey']).toEqual([{ key: 'MeterValueSampleInterval', readonly: false, value: '15' }]);
    expect(await result(rig, 'ChangeConfiguration', { key: 'Testing', value: 'true' })).toEqual({ status: 'NotSupported' });
    expect(await result(rig, 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '-1' })).toEqual({ status: 'Rejected' });
    expect(await result(rig, 'ChangeConfiguration', { key: 'NumberOfConnectors', value: '3' })).toEqual({ status: 'Rejected' });
    expect(await result(rig, 'ChangeConfiguration', { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register,Bogus' })).toEqual({ status: 'Rejected' });
    expect(await result(rig, 'ChangeConfiguration', { key: 'WebSocketPingInterval', value: '-5' })).toEqual({ status: 'Rejected' });
  });

  it('applies HeartbeatInterval at once', async () => {
    const rig = await booted();
    await result(rig, 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '7' });
    const from = rig.csms.received.length;
    await rig.advance(7);
    expect(rig.csms.actions(from)).toEqual(['Heartbeat']);
  });

  it('TC_062: DataTransfer with an unknown vendor', async () => {
    const rig = await booted();
    expect(await result(rig, 'DataTransfer', { vendorId: 'com.example' })).toEqual({ status: 'UnknownVendorId' });
  });
});

describe('1.6 local authorization list (§5.10, §5.15)', () => {
  it('TC_042_2 / TC_043 / TC_043_2 / TC_008: versions, differential updates, mismatch, local starts', async () => {
    const rig = await booted({ settings: { LocalPreAuthorize: 'true', AuthorizationCacheEnabled: 'false', AuthorizeRemoteTxRequests: 'true' } });
    expect(await result(rig, 'SendLocalList', { listVersion: 1, updateType: 'Full' })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'GetLocalListVersion', {})).toEqual({ listVersion: 0 });
    expect(await result(rig, 'SendLocalList', { listVersion: 2, updateType: 'Full', localAuthorizationList: [{ idTag: 'LISTED', idTagInfo: { status: 'Accepted' } }] })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'GetLocalListVersion', {})).toEqual({ listVersion: 2 });
    expect(await result(rig, 'SendLocalList', { listVersion: 5, updateType: 'Differential', localAuthorizationList: [{ idTag: 'OTHER', idTagInfo: { status: 'Blocked' } }] })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'SendLocalList', { listVersion: 4, updateType: 'Differential', localAuthorizationList: [] })).toEqual({ status: 'VersionMismatch' });
    expect(await result(rig, 'GetLocalListVersion', {})).toEqual({ listVersion: 5 });
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    const from = rig.csms.received.length;
    await result(rig, 'RemoteStartTransaction', { connectorId: 1, idTag: 'LISTED' });
    await rig.advance(0);
    expect(rig.csms.actions(from)).toEqual(['StartTransaction', 'StatusNotification']);
  });

  it('TC_042_1 / TC_043_1 / TC_043_3: not supported, and a storage failure', async () => {
    const rig = await booted({ profiles: ['Core'] });
    expect(await result(rig, 'GetLocalListVersion', {})).toEqual({ listVersion: -1 });
    expect(await result(rig, 'SendLocalList', { listVersion: 1, updateType: 'Full' })).toEqual({ status: 'NotSupported' });
    const rig2 = await booted();
    rig2.cp.operator.localListStorageFailure();
    expect(await result(rig2, 'SendLocalList', { listVersion: 2, updateType: 'Full' })).toEqual({ status: 'Failed' });
  });
});

describe('1.6 reservations (§5.1, §5.13)', () => {
  it('TC_046_1 / TC_051 / TC_052: reserve, refuse others locally, start with the reservation id; cancel', async () => {
    const rig = await booted();
    const from = rig.csms.received.length;
    expect(await result(rig, 'ReserveNow', { connectorId: 1, expiryDate: iso(rig.timers.now() + 600_000), idTag: 'MINE', reservationId: 7 })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    rig.cp.operator.presentIdToken('OTHER');
    await rig.advance(0);
    rig.cp.operator.presentIdToken('MINE');
    await rig.advance(0);
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    expect(rig.csms.calls('StatusNotification').filter((c) => c.index >= from).map((c) => c.payload['status'])).toEqual(['Reserved', 'Preparing', 'Charging']);
    expect(rig.csms.calls('Authorize').map((c) => c.payload['idTag'])).toEqual(['MINE']);
    expect(rig.csms.calls('StartTransaction')[0]!.payload).toMatchObject({ idTag: 'MINE', reservationId: 7 });

    const rig2 = await booted();
    await result(rig2, 'ReserveNow', { connectorId: 1, expiryDate: iso(rig2.timers.now() + 600_000), idTag: 'MINE', reservationId: 8 });
    expect(await result(rig2, 'CancelReservation', { reservationId: 99 })).toEqual({ status: 'Rejected' });
    expect(await result(rig2, 'CancelReservation', { reservationId: 8 })).toEqual({ status: 'Accepted' });
    await rig2.advance(0);
    expect(rig2.cp.summary().connectors[0]!.status).toBe('Available');
  });

  it('TC_047 / TC_048_x / TC_050_x / TC_053: expiry, refusals by state, connector 0, parent id', async () => {
    const rig = await booted({ connectors: 2 });
    await result(rig, 'ReserveNow', { connectorId: 1, expiryDate: iso(rig.timers.now() + 30_000), idTag: 'MINE', reservationId: 1 });
    await rig.advance(29);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Reserved');
    await rig.advance(1);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Available');

    rig.cp.operator.fault(1);
    expect(await result(rig, 'ReserveNow', { connectorId: 1, expiryDate: iso(rig.timers.now() + 30_000), idTag: 'X', reservationId: 2 })).toEqual({ status: 'Faulted' });
    rig.cp.operator.clearFault(1);
    rig.cp.operator.plugIn(1);
    expect(await result(rig, 'ReserveNow', { connectorId: 1, expiryDate: iso(rig.timers.now() + 30_000), idTag: 'X', reservationId: 3 })).toEqual({ status: 'Occupied' });
    await result(rig, 'ChangeAvailability', { connectorId: 2, type: 'Inoperative' });
    expect(await result(rig, 'ReserveNow', { connectorId: 2, expiryDate: iso(rig.timers.now() + 30_000), idTag: 'X', reservationId: 4 })).toEqual({ status: 'Unavailable' });
    // Connector 0: the only free connector is taken → Occupied; after making 2 operative, Accepted and shown Reserved.
    expect(await result(rig, 'ReserveNow', { connectorId: 0, expiryDate: iso(rig.timers.now() + 30_000), idTag: 'X', reservationId: 5 })).toEqual({ status: 'Occupied' });
    await result(rig, 'ChangeAvailability', { connectorId: 2, type: 'Operative' });
    expect(await result(rig, 'ReserveNow', { connectorId: 0, expiryDate: iso(rig.timers.now() + 30_000), idTag: 'X', reservationId: 6 })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.cp.summary().connectors[1]!.status).toBe('Reserved');
    const none = await booted({ profiles: ['Core'] });
    expect(await result(none, 'ReserveNow', { connectorId: 1, expiryDate: iso(none.timers.now() + 30_000), idTag: 'X', reservationId: 1 })).toEqual({ status: 'Rejected' });

    const parent = await booted();
    parent.csms.idTags.set('KID', { status: 'Accepted', parent: 'FAMILY' });
    await result(parent, 'ReserveNow', { connectorId: 1, expiryDate: iso(parent.timers.now() + 600_000), idTag: 'MUM', parentIdTag: 'FAMILY', reservationId: 9 });
    parent.cp.operator.presentIdToken('KID');
    await parent.advance(0);
    parent.cp.operator.plugIn(1);
    await parent.advance(0);
    expect(parent.csms.calls('StartTransaction')[0]!.payload).toMatchObject({ idTag: 'KID', reservationId: 9 });
  });
});

describe('1.6 reservations of connector 0 and expiry on a scaled clock (§5.13)', () => {
  it('TC_049: the last free connector stays Reserved when a cable goes in; only the reserved tag starts there, with the reservation id', async () => {
    const rig = await booted({ connectors: 2 });
    await result(rig, 'ChangeAvailability', { connectorId: 2, type: 'Inoperative' });
    expect(await result(rig, 'ReserveNow', { connectorId: 0, expiryDate: iso(rig.timers.now() + 600_000), idTag: 'MINE', reservationId: 3 })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    const from = rig.csms.received.length;
    rig.cp.operator.plugIn(1);
    await rig.advance(0);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Reserved');
    expect(await result(rig, 'RemoteStartTransaction', { connectorId: 1, idTag: 'OTHER' })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.csms.calls('StartTransaction')).toEqual([]);
    expect(await result(rig, 'RemoteStartTransaction', { connectorId: 1, idTag: 'MINE' })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    expect(rig.csms.calls('StatusNotification').filter((c) => c.index >= from && c.payload['connectorId'] === 1).map((c) => c.payload['status'])).toEqual(['Preparing', 'Charging']);
    expect(rig.csms.calls('StartTransaction')[0]!.payload).toMatchObject({ connectorId: 1, idTag: 'MINE', reservationId: 3 });
  });

  it('TC_047: an expiryDate is a wall-clock instant, kept as such when the charger runs on a scaled clock', async () => {
    const rig = await booted({ timeScale: 0.05 });
    await result(rig, 'ReserveNow', { connectorId: 1, expiryDate: iso(rig.timers.now() + 1000), idTag: 'MINE', reservationId: 1 });
    // advance() moves real milliseconds here: 0.9 s of wall clock is still before the expiry.
    await rig.timers.advance(900);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Reserved');
    await rig.timers.advance(100);
    expect(rig.cp.summary().connectors[0]!.status).toBe('Available');
  });
});

describe('1.6 smart charging (§3.13, §5.5, §5.7, §5.16)', () => {
  const profile = (id: number, purpose: string, stackLevel: number, start: string, duration: number, periods: Array<[number, number]>, extra: Record<string, unknown> = {}) => ({
    chargingProfileId: id,
    stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: 'Absolute',
    ...extra,
    chargingSchedule: { duration, startSchedule: start, chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit, numberPhases: 3 })) },
  });
  const periods = (p: Record<string, unknown>) => ((p['chargingSchedule'] as Record<string, unknown>)['chargingSchedulePeriod'] as Array<{ startPeriod: number; limit: number }>).map((x) => [x.startPeriod, x.limit]);

  it('TC_066: composite of ChargePointMax, TxDefault and TxProfile during a transaction', async () => {
    const rig = await booted();
    rig.cp.operator.plugIn(1);
    rig.cp.operator.presentIdToken('TAG1');
    await rig.advance(0);
    const start = iso(rig.timers.now());
    const validTo = iso(rig.timers.now() + 401_000);
    expect(await result(rig, 'SetChargingProfile', { connectorId: 0, csChargingProfiles: profile(1, 'ChargePointMaxProfile', 0, start, 86400, [[0, 10]]) })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(2, 'TxDefaultProfile', 0, start, 300, [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]], { validFrom: start, validTo }) })).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(3, 'TxProfile', 0, start, 260, [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]], { validFrom: start, validTo, transactionId: 1 }) })).toEqual({ status: 'Accepted' });
    const composite = await result(rig, 'GetCompositeSchedule', { connectorId: 1, duration: 400, chargingRateUnit: 'A' });
    expect(composite).toMatchObject({ status: 'Accepted', connectorId: 1, chargingSchedule: { duration: 400, chargingRateUnit: 'A' } });
    expect((composite['chargingSchedule'] as Record<string, unknown>)['startSchedule']).toBeUndefined();
    expect(periods(composite)).toEqual([[0, 8], [50, 10], [200, 6], [240, 10]]);
    expect(rig.cp.summary().connectors[0]!.limitW).toBe(Math.round(8 * 230 * 3));
  });

  it('TC_067 / TC_072: clearing by id and by criteria; stacking falls back to the lower level', async () => {
    const rig = await booted();
    const start = iso(rig.timers.now());
    const validTo = iso(rig.timers.now() + 401_000);
    await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(1, 'TxDefaultProfile', 1, start, 400, [[0, 6], [60, 8], [200, 10]]) });
    await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(2, 'TxDefaultProfile', 0, start, 400, [[0, 7], [100, 9]], { validFrom: start, validTo }) });
    await result(rig, 'SetChargingProfile', { connectorId: 0, csChargingProfiles: profile(3, 'ChargePointMaxProfile', 0, start, 86400, [[0, 11], [200, 12]], { validFrom: start, validTo }) });
    expect(await result(rig, 'ClearChargingProfile', { id: 1 })).toEqual({ status: 'Accepted' });
    expect(periods(await result(rig, 'GetCompositeSchedule', { connectorId: 1, duration: 350, chargingRateUnit: 'A' }))).toEqual([[0, 7], [100, 9]]);
    expect(await result(rig, 'ClearChargingProfile', { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 })).toEqual({ status: 'Accepted' });
    expect(periods(await result(rig, 'GetCompositeSchedule', { connectorId: 1, duration: 350, chargingRateUnit: 'A' }))).toEqual([[0, 11], [200, 12]]);
    expect(await result(rig, 'ClearChargingProfile', {})).toEqual({ status: 'Accepted' });
    expect(await result(rig, 'ClearChargingProfile', {})).toEqual({ status: 'Unknown' });
    expect(periods(await result(rig, 'GetCompositeSchedule', { connectorId: 1, duration: 350, chargingRateUnit: 'A' }))).toEqual([[0, 15.9]]);

    const stack = await booted();
    const s2 = iso(stack.timers.now());
    const to2 = iso(stack.timers.now() + 401_000);
    await result(stack, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(1, 'TxDefaultProfile', 0, s2, 400, [[0, 6], [100, 8], [200, 10]], { validFrom: s2, validTo: to2 }) });
    await result(stack, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(2, 'TxDefaultProfile', 1, s2, 150, [[0, 7], [100, 9]], { validFrom: s2, validTo: to2 }) });
    expect(periods(await result(stack, 'GetCompositeSchedule', { connectorId: 1, duration: 350, chargingRateUnit: 'A' }))).toEqual([[0, 7], [100, 9], [150, 8], [200, 10]]);
  });

  it('TC_058_1 / TC_058_2 / TC_059 / TC_060: TxProfile rules and a profile in RemoteStartTransaction', async () => {
    const rig = await booted();
    const start = iso(rig.timers.now());
    expect(await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(1, 'TxProfile', 0, start, 300, [[0, 6]], { transactionId: 5 }) })).toEqual({ status: 'Rejected' });
    expect(await result(rig, 'RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1', chargingProfile: profile(2, 'TxDefaultProfile', 0, start, 300, [[0, 6]]) })).toEqual({ status: 'Rejected' });
    rig.cp.operator.plugIn(1);
    expect(await result(rig, 'RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1', chargingProfile: profile(3, 'TxProfile', 0, start, 300, [[0, 6]]) })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    expect(periods(await result(rig, 'GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' }))).toEqual([[0, 6]]);
    expect(await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(4, 'TxProfile', 1, start, 300, [[0, 6]], { transactionId: 77 }) })).toEqual({ status: 'Rejected' });
    expect(await result(rig, 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(4, 'TxProfile', 1, start, 300, [[0, 0]], { transactionId: 1 }) })).toEqual({ status: 'Accepted' });
    await rig.advance(0);
    // A limit of 0 suspends the energy offer (§4.9 C5).
    expect(rig.cp.summary().connectors[0]!.status).toBe('SuspendedEVSE');
  });
});

describe('1.6 remote trigger (§5.17)', () => {
  it('TC_054 / TC_055: answers first, then sends; Idle for diagnostics and firmware; unknown connector Rejected', async () => {
    const rig = await booted();
    for (const [requested, sent] of [
      ['MeterValues', 'MeterValues'],
      ['Heartbeat', 'Heartbeat'],
      ['StatusNotification', 'StatusNotification'],
      ['DiagnosticsStatusNotification', 'DiagnosticsStatusNotification'],
      ['FirmwareStatusNotification', 'FirmwareStatusNotification'],
      ['BootNotification', 'BootNotification'],
    ] as const) {
      const from = rig.csms.received.length;
      expect(await result(rig, 'TriggerMessage', { requestedMessage: requested, connectorId: 1 })).toEqual({ status: 'Accepted' });
      await rig.advance(0);
      expect(rig.csms.actions(from)[0]).toBe(sent);
    }
    expect(rig.csms.calls('DiagnosticsStatusNotification')[0]!.payload).toEqual({ status: 'Idle' });
    expect(rig.csms.calls('FirmwareStatusNotification')[0]!.payload).toEqual({ status: 'Idle' });
    const mv = rig.csms.calls('MeterValues')[0]!.payload;
    expect(mv['transactionId']).toBeUndefined();
    expect((mv['meterValue'] as Array<{ sampledValue: Array<{ context: string }> }>)[0]!.sampledValue[0]!.context).toBe('Trigger');
    expect(await result(rig, 'TriggerMessage', { requestedMessage: 'MeterValues', connectorId: 2 })).toEqual({ status: 'Rejected' });
  });
});

describe('1.6 firmware and diagnostics (§5.9, §5.19)', () => {
  it('TC_044_1: Downloading, Downloaded, Installing, reboot, then Installed with the new version', async () => {
    const rig = await booted();
    expect(await result(rig, 'UpdateFirmware', { location: 'https://firmware.example.com/fw.bin', retrieveDate: iso(rig.timers.now()) })).toEqual({});
    await rig.advance(60);
    expect(rig.csms.calls('FirmwareStatusNotification').map((c) => c.payload['status'])).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed']);
    const boots = rig.csms.calls('BootNotification');
    expect(boots).toHaveLength(2);
    expect(boots[1]!.payload['firmwareVersion']).toBe('1.0.1');
    expect(rig.csms.calls('FirmwareStatusNotification').at(-1)!.index).toBeGreaterThan(boots[1]!.index);
  });

  it('TC_044_2 / TC_044_3: download failure (nothing listening on the loopback port) and installation failure', async () => {
    const rig = await booted();
    await result(rig, 'UpdateFirmware', { location: 'ftp://127.0.0.1:1/download_fail.fwi', retrieveDate: iso(rig.timers.now()), retries: 0 });
    await rig.advance(10);
    await new Promise((r) => setTimeout(r, 100));
    await rig.advance(1);
    expect(rig.csms.calls('FirmwareStatusNotification').map((c) => c.payload['status'])).toEqual(['Downloading', 'DownloadFailed']);
    const rig2 = await booted();
    rig2.cp.operator.firmwareInstallFailure();
    await result(rig2, 'UpdateFirmware', { location: 'https://firmware.example.com/fw.bin', retrieveDate: iso(rig2.timers.now()) });
    await rig2.advance(60);
    expect(rig2.csms.calls('FirmwareStatusNotification').map((c) => c.payload['status'])).toEqual(['Downloading', 'Downloaded', 'Installing', 'InstallationFailed']);
    expect(rig2.csms.calls('BootNotification')).toHaveLength(1);
  });

  it('TC_045_1: GetDiagnostics names a file and reports Uploading then Uploaded', async () => {
    const rig = await booted();
    const conf = await result(rig, 'GetDiagnostics', { location: 'ftp://logs.example.com/upload' });
    expect(conf['fileName']).toMatch(/^diagnostics-CP1-/);
    await rig.advance(10);
    expect(rig.csms.calls('DiagnosticsStatusNotification').map((c) => c.payload['status'])).toEqual(['Uploading', 'Uploaded']);
  });
});
