// ocpp-rpc (an independent implementation, strict schema mode) as the charger against our
// CSMS, for 1.6 and 2.0.1: full scenarios, every CSMS-initiated action round-tripped, and no
// schema finding on any frame in either direction. 2.1 is played by our own endpoint
// (ocpp-rpc's 2.1 strict mode is broken).
import { afterEach, describe, expect, it } from 'vitest';
import type { OcppVersion } from '../../api/model';
import { payloadTemplate } from '../ocpp/templates';
import { rpcClient, type RpcClient } from '../testing/ocpp-rpc';
import { csmsInitiatedActions } from './responders';
import { ownCharger, startTestCsms, until, type TestCsms } from './testing';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const TOKENS = {
  ACC: 'Accepted',
  BLK: 'Blocked',
  INV: 'Invalid',
  OLD: { status: 'Accepted', expiryDate: '2020-01-01T00:00:00Z' },
  BUSY: 'ConcurrentTx',
};

async function csmsWithTokens(): Promise<TestCsms> {
  const t = await startTestCsms({ idTokens: TOKENS, boot: { interval: 60 } });
  cleanups.push(() => t.stop());
  return t;
}

/** Answers every CSMS-initiated action the way a conformant charger would (templates, plus a few with content). */
function chargerAnswers(version: OcppVersion, special: Record<string, Record<string, unknown>>) {
  return ({ method }: { method: string }) => special[method] ?? payloadTemplate(version, method, 'response') ?? {};
}

async function rpcCharger(url: string, id: string, version: OcppVersion, special: Record<string, Record<string, unknown>>): Promise<RpcClient> {
  const client = rpcClient({ endpoint: `${url}/ocpp`, identity: id, protocols: [`ocpp${version}`] });
  client.handle(chargerAnswers(version, special) as never);
  await client.connect();
  cleanups.push(() => client.close({ force: true }));
  return client;
}

/** Sends every CSMS-initiated action of the version (template payloads unless given) and expects a valid result. */
async function sendEveryAction(t: TestCsms, id: string, version: OcppVersion, payloads: Record<string, Record<string, unknown>>) {
  const actions = csmsInitiatedActions(version);
  for (const action of actions) {
    const outcome = await t.csms.send(id, action, payloads[action], { timeoutMs: 3000 });
    expect({ action, kind: outcome.kind, findings: outcome.kind === 'result' ? outcome.findings : outcome }).toEqual({ action, kind: 'result', findings: [] });
  }
  return actions.length;
}

