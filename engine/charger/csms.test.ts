// The simulator against the bench's standalone CSMS (engine/csms), both sides real: full
// charging scenarios per version seen from the CSMS's state, and the security profiles
// including a certificate renewal signed by the CSMS's CA. (engine/csms/csms-sim.test.ts
// round-trips every CSMS-initiated action and profiles 1 and 3.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OcppVersion } from '../../api/model';
import { simCsmsFixture } from '../csms/sim-fixture';
import { until, type TestCsms } from '../csms/testing';

const fixture = simCsmsFixture('SIM-P3');
const { csms, simulator } = fixture;

const wire = async (t: TestCsms) => (await t.findings()).filter((f) => f.finding.group === 'framing' || f.finding.group === 'schema').map((f) => `${f.dir} ${f.finding.rule}: ${f.finding.message}`);

const result = async (t: TestCsms, id: string, action: string, payload: Record<string, unknown>) => {
  const o = await t.csms.send(id, action, payload, { timeoutMs: 4000 });
  if (o.kind !== 'result') throw new Error(`${action}: ${o.kind} ${JSON.stringify(o)}`);
  expect(o.findings, action).toEqual([]);
  return o.payload;
};

describe('simulator ↔ standalone CSMS: full scenarios', () => {
  for (const version of ['1.6', '2.0.1', '2.1'] as OcppVersion[]) {
    it(`${version}: remote start, metering, a TxProfile and its composite, remote stop, a reservation, a firmware update, the configuration`, async () => {
      const v16 = version === '1.6';
      const t = await csms({ idTokens: { CARD: 'Accepted' }, boot: { interval: 60 } });
      const id = `FULL-${version}`;
      const cp = simulator({
        id,
        version,
        url: t.url,
        connectors: 2,
        settings: v16 ? { MeterValueSampleInterval: '10', MeterValuesSampledData: 'Energy.Active.Import.Register,Power.Active.Import' } : { 'SampledDataCtrlr.TxUpdatedInterval': '10' },
      });
      await t.csms.waitFor(id, (s) => s.boot.status === 'Accepted', 5000, 'boot');
      await until(() => (cp.summary().registration === 'accepted' ? true : undefined), 5000, 'the charger accepted');

      // Remote start before the cable, then the cable.
      const start = v16 ? await result(t, id, 'RemoteStartTransaction', { connectorId: 1, idTag: 'CARD' }) : await result(t, id, 'RequestStartTransaction', { evseId: 1, remoteStartId: 5, idToken: { idToken: 'CARD', type: 'ISO14443' } });
      expect(start['status']).toBe('Accepted');
      cp.operator.plugIn(1);
      const tx = await until(() => t.csms.state(id)?.transactions.find((x) => x.state === 'active'), 5000, 'a transaction');
      expect(tx.idTag).toBe('CARD');
      if (!v16) expect(tx.remoteStartId).toBe(5);
      // Meter values arrive and the register grows.
      await until(() => ((t.csms.state(id)?.transactions[0]?.meterValues.length ?? 0) >= 3 ? true : undefined), 5000, 'meter values');
      const readings = t.csms.state(id)!.transactions[0]!.meterValues;
      expect(readings.length).toBeGreaterThanOrEqual(3);
      const live = t.csms.state(id)!.transactions[0]!;
      expect(live.energyWh!).toBeGreaterThan(live.meterStart ?? 0);

      // A TxProfile for the running transaction, and the composite schedule it shapes.
      const now = new Date().toISOString();
      const profile = v16
        ? { connectorId: 1, csChargingProfiles: { chargingProfileId: 11, transactionId: Number(live.transactionId), stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute', chargingSchedule: { startSchedule: now, duration: 600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 8 }] } } }
        : { evseId: 1, chargingProfile: { id: 11, transactionId: live.transactionId, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute', chargingSchedule: [{ id: 1, startSchedule: now, duration: 600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 8 }] }] } };
      expect((await result(t, id, 'SetChargingProfile', profile))['status']).toBe('Accepted');
      const composite = await result(t, id, 'GetCompositeSchedule', v16 ? { connectorId: 1, duration: 300, chargingRateUnit: 'A' } : { evseId: 1, duration: 300, chargingRateUnit: 'A' });
      const periods = (v16 ? (composite['chargingSchedule'] as Record<string, unknown>) : (composite['schedule'] as Record<string, unknown>))['chargingSchedulePeriod'] as Array<{ limit: number }>;
      expect(periods[0]!.limit).toBe(8);
      expect(cp.summary().connectors[0]!.powerW).toBe(8 * 230 * 3);

      // Remote stop: the CSMS sees the transaction end with the right reason.
      const stop = v16 ? await result(t, id, 'RemoteStopTransaction', { transactionId: Number(live.transactionId) }) : await result(t, id, 'RequestStopTransaction', { transactionId: live.transactionId });
      expect(stop['status']).toBe('Accepted');
      const ended = await until(() => t.csms.state(id)?.transactions.find((x) => x.state === 'ended'), 5000, 'the end');
      expect(ended.stopReason).toBe('Remote');
      expect(ended.meterStop!).toBeGreaterThanOrEqual(ended.meterStart ?? 0);
      cp.operator.unplug(1);

      // A reservation on connector 2, seen by both, then cancelled.
      const expiry = new Date(Date.now() + 3_600_000).toISOString();
      expect((await result(t, id, 'ReserveNow', v16 ? { connectorId: 2, expiryDate: expiry, idTag: 'CARD', reservationId: 3 } : { id: 3, expiryDateTime: expiry, idToken: { idToken: 'CARD', type: 'ISO14443' }, evseId: 2 }))['status']).toBe('Accepted');
      await until(() => (cp.summary().connectors[1]!.status === 'Reserved' ? true : undefined), 3000, 'Reserved');
      expect((await result(t, id, 'CancelReservation', { reservationId: 3 }))['status']).toBe('Accepted');
      await until(() => (cp.summary().connectors[1]!.status === 'Available' ? true : undefined), 3000, 'Available again');

      // The configuration or device model, as the CSMS keeps it.
      if (v16) {
        await result(t, id, 'GetConfiguration', {});
        expect(t.csms.state(id)!.configuration['NumberOfConnectors']?.value).toBe('2');
      } else {
        expect((await result(t, id, 'GetBaseReport', { requestId: 1, reportBase: 'FullInventory' }))['status']).toBe('Accepted');
        await until(() => (Object.keys(t.csms.state(id)!.variables).length > 50 ? true : undefined), 5000, 'the device model');
      }

      // A firmware update walks through its statuses and reboots the charger.
      const fw = v16 ? { location: 'https://firmware.example.com/fw.bin', retrieveDate: new Date().toISOString() } : { requestId: 9, firmware: { location: 'https://firmware.example.com/fw.bin', retrieveDateTime: new Date().toISOString() } };
      await result(t, id, 'UpdateFirmware', fw);
      await t.csms.waitFor(id, (s) => s.firmware?.status === 'Installed', 10_000, 'Installed');
      const state = t.csms.state(id)!;
      expect(state.boot.attempts).toBeGreaterThanOrEqual(2);
      expect(state.boot.station?.firmwareVersion).toBe('1.0.1');

      expect(await wire(t)).toEqual([]);
      expect(t.alerts).toEqual([]);
    });
  }
});

describe('simulator ↔ standalone CSMS: security profiles', () => {
  it('profile 2: TLS with the CSMS certificate checked, and HTTP Basic', async () => {
    const t = await csms({ chargers: { 'SIM-P2': { password: 'profile-2-password' } } }, { tls: { cert: fixture.pki.serverCert, key: fixture.pki.serverKey } });
    simulator({ id: 'SIM-P2', version: '2.0.1', url: t.url, password: 'profile-2-password', tls: { ca: fixture.pki.caCert } });
    await t.csms.waitFor('SIM-P2', (s) => s.boot.status === 'Accepted', 5000, 'boot');
    expect(t.csms.state('SIM-P2')!.connection.securityProfile).toBe(2);
    expect(await wire(t)).toEqual([]);
  });

  for (const version of ['1.6', '2.0.1'] as OcppVersion[]) {
    it(`profile 3, ${version}: the CSMS asks for a new certificate, signs the CSR with its CA, the charger installs it and reconnects with it`, async () => {
      const ca = { cert: fixture.pki.caCert, key: readFileSync(`${fixture.pki.dir}/ca.key`, 'utf8') };
      const t = await csms({ requireCertificateCn: true, signCertificate: { status: 'Accepted', ca, delayMs: 0 } }, { tls: { cert: fixture.pki.serverCert, key: fixture.pki.serverKey, clientCa: fixture.pki.caCert } });
      const first = fixture.pki.clientCert('SIM-P3');
      const cp = simulator({ id: 'SIM-P3', version, url: t.url, tls: { ca: fixture.pki.caCert, ...first }, settings: version === '1.6' ? { CpoName: 'Bench CPO' } : { 'SecurityCtrlr.OrganizationName': 'Bench CPO' } });
      await t.csms.waitFor('SIM-P3', (s) => s.boot.status === 'Accepted', 5000, 'boot');
      const before = t.csms.state('SIM-P3')!.connection.connects;
      const trigger = version === '1.6' ? await result(t, 'SIM-P3', 'ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' }) : await result(t, 'SIM-P3', 'TriggerMessage', { requestedMessage: 'SignChargingStationCertificate' });
      expect(trigger['status']).toBe('Accepted');
      await until(() => (cp.state().log.some((l) => /new charg(e point|ing station) certificate/.test(l.text)) ? true : undefined), 10_000, 'the new certificate');
      await t.csms.waitFor('SIM-P3', (s, connected) => connected && s.connection.connects > before, 5000, 'the reconnection');
      const state = t.csms.state('SIM-P3')!;
      expect(state.connection.securityProfile).toBe(3);
      expect(state.connection.tlsSubject).toContain('O=Bench CPO');
      expect(await wire(t)).toEqual([]);
      expect(t.alerts).toEqual([]);
    });
  }
});
