// Each named faulty behaviour of the built-in CSMS changes what it should, and only that.
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../net/connect';
import { basicAuthHeader } from '../net/handshake';
import { StandaloneCsms } from './server';
import { BenchPki } from '../conformance/pki';
import { CSMS_BEHAVIOURS, checkBehaviours, outgoingWithBehaviours, settingsWithBehaviours, tlsWithBehaviours } from './behaviours';
import { defaultSettings, mergeSettings } from './settings';
import { ownCharger } from './testing';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function faulty(behaviours: string[], settings: unknown = {}) {
  const csms = new StandaloneCsms({ host: '127.0.0.1', port: 0, behaviours, settings: mergeSettings(defaultSettings(), settings) });
  const { url } = await csms.start();
  cleanups.push(() => csms.stop());
  return { csms, url };
}

describe('faulty CSMS behaviours', () => {
  it('are documented and checked by name', () => {
    for (const b of CSMS_BEHAVIOURS) expect(b.description).toMatch(/\.$/);
    expect(checkBehaviours(['rejects-boot', 'no-command:Reset'])).toBeUndefined();
    expect(checkBehaviours(['rejects-bot'])).toMatch(/has no faulty behaviour "rejects-bot"/);
    expect(() => new StandaloneCsms({ host: '127.0.0.1', port: 0, behaviours: ['nope'] })).toThrow(/no faulty behaviour "nope"/);
  });

  it('answers: rejected boot even after the settings change, collapsed statuses, any start accepted, CALLERRORs', async () => {
    const { csms, url } = await faulty(['rejects-boot', 'authorize-collapses-statuses', 'start-transaction-accepts-invalid-tag', 'data-transfer-callerror'], {
      idTokens: { B: 'Blocked', E: 'Expired', A: { status: 'Accepted', parentIdTag: 'P' } },
    });
    // The harness configures after start: the behaviour still wins.
    csms.updateSettings({ boot: { status: 'Accepted' } });
    const cp = await ownCharger(url, 'F1', '1.6');
    cleanups.push(() => cp.close());
    expect(await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' })).toMatchObject({ payload: { status: 'Rejected' } });
    expect(await cp.endpoint.call('Authorize', { idTag: 'B' })).toMatchObject({ payload: { idTagInfo: { status: 'Invalid' } } });
    expect(await cp.endpoint.call('Authorize', { idTag: 'E' })).toMatchObject({ payload: { idTagInfo: { status: 'Invalid' } } });
    expect(await cp.endpoint.call('Authorize', { idTag: 'A' })).toMatchObject({ payload: { idTagInfo: { status: 'Accepted', parentIdTag: 'P' } } });
    expect(await cp.endpoint.call('StartTransaction', { connectorId: 1, idTag: 'nobody', meterStart: 0, timestamp: new Date().toISOString() })).toMatchObject({
      payload: { idTagInfo: { status: 'Accepted' }, transactionId: 1 },
    });
    expect(await cp.endpoint.call('DataTransfer', { vendorId: 'x' })).toMatchObject({ kind: 'error', code: 'NotImplemented' });
    // The operator's own settings are what csms.responders shows.
    expect(csms.responders().global).toEqual({});
  });

  it('sends: changed payloads are judged as sent; a missing command is refused', async () => {
    const { csms, url } = await faulty(['reset-type-fixed', 'remote-stop-wrong-transaction-id', 'signed-firmware-without-certificate', 'no-command:ClearCache']);
    const cp = await ownCharger(url, 'F2', '1.6');
    cleanups.push(() => cp.close());
    await csms.send('F2', 'Reset', { type: 'Hard' });
    await csms.send('F2', 'RemoteStopTransaction', { transactionId: 7 });
    expect(cp.calls.map((c) => c.payload)).toEqual([{ type: 'Soft' }, { transactionId: 1007 }]);
    const firmware = { requestId: 1, firmware: { location: 'https://x/', retrieveDateTime: new Date().toISOString(), signingCertificate: 'PEM', signature: 'sig' } };
    const outcome = await csms.send('F2', 'SignedUpdateFirmware', firmware);
    // Our own charger refuses the invalid request, as a conformant one must.
    expect(outcome).toMatchObject({ kind: 'error', code: 'OccurenceConstraintViolation' });
    await expect(csms.send('F2', 'ClearCache')).rejects.toThrow(/cannot send ClearCache \(faulty behaviour no-command:ClearCache\)/);
  });

  it('history: authorize-then-start conflicts, starts need an authorization of this connection', async () => {
    const tags = { idTokens: { A: 'Accepted', B: 'Accepted' } };
    const conflict = await faulty(['authorize-then-start-conflict'], tags);
    const cp = await ownCharger(conflict.url, 'H1', '1.6');
    cleanups.push(() => cp.close());
    const start = (idTag: string) => cp.endpoint.call('StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() });
    await cp.endpoint.call('Authorize', { idTag: 'A' });
    expect(await start('A')).toMatchObject({ payload: { idTagInfo: { status: 'ConcurrentTx' } } });
    // Only a tag authorized and not yet used conflicts: B was never authorized.
    expect(await start('B')).toMatchObject({ payload: { idTagInfo: { status: 'Accepted' } } });

    const strict = await faulty(['start-requires-prior-authorize'], tags);
    const first = await ownCharger(strict.url, 'H2', '1.6');
    const startOn = (c: typeof first, idTag: string) => c.endpoint.call('StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() });
    expect(await startOn(first, 'A')).toMatchObject({ payload: { idTagInfo: { status: 'Invalid' } } });
    await first.endpoint.call('Authorize', { idTag: 'A' });
    expect(await startOn(first, 'A')).toMatchObject({ payload: { idTagInfo: { status: 'Accepted' } } });
    // The authorization was used up, and a new connection starts with none.
    await first.endpoint.call('Authorize', { idTag: 'B' });
    first.close();
    const second = await ownCharger(strict.url, 'H2', '1.6');
    cleanups.push(() => second.close());
    expect(await startOn(second, 'B')).toMatchObject({ payload: { idTagInfo: { status: 'Invalid' } } });
  });

  it('history: CALLERRORs for odd stop reasons, connector errors, abandoned Preparing, queued messages', async () => {
    const { url } = await faulty(['stop-reason-unhandled', 'connector-error-callerror', 'abandoned-preparing-callerror', 'queued-messages-rejected'], { idTokens: { A: 'Accepted' } });
    const cp = await ownCharger(url, 'H3', '1.6');
    cleanups.push(() => cp.close());
    const now = () => new Date().toISOString();
    const status = (connectorId: number, s: string, errorCode = 'NoError') => cp.endpoint.call('StatusNotification', { connectorId, errorCode, status: s, timestamp: now() });
    const stop = (transactionId: number, reason?: string, timestamp = now()) =>
      cp.endpoint.call('StopTransaction', { transactionId, meterStop: 10, timestamp, ...(reason !== undefined ? { reason } : {}) });
    const start = await cp.endpoint.call('StartTransaction', { connectorId: 1, idTag: 'A', meterStart: 0, timestamp: now() });
    const id = start.kind === 'result' ? Number(start.payload['transactionId']) : NaN;
    expect(await stop(id, 'EVDisconnected')).toMatchObject({ kind: 'error', code: 'InternalError' });
    expect(await stop(id, 'Remote')).toMatchObject({ kind: 'result' });
    expect(await stop(id)).toMatchObject({ kind: 'result' });
    // An hour-old stop (queued while offline) is refused; so is one at the connection's start.
    expect(await stop(id, 'Local', new Date(Date.now() - 3_600_000).toISOString())).toMatchObject({ kind: 'error', code: 'InternalError' });

    expect(await status(2, 'Faulted', 'ConnectorLockFailure')).toMatchObject({ kind: 'error', code: 'InternalError' });
    expect(await status(2, 'Preparing')).toMatchObject({ kind: 'result' });
    expect(await status(2, 'Available')).toMatchObject({ kind: 'error', code: 'InternalError' });
    // Available after Finishing (a transaction ended) is fine.
    expect(await status(1, 'Finishing')).toMatchObject({ kind: 'result' });
    expect(await status(1, 'Available')).toMatchObject({ kind: 'result' });
    // A Preparing from an earlier connection does not count: the charger reports afresh.
    expect(await status(2, 'Preparing')).toMatchObject({ kind: 'result' });
    cp.close();
    const again = await ownCharger(url, 'H3', '1.6');
    cleanups.push(() => again.close());
    expect(await again.endpoint.call('StatusNotification', { connectorId: 2, errorCode: 'NoError', status: 'Available', timestamp: now() })).toMatchObject({ kind: 'result' });
  });

  it('security: the old password stays after a key change; a valid password is refused', async () => {
    const keep = await faulty(['new-auth-key-not-stored'], { chargers: { K: { password: 'old-password-1234' } } });
    const cp = await ownCharger(keep.url, 'K', '1.6', { headers: { Authorization: basicAuthHeader('K', 'old-password-1234') } });
    cleanups.push(() => cp.close());
    await keep.csms.send('K', 'ChangeConfiguration', { key: 'AuthorizationKey', value: '00112233445566778899aabbccddeeff' });
    expect(keep.csms.getSettings().chargers['K']).toEqual({ password: 'old-password-1234' });

    const refuse = await faulty(['basic-auth-rejects-valid'], { chargers: { R: { password: 'right-password-12' } } });
    await expect(connect(`${refuse.url}/R`, { subprotocols: ['ocpp1.6'], headers: { Authorization: basicAuthHeader('R', 'right-password-12') } })).rejects.toMatchObject({ status: 401 });
  });

  it('local lists, diagnostics and triggers: update type forced, idTagInfo dropped, CALLERROR, unknown connectors refused', async () => {
    const { csms, url } = await faulty(['local-list-differential-only', 'local-list-without-id-tag-info', 'diagnostics-status-callerror', 'trigger-known-connectors-only']);
    const cp = await ownCharger(url, 'L1', '1.6');
    cleanups.push(() => cp.close());
    await csms.send('L1', 'SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] });
    expect(cp.calls.at(-1)?.payload).toEqual({ listVersion: 1, updateType: 'Differential', localAuthorizationList: [{ idTag: 'A' }] });
    expect(await cp.endpoint.call('DiagnosticsStatusNotification', { status: 'Uploaded' })).toMatchObject({ kind: 'error', code: 'InternalError' });
    await cp.endpoint.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() });
    await csms.send('L1', 'TriggerMessage', { requestedMessage: 'MeterValues', connectorId: 1 });
    expect(cp.calls.at(-1)?.payload).toEqual({ requestedMessage: 'MeterValues', connectorId: 1 });
    await expect(csms.send('L1', 'TriggerMessage', { requestedMessage: 'MeterValues', connectorId: 2 })).rejects.toThrow(/connector 2, which the charger never reported/);
    // Without the behaviours the same requests go out as asked.
    expect(outgoingWithBehaviours([], '1.6', 'SendLocalList', { listVersion: 1, updateType: 'Full' })).toEqual({ payload: { listVersion: 1, updateType: 'Full' } });
  });

  it('reservations: connector 0 forced or refused, another or only known ids cancelled, a reserved start refused', async () => {
    const { csms, url } = await faulty(['reserve-now-connector-zero', 'cancel-reservation-wrong-id', 'reserved-start-refused']);
    const cp = await ownCharger(url, 'R1', '1.6');
    cleanups.push(() => cp.close());
    const expiryDate = new Date(Date.now() + 3_600_000).toISOString();
    await csms.send('R1', 'ReserveNow', { connectorId: 1, expiryDate, idTag: 'A', reservationId: 5 });
    await csms.send('R1', 'CancelReservation', { reservationId: 5 });
    expect(cp.calls.map((c) => c.payload)).toEqual([{ connectorId: 0, expiryDate, idTag: 'A', reservationId: 5 }, { reservationId: 1005 }]);
    const start = (reservationId?: number) => cp.endpoint.call('StartTransaction', { connectorId: 1, idTag: 'A', meterStart: 0, timestamp: new Date().toISOString(), ...(reservationId !== undefined ? { reservationId } : {}) });
    expect(await start(5)).toMatchObject({ kind: 'error', code: 'InternalError' });
    expect(await start()).toMatchObject({ kind: 'result' });

    const strict = await faulty(['charge-point-reservation-refused', 'cancel-only-known-reservations']);
    const cp2 = await ownCharger(strict.url, 'R2', '1.6');
    cleanups.push(() => cp2.close());
    await expect(strict.csms.send('R2', 'ReserveNow', { connectorId: 0, expiryDate, idTag: 'A', reservationId: 6 })).rejects.toThrow(/cannot reserve the whole charge point/);
    await strict.csms.send('R2', 'ReserveNow', { connectorId: 1, expiryDate, idTag: 'A', reservationId: 7 });
    await expect(strict.csms.send('R2', 'CancelReservation', { reservationId: 8 })).rejects.toThrow(/cannot cancel reservation 8/);
    await strict.csms.send('R2', 'CancelReservation', { reservationId: 7 });
    expect(cp2.calls.map((c) => c.action)).toEqual(['ReserveNow', 'CancelReservation']);
    // Without the behaviours the same requests go out as asked.
    expect(outgoingWithBehaviours([], '1.6', 'ReserveNow', { connectorId: 0, expiryDate, idTag: 'A', reservationId: 6 })).toEqual({ payload: { connectorId: 0, expiryDate, idTag: 'A', reservationId: 6 } });
  });

  it('smart charging: validity and unit left out, a TxDefaultProfile in a remote start, clearing only by id', async () => {
    const { csms, url } = await faulty(['charging-profile-without-validity', 'composite-schedule-without-unit', 'remote-start-profile-not-txprofile', 'clear-profile-by-id-only']);
    const cp = await ownCharger(url, 'S1', '1.6');
    cleanups.push(() => cp.close());
    const now = new Date().toISOString();
    const schedule = { duration: 300, startSchedule: now, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] };
    const profile = { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', validFrom: now, validTo: now, chargingSchedule: schedule };
    await csms.send('S1', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile });
    await csms.send('S1', 'GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' });
    const txProfile = { chargingProfileId: 2, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] } };
    await csms.send('S1', 'RemoteStartTransaction', { connectorId: 1, idTag: 'A', chargingProfile: txProfile });
    await csms.send('S1', 'ClearChargingProfile', { id: 1 });
    await expect(csms.send('S1', 'ClearChargingProfile', { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 })).rejects.toThrow(/only clear a charging profile by its id/);
    await expect(csms.send('S1', 'ClearChargingProfile', {})).rejects.toThrow(/only clear a charging profile by its id/);
    const { startSchedule: _s, ...withoutStart } = schedule;
    const { validFrom: _f, validTo: _t, ...withoutValidity } = profile;
    expect(cp.calls.map((c) => c.payload)).toEqual([
      { connectorId: 1, csChargingProfiles: { ...withoutValidity, chargingSchedule: withoutStart } },
      { connectorId: 1, duration: 300 },
      { connectorId: 1, idTag: 'A', chargingProfile: { ...txProfile, chargingProfilePurpose: 'TxDefaultProfile' } },
      { id: 1 },
    ]);
    // Without the behaviours the same requests go out as asked.
    expect(outgoingWithBehaviours([], '1.6', 'ClearChargingProfile', {})).toEqual({ payload: {} });
    expect(outgoingWithBehaviours([], '1.6', 'GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' })).toEqual({ payload: { connectorId: 1, duration: 300, chargingRateUnit: 'A' } });
  });

  it('pure effects on settings and outgoing payloads', () => {
    const s = settingsWithBehaviours(mergeSettings(defaultSettings(), { idTokens: { A: { status: 'Accepted', parentIdTag: 'P' } } }), ['parent-id-not-returned', 'sign-certificate-rejected', 'security-event-callerror']);
    expect(s.idTokens).toEqual({ A: { status: 'Accepted' } });
    expect(s.signCertificate.status).toBe('Rejected');
    expect(s.responders['SecurityEventNotification']).toMatchObject({ mode: 'error', code: 'InternalError' });
    expect(outgoingWithBehaviours(['reservation-expiry-in-past'], '2.0.1', 'ReserveNow', { id: 1, expiryDateTime: '2030-01-01T00:00:00Z' })).toEqual({
      payload: { id: 1, expiryDateTime: '2000-01-01T00:00:00.000Z' },
    });
    expect(outgoingWithBehaviours(['get-log-diagnostics-only'], '1.6', 'GetLog', { logType: 'SecurityLog' })).toEqual({ payload: { logType: 'DiagnosticsLog' } });
    expect(outgoingWithBehaviours([], '1.6', 'Reset', { type: 'Hard' })).toEqual({ payload: { type: 'Hard' } });
    expect(outgoingWithBehaviours(['remote-start-wrong-id-tag'], '1.6', 'RemoteStartTransaction', { connectorId: 1, idTag: 'ABCDEFGHIJKLMNOPQRST' })).toEqual({
      payload: { connectorId: 1, idTag: 'ABCDEFGHIJKLMN-OTHER' },
    });
    expect(outgoingWithBehaviours(['remote-start-wrong-id-tag'], '2.0.1', 'RequestStartTransaction', { remoteStartId: 1, idToken: { idToken: 'T1', type: 'ISO14443' } })).toEqual({
      payload: { remoteStartId: 1, idToken: { idToken: 'T1-OTHER', type: 'ISO14443' } },
    });
    expect(outgoingWithBehaviours(['get-configuration-ignores-keys'], '1.6', 'GetConfiguration', { key: ['SupportedFeatureProfiles'] })).toEqual({ payload: {} });
    const validated = (key: string, value: string) => outgoingWithBehaviours(['change-configuration-validated'], '1.6', 'ChangeConfiguration', { key, value });
    expect(validated('MeterValueSampleInterval', '60')).toEqual({ payload: { key: 'MeterValueSampleInterval', value: '60' } });
    expect(validated('MeterValueSampleInterval', '-1')).toMatchObject({ refuse: expect.stringMatching(/MeterValueSampleInterval must be from 0/) });
    expect(validated('NoSuchKey', '1')).toMatchObject({ refuse: expect.stringMatching(/NoSuchKey is not a configuration key/) });
  });

  it('certificates and TLS: the other root type, a zero-padded serial, only the RSA certificate', async () => {
    const install = (certificateType: string, version: '1.6' | '2.0.1' = '1.6') => outgoingWithBehaviours(['install-certificate-wrong-type'], version, 'InstallCertificate', { certificateType, certificate: 'PEM' });
    expect(install('ManufacturerRootCertificate')).toEqual({ payload: { certificateType: 'CentralSystemRootCertificate', certificate: 'PEM' } });
    expect(install('CentralSystemRootCertificate')).toEqual({ payload: { certificateType: 'ManufacturerRootCertificate', certificate: 'PEM' } });
    expect(install('ManufacturerRootCertificate', '2.0.1')).toMatchObject({ payload: { certificateType: 'CSMSRootCertificate' } });
    const hash = { hashAlgorithm: 'SHA256', issuerNameHash: 'aa', issuerKeyHash: 'bb', serialNumber: '1A2B' };
    expect(outgoingWithBehaviours(['delete-certificate-serial-leading-zeros'], '1.6', 'DeleteCertificate', { certificateHashData: hash })).toEqual({
      payload: { certificateHashData: { ...hash, serialNumber: `${'0'.repeat(36)}1A2B` } },
    });
    const pki = await BenchPki.create();
    const both = { cert: [pki.serverEc.cert, pki.serverRsa.cert], key: [pki.serverEc.key, pki.serverRsa.key] };
    expect(tlsWithBehaviours(['tls-rsa-certificate-only'], both)).toEqual({ cert: pki.serverRsa.cert, key: pki.serverRsa.key });
    expect(tlsWithBehaviours([], both)).toBe(both);
  });
});