describe('ocpp-rpc 1.6 charger (strict) against the CSMS', () => {
  it('boots, heartbeats, authorizes each token status, runs a transaction with meter values, answers every CSMS action — no finding either way', async () => {
    const t = await csmsWithTokens();
    // GetConfiguration reports what ChangeConfiguration set: a consistent charger.
    const configuration = { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }], unknownKey: ['Foo'] };
    const cp = await rpcCharger(t.url, 'RPC16', '1.6', {
      GetConfiguration: configuration,
      GetLocalListVersion: { listVersion: 2 },
      GetDiagnostics: { fileName: 'diagnostics.zip' },
    });
    cp.handle('ChangeConfiguration', ({ params }) => {
      if (params['key'] === 'HeartbeatInterval') configuration.configurationKey[0]!.value = String(params['value']);
      return { status: 'Accepted' };
    });

    const boot = await cp.call('BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'RPC', chargePointSerialNumber: 'SN-1' });
    expect(boot).toMatchObject({ status: 'Accepted', interval: 60 });
    expect(Date.parse(String(boot['currentTime']))).toBeGreaterThan(Date.now() - 60_000);
    expect(typeof (await cp.call('Heartbeat', {}))['currentTime']).toBe('string');
    for (const connectorId of [0, 1, 2]) await cp.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available' });

    const status = async (idTag: string) => ((await cp.call('Authorize', { idTag }))['idTagInfo'] as { status: string }).status;
    expect(await status('ACC')).toBe('Accepted');
    expect(await status('BLK')).toBe('Blocked');
    expect(await status('INV')).toBe('Invalid');
    expect(await status('OLD')).toBe('Expired');
    expect(await status('BUSY')).toBe('ConcurrentTx');
    expect(await status('nobody')).toBe('Invalid');

    await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
    const started = await cp.call('StartTransaction', { connectorId: 1, idTag: 'ACC', meterStart: 1000, timestamp: new Date().toISOString() });
    expect(started).toMatchObject({ idTagInfo: { status: 'Accepted' } });
    const txId = started['transactionId'] as number;
    // 1.6 §7.2: the same tag starting a second transaction is ConcurrentTx.
    const second = await cp.call('StartTransaction', { connectorId: 2, idTag: 'ACC', meterStart: 0, timestamp: new Date().toISOString() });
    expect(second).toMatchObject({ idTagInfo: { status: 'ConcurrentTx' } });
    expect(second['transactionId']).not.toBe(txId);
    await cp.call('StopTransaction', { transactionId: second['transactionId'], meterStop: 0, timestamp: new Date().toISOString(), reason: 'DeAuthorized' });
    await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    await cp.call('MeterValues', { connectorId: 1, transactionId: txId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }] });
    const stopped = await cp.call('StopTransaction', { transactionId: txId, idTag: 'ACC', meterStop: 2400, timestamp: new Date().toISOString(), reason: 'Local' });
    expect(stopped).toEqual({ idTagInfo: { status: 'Accepted' } });
    await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Finishing' });
    await cp.call('FirmwareStatusNotification', { status: 'Downloading' });
    await cp.call('DiagnosticsStatusNotification', { status: 'Uploading' });
    await cp.call('SecurityEventNotification', { type: 'SettingSystemTime', timestamp: new Date().toISOString() });
    expect(await cp.call('DataTransfer', { vendorId: 'com.example' })).toEqual({ status: 'UnknownVendorId' });

    const now = new Date(Date.now() + 3600_000).toISOString();
    const sent = await sendEveryAction(t, 'RPC16', '1.6', {
      ChangeConfiguration: { key: 'HeartbeatInterval', value: '120' },
      SendLocalList: { listVersion: 3, updateType: 'Full', localAuthorizationList: [{ idTag: 'ACC', idTagInfo: { status: 'Accepted' } }] },
      ReserveNow: { connectorId: 2, expiryDate: now, idTag: 'ACC', reservationId: 11 },
      SetChargingProfile: {
        connectorId: 1,
        csChargingProfiles: { chargingProfileId: 5, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] } },
      },
      ClearChargingProfile: { id: 999 },
    });
    // 1.6 with the security extension: 25 CSMS-only actions and DataTransfer.
    expect(sent).toBe(26);

    const state = t.csms.state('RPC16')!;
    expect(state).toMatchObject({ version: '1.6', boot: { status: 'Accepted', station: { vendor: 'Bench', serialNumber: 'SN-1' } }, localListVersion: 3 });
    expect(state.connectors.find((c) => c.connectorId === 1)?.status).toBe('Finishing');
    const tx = state.transactions.find((x) => x.transactionId === String(txId))!;
    expect(tx).toMatchObject({ state: 'ended', meterStart: 1000, meterStop: 2400, energyWh: 2400, idTag: 'ACC' });
    expect(tx.meterValues).toHaveLength(1);
    expect(state.configuration['HeartbeatInterval']).toMatchObject({ value: '120', readonly: false });
    expect(state.unknownConfigurationKeys).toEqual(['Foo']);
    expect(state.reservations).toMatchObject([{ reservationId: 11, status: 'Accepted' }]);
    expect(state.chargingProfiles.map((p) => p.chargingProfileId)).toEqual([5]);
    expect(state.firmware?.status).toBe('Downloading');
    expect(state.diagnostics?.status).toBe('Uploading');
    expect(state.securityEvents).toMatchObject([{ type: 'SettingSystemTime' }]);
    expect(state.stats.received['StatusNotification']).toBe(6);
    expect(state.stats.sent['Reset']).toBe(1);

    expect(await t.findings()).toEqual([]);
    expect(t.alerts).toEqual([]);
  });
});

