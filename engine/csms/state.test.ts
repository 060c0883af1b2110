import { describe, expect, it } from 'vitest';
import { LIMITS, newChargerState, resetForVersion, summarize, variableKey } from './state';
import { applyChargerCall } from './state-charger';
import { applyCommandResult } from './state-commands';

const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2025-03-01T10:05:00.000Z';

describe('charger state, 1.6', () => {
  it('follows boot, statuses, a transaction with meter values and its stop', () => {
    const s = newChargerState('CP1');
    applyChargerCall(s, '1.6', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M', chargePointSerialNumber: 'S1', firmwareVersion: '1.2' }, { status: 'Pending', currentTime: T0, interval: 30 }, T0);
    expect(s.boot).toMatchObject({ status: 'Pending', attempts: 1, station: { vendor: 'V', model: 'M', serialNumber: 'S1', firmwareVersion: '1.2' } });
    applyChargerCall(s, '1.6', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }, { status: 'Accepted', currentTime: T0, interval: 300 }, T0);
    expect(s.boot).toMatchObject({ status: 'Accepted', attempts: 2 });

    applyChargerCall(s, '1.6', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' }, {}, T0);
    applyChargerCall(s, '1.6', 'StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' }, {}, T0);
    expect(s.connectors.map((c) => [c.connectorId, c.status])).toEqual([
      [0, 'Available'],
      [1, 'Preparing'],
    ]);

    applyChargerCall(s, '1.6', 'StartTransaction', { connectorId: 1, idTag: 'TAG', meterStart: 1000, timestamp: T0 }, { idTagInfo: { status: 'Accepted' }, transactionId: 7 }, T0);
    applyChargerCall(
      s,
      '1.6',
      'MeterValues',
      { connectorId: 1, transactionId: 7, meterValue: [{ timestamp: T0, sampledValue: [{ value: '1.5', unit: 'kWh' }, { value: '16', measurand: 'Current.Import', unit: 'A' }] }] },
      {},
      T0,
    );
    expect(s.transactions[0]).toMatchObject({ transactionId: '7', idTag: 'TAG', state: 'active', meterStart: 1000, energyWh: 1500, authorization: 'Accepted' });
    expect(summarize(s).activeTransactions).toBe(1);

    applyChargerCall(
      s,
      '1.6',
      'StopTransaction',
      { transactionId: 7, meterStop: 2500, timestamp: T1, transactionData: [{ timestamp: T1, sampledValue: [{ value: '2500' }] }] },
      {},
      T1,
    );
    const t = s.transactions[0]!;
    expect(t).toMatchObject({ state: 'ended', ended: T1, meterStop: 2500, energyWh: 2500, stopReason: 'Local' });
    expect(t.meterValues).toHaveLength(2);
    expect(summarize(s).activeTransactions).toBe(0);
  });

  it('keeps configuration keys, the local list version, reservations and charging profiles from the answers', () => {
    const s = newChargerState('CP1');
    applyCommandResult(s, '1.6', 'GetConfiguration', {}, { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: ['Nope'] }, T0);
    applyCommandResult(s, '1.6', 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '60' }, { status: 'Accepted' }, T1);
    applyCommandResult(s, '1.6', 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '10' }, { status: 'Rejected' }, T1);
    expect(s.configuration).toEqual({ HeartbeatInterval: { value: '60', readonly: false, updated: T1 } });
    expect(s.unknownConfigurationKeys).toEqual(['Nope']);

    applyCommandResult(s, '1.6', 'GetLocalListVersion', {}, { listVersion: 3 }, T0);
    applyCommandResult(s, '1.6', 'SendLocalList', { listVersion: 4, updateType: 'Full' }, { status: 'Failed' }, T0);
    expect(s.localListVersion).toBe(3);
    applyCommandResult(s, '1.6', 'SendLocalList', { listVersion: 5, updateType: 'Full' }, { status: 'Accepted' }, T0);
    expect(s.localListVersion).toBe(5);

    applyCommandResult(s, '1.6', 'ReserveNow', { connectorId: 1, expiryDate: T1, idTag: 'TAG', reservationId: 9 }, { status: 'Accepted' }, T0);
    applyCommandResult(s, '1.6', 'CancelReservation', { reservationId: 9 }, { status: 'Accepted' }, T1);
    expect(s.reservations).toEqual([{ reservationId: 9, connectorId: 1, idTag: 'TAG', expiryDate: T1, status: 'Cancelled', at: T1 }]);

    const profile = (id: number, stackLevel: number) => ({
      chargingProfileId: id,
      stackLevel,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    });
    applyCommandResult(s, '1.6', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(1, 0) }, { status: 'Accepted' }, T0);
    applyCommandResult(s, '1.6', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(2, 1) }, { status: 'Accepted' }, T0);
    applyCommandResult(s, '1.6', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(3, 1) }, { status: 'Rejected' }, T0);
    // Same purpose and stack level on the same connector replaces (1.6 §5.16.4).
    applyCommandResult(s, '1.6', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(4, 0) }, { status: 'Accepted' }, T0);
    expect(s.chargingProfiles.map((p) => p.chargingProfileId)).toEqual([2, 4]);
    applyCommandResult(s, '1.6', 'ClearChargingProfile', { id: 2 }, { status: 'Accepted' }, T0);
    expect(s.chargingProfiles.map((p) => p.chargingProfileId)).toEqual([4]);
    applyCommandResult(s, '1.6', 'ClearChargingProfile', {}, { status: 'Accepted' }, T0);
    expect(s.chargingProfiles).toEqual([]);
  });

  it('marks a reservation used when a transaction starts with it, and bounds meter values', () => {
    const s = newChargerState('CP1');
    applyCommandResult(s, '1.6', 'ReserveNow', { connectorId: 1, expiryDate: T1, idTag: 'TAG', reservationId: 4 }, { status: 'Accepted' }, T0);
    applyChargerCall(s, '1.6', 'StartTransaction', { connectorId: 1, idTag: 'TAG', meterStart: 0, timestamp: T0, reservationId: 4 }, { idTagInfo: { status: 'Accepted' }, transactionId: 1 }, T0);
    expect(s.reservations[0]!.status).toBe('Used');
    const values = Array.from({ length: LIMITS.meterValuesPerTransaction + 5 }, (_, i) => ({ timestamp: T0, sampledValue: [{ value: String(i) }] }));
    applyChargerCall(s, '1.6', 'MeterValues', { connectorId: 1, transactionId: 1, meterValue: values }, {}, T0);
    const t = s.transactions[0]!;
    expect(t.meterValues).toHaveLength(LIMITS.meterValuesPerTransaction);
    expect(t.droppedMeterValues).toBe(5);
    expect(t.energyWh).toBe(LIMITS.meterValuesPerTransaction + 4);
  });
});