describe('ocpp-rpc 2.0.1 charger (strict) against the CSMS', () => {
  it('boots, reports its device model, authorizes, runs the TransactionEvent lifecycle, answers every CSMS action — no finding either way', async () => {
    const t = await csmsWithTokens();
    const cp = await rpcCharger(t.url, 'RPC201', '2.0.1', {
      GetVariables: {
        getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '60', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }],
      },
      SetVariables: { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
      GetLocalListVersion: { versionNumber: 4 },
    });
    const now = () => new Date().toISOString();
    expect(await cp.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'RPC', vendorName: 'Bench', serialNumber: 'SN-2' } })).toMatchObject({ status: 'Accepted', interval: 60 });
    await cp.call('Heartbeat', {});
    await cp.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
    for (const [seqNo, tbc] of [[0, true], [1, false]] as const) {
      await cp.call('NotifyReport', {
        requestId: 1,
        generatedAt: now(),
        seqNo,
        tbc,
        reportData: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: seqNo === 0 ? 'Power' : 'AvailabilityState' }, variableAttribute: [{ type: 'Actual', value: seqNo === 0 ? '11000' : 'Available' }] }],
      });
    }
    const status = async (idToken: string) => ((await cp.call('Authorize', { idToken: { idToken, type: 'ISO14443' } }))['idTokenInfo'] as { status: string }).status;
    expect(await status('ACC')).toBe('Accepted');
    expect(await status('BLK')).toBe('Blocked');
    expect(await status('INV')).toBe('Invalid');
    expect(await status('OLD')).toBe('Expired');
    expect(await status('nobody')).toBe('Invalid');

    const tx = (eventType: string, seqNo: number, triggerReason: string, extra: Record<string, unknown> = {}) =>
      cp.call('TransactionEvent', { eventType, timestamp: now(), triggerReason, seqNo, transactionInfo: { transactionId: 'TX-201', ...(extra['info'] as object) }, evse: { id: 1, connectorId: 1 }, ...(extra['rest'] as object) });
    expect(await tx('Started', 0, 'CablePluggedIn', { rest: { meterValue: [{ timestamp: now(), sampledValue: [{ value: 500 }] }] } })).toEqual({});
    expect(await tx('Updated', 1, 'Authorized', { info: { chargingState: 'Charging' }, rest: { idToken: { idToken: 'ACC', type: 'ISO14443' } } })).toEqual({ idTokenInfo: { status: 'Accepted' } });
    // The token now has a transaction running: Authorize gives ConcurrentTx in 2.x.
    expect(await status('ACC')).toBe('ConcurrentTx');
    await tx('Updated', 2, 'MeterValuePeriodic', { rest: { meterValue: [{ timestamp: now(), sampledValue: [{ value: 1.2, unitOfMeasure: { unit: 'kWh' } }] }] } });
    expect(await tx('Ended', 3, 'StopAuthorized', { info: { stoppedReason: 'Local' }, rest: { idToken: { idToken: 'ACC', type: 'ISO14443' }, meterValue: [{ timestamp: now(), sampledValue: [{ value: 1800 }] }] } })).toEqual({
      idTokenInfo: { status: 'Accepted' },
    });
    await cp.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
    await cp.call('FirmwareStatusNotification', { status: 'Installed', requestId: 3 });
    await cp.call('LogStatusNotification', { status: 'Uploaded', requestId: 4 });
    await cp.call('SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: now() });
    await cp.call('NotifyEvent', {
      generatedAt: now(),
      seqNo: 0,
      eventData: [{ eventId: 1, timestamp: now(), trigger: 'Alerting', actualValue: 'Faulted', eventNotificationType: 'HardWiredNotification', component: { name: 'EVSE' }, variable: { name: 'Problem' } }],
    });

    const later = new Date(Date.now() + 3600_000).toISOString();
    const sent = await sendEveryAction(t, 'RPC201', '2.0.1', {
      SetVariables: { setVariableData: [{ attributeValue: '30', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
      ReserveNow: { id: 21, expiryDateTime: later, idToken: { idToken: 'ACC', type: 'ISO14443' }, evseId: 1 },
      SendLocalList: { versionNumber: 5, updateType: 'Full' },
      SetChargingProfile: {
        evseId: 1,
        chargingProfile: { id: 8, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: [{ id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7400 }] }] },
      },
      ClearChargingProfile: { chargingProfileId: 999 },
    });
    // 2.0.1: 39 CSMS-only actions and DataTransfer.
    expect(sent).toBe(40);

    const state = t.csms.state('RPC201')!;
    expect(state).toMatchObject({ version: '2.0.1', boot: { status: 'Accepted', reason: 'PowerUp' }, localListVersion: 5 });
    expect(state.reports).toMatchObject([{ requestId: 1, parts: 2, complete: true }]);
    expect(state.variables['EVSE@1/Power']!.attributes['Actual']).toEqual({ value: '11000' });
    // GetVariables reported 60, then SetVariables was accepted with 30.
    expect(state.variables['OCPPCommCtrlr/HeartbeatInterval']!.attributes['Actual']).toEqual({ value: '30' });
    const transaction = state.transactions[0]!;
    expect(transaction).toMatchObject({ transactionId: 'TX-201', state: 'ended', meterStart: 500, meterStop: 1800, idTag: 'ACC', seqNo: 3, stopReason: 'Local' });
    expect(transaction.meterValues).toHaveLength(3);
    expect(state.reservations).toMatchObject([{ reservationId: 21, evseId: 1, status: 'Accepted' }]);
    expect(state.chargingProfiles.map((p) => p.chargingProfileId)).toEqual([8]);
    expect(state.firmware).toMatchObject({ status: 'Installed', requestId: 3 });
    expect(state.log).toMatchObject({ status: 'Uploaded', requestId: 4 });
    expect(state.notifications.map((n) => n.action)).toContain('NotifyEvent');

    expect(await t.findings()).toEqual([]);
    expect(t.alerts).toEqual([]);
  });
});

describe('2.1 charger (our own endpoint) against the CSMS', () => {
  it('boots, runs a transaction, gets every CSMS action answered — no finding either way', async () => {
    const t = await csmsWithTokens();
    const cp = await ownCharger(t.url, 'OWN21', '2.1');
    cleanups.push(() => cp.close());
    const now = () => new Date().toISOString();
    const boot = await cp.endpoint.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Own', vendorName: 'Bench' } });
    expect(boot).toMatchObject({ kind: 'result', payload: { status: 'Accepted' }, findings: [] });
    await cp.endpoint.call('StatusNotification', { timestamp: now(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    const started = await cp.endpoint.call('TransactionEvent', {
      eventType: 'Started',
      timestamp: now(),
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'T21' },
      idToken: { idToken: 'BLK', type: 'ISO14443' },
      evse: { id: 1, connectorId: 1 },
    });
    expect(started).toMatchObject({ kind: 'result', payload: { idTokenInfo: { status: 'Blocked' } } });
    await cp.endpoint.call('TransactionEvent', { eventType: 'Ended', timestamp: now(), triggerReason: 'Deauthorized', seqNo: 1, transactionInfo: { transactionId: 'T21', stoppedReason: 'DeAuthorized' } });
    // A 2.1 SEND is never answered, but counted and kept.
    cp.endpoint.send('NotifyPeriodicEventStream', { id: 1, pending: 0, basetime: now(), data: [{ t: 0, v: '1' }] });
    await until(() => (t.csms.state('OWN21')!.stats.received['NotifyPeriodicEventStream'] === 1 ? true : undefined));

    const sent = await sendEveryAction(t, 'OWN21', '2.1', {});
    expect(sent).toBeGreaterThan(50);
    expect(cp.calls).toHaveLength(sent);
    expect(t.csms.state('OWN21')!.transactions[0]).toMatchObject({ transactionId: 'T21', state: 'ended', authorization: 'Blocked' });
    expect(await t.findings()).toEqual([]);
    expect(t.alerts).toEqual([]);
  });
});

describe('every charger-initiated action, over the wire', () => {
  for (const version of ['1.6', '2.0.1', '2.1'] as const) {
    // Template requests out of any sequence: the judge may flag the charger's behaviour
    // (e.g. a StopTransaction for an unknown transaction), never the CSMS's answers.
    it(`${version}: each one's template request gets a schema-valid CALLRESULT`, async () => {
      const t = await csmsWithTokens();
      const cp = await ownCharger(t.url, `ALL-${version}`, version);
      cleanups.push(() => cp.close());
      const { chargerInitiatedActions } = await import('./responders');
      for (const action of chargerInitiatedActions(version)) {
        const outcome = await cp.endpoint.call(action, payloadTemplate(version, action, 'request')!, { timeoutMs: 2000 });
        expect({ action, kind: outcome.kind, findings: outcome.kind === 'result' ? outcome.findings : outcome }).toEqual({ action, kind: 'result', findings: [] });
      }
      const findings = await t.findings();
      expect(findings.filter((f) => f.dir === 'csms2cp' || f.finding.group === 'schema' || f.finding.group === 'framing')).toEqual([]);
      expect(t.alerts).toEqual([]);
    });
  }
});