describe('charger state, 2.0.1', () => {
  it('follows the TransactionEvent lifecycle with seqNo, trigger, token and meter values', () => {
    const s = newChargerState('CS1');
    const event = (eventType: string, seqNo: number, extra: Record<string, unknown> = {}) => ({
      eventType,
      timestamp: T0,
      triggerReason: eventType === 'Started' ? 'CablePluggedIn' : eventType === 'Ended' ? 'EVCommunicationLost' : 'Authorized',
      seqNo,
      transactionInfo: { transactionId: 'tx-1', ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
      evse: { id: 1, connectorId: 1 },
      ...extra,
    });
    applyChargerCall(s, '2.0.1', 'TransactionEvent', event('Started', 0, { meterValue: [{ timestamp: T0, sampledValue: [{ value: 100 }] }] }), {}, T0);
    applyChargerCall(s, '2.0.1', 'TransactionEvent', event('Updated', 1, { idToken: { idToken: 'TAG', type: 'ISO14443' } }), { idTokenInfo: { status: 'Accepted' } }, T0);
    applyChargerCall(
      s,
      '2.0.1',
      'TransactionEvent',
      event('Updated', 2, { meterValue: [{ timestamp: T0, sampledValue: [{ value: 2.5, unitOfMeasure: { unit: 'kWh' } }] }] }),
      {},
      T0,
    );
    expect(s.transactions[0]).toMatchObject({ transactionId: 'tx-1', state: 'active', evseId: 1, connectorId: 1, idTag: 'TAG', authorization: 'Accepted', meterStart: 100, energyWh: 2500, seqNo: 2 });
    applyChargerCall(s, '2.0.1', 'TransactionEvent', event('Ended', 3, { meterValue: [{ timestamp: T1, sampledValue: [{ value: 3000 }] }] }), {}, T1);
    expect(s.transactions[0]).toMatchObject({ state: 'ended', meterStop: 3000, stopReason: 'EVDisconnected', lastTrigger: 'EVCommunicationLost' });
  });

  it('collects the device model from a multi-part NotifyReport and from GetVariables / SetVariables answers', () => {
    const s = newChargerState('CS1');
    const part = (seqNo: number, tbc: boolean, name: string, value: string) => ({
      requestId: 5,
      generatedAt: T0,
      seqNo,
      tbc,
      reportData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name }, variableAttribute: [{ type: 'Actual', value, mutability: 'ReadWrite' }] }],
    });
    applyChargerCall(s, '2.0.1', 'NotifyReport', part(0, true, 'HeartbeatInterval', '300'), {}, T0);
    expect(s.reports).toEqual([{ requestId: 5, parts: 1, lastSeqNo: 0, complete: false, generatedAt: T0 }]);
    applyChargerCall(s, '2.0.1', 'NotifyReport', part(1, false, 'MessageTimeout', '30'), {}, T0);
    expect(s.reports[0]).toMatchObject({ parts: 2, lastSeqNo: 1, complete: true });
    expect(Object.keys(s.variables).sort()).toEqual(['OCPPCommCtrlr/HeartbeatInterval', 'OCPPCommCtrlr/MessageTimeout']);

    const key = variableKey({ name: 'EVSE', evse: { id: 1 } }, { name: 'Power' });
    expect(key).toBe('EVSE@1/Power');
    applyCommandResult(s, '2.0.1', 'GetVariables', {}, { getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '11000', component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }] }, T1);
    expect(s.variables[key]!.attributes['Actual']).toEqual({ value: '11000' });
    applyCommandResult(
      s,
      '2.0.1',
      'SetVariables',
      { setVariableData: [{ attributeValue: '60', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
      { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
      T1,
    );
    expect(s.variables['OCPPCommCtrlr/HeartbeatInterval']!.attributes['Actual']).toEqual({ value: '60', mutability: 'ReadWrite' });
  });

  it('keeps EVSE statuses, availability, and forgets version-specific state when the version changes', () => {
    const s = newChargerState('CS1');
    applyChargerCall(s, '2.0.1', 'StatusNotification', { timestamp: T0, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }, {}, T0);
    applyCommandResult(s, '2.0.1', 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } }, { status: 'Scheduled' }, T1);
    expect(s.connectors).toEqual([{ evseId: 1, connectorId: 1, status: 'Occupied', timestamp: T0, availability: 'Inoperative', updated: T0 }]);
    s.version = '2.0.1';
    s.stats.received['BootNotification'] = 1;
    resetForVersion(s, '1.6');
    expect(s.connectors).toEqual([]);
    expect(s.version).toBe('1.6');
    expect(s.stats.received).toEqual({ BootNotification: 1 });
  });
});
