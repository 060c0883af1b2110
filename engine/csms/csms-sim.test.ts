// The bench's charger simulator against its standalone CSMS, for each version: boot,
// a transaction driven by the operator, every CSMS-initiated action round-tripped, and
// security profiles 1 and 3; no framing or schema finding on any frame.
import { describe, expect, it } from 'vitest';
import type { OcppVersion } from '../../api/model';
import { csmsInitiatedActions } from './responders';
import { simCsmsFixture } from './sim-fixture';
import { until, type TestCsms } from './testing';

const fixture = simCsmsFixture('SIM-TLS');
const { csms, simulator } = fixture;

const wireFindings = async (t: TestCsms) => (await t.findings()).filter((f) => f.finding.group === 'framing' || f.finding.group === 'schema');

describe('simulator against the standalone CSMS', () => {
  for (const version of ['1.6', '2.0.1', '2.1'] as OcppVersion[]) {
    it(`${version}: boot, a transaction from the operator, every CSMS action answered`, async () => {
      const t = await csms({ idTokens: { CARD: 'Accepted' }, boot: { interval: 60 } });
      const id = `SIM-${version}`;
      const cp = simulator({ id, version, url: `${t.url}/ocpp`, connectors: 2 });
      await t.csms.waitFor(id, (s) => s.boot.status === 'Accepted', 5000, 'boot');
      // The CSMS knows before the charger has read the answer: wait for both.
      await until(() => (cp.summary().registration === 'accepted' ? true : undefined), 5000, 'the charger accepted');
      cp.operator.plugIn(1);
      cp.operator.presentIdToken('CARD', 1);
      const started = await until(() => t.csms.state(id)?.transactions.find((x) => x.state === 'active'), 5000, 'a transaction');
      expect(started.idTag).toBe('CARD');
      expect(started.authorization).toBe('Accepted');
      await until(() => (t.csms.state(id)!.connectors.some((c) => c.status === 'Charging' || c.status === 'Occupied') ? true : undefined), 5000, 'charging');

      // Everything the CSMS can send, from the templates; Reset last (the charger reboots).
      const actions = csmsInitiatedActions(version).filter((a) => a !== 'Reset');
      const outcomes: Record<string, string> = {};
      for (const action of [...actions, 'Reset']) {
        const o = await t.csms.send(id, action, undefined, { timeoutMs: 3000 });
        outcomes[action] = o.kind === 'result' ? (o.findings.length === 0 ? 'ok' : `findings: ${o.findings.map((f) => f.message).join('; ')}`) : o.kind;
      }
      expect(Object.entries(outcomes).filter(([, v]) => v !== 'ok')).toEqual([]);
      // The reset charger comes back and boots again.
      await t.csms.waitFor(id, (s, connected) => connected && s.connection.connects >= 2 && (s.stats.received['BootNotification'] ?? 0) >= 2, 10_000, 'a reboot');
      expect(await wireFindings(t)).toEqual([]);
      expect(t.alerts).toEqual([]);
    });
  }

  it('connects with Basic auth (profile 1) and with a client certificate (profile 3)', async () => {
    const basic = await csms({ chargers: { 'SIM-P1': { password: 'sim-password-0001' } } });
    simulator({ id: 'SIM-P1', version: '1.6', url: basic.url, password: 'sim-password-0001' });
    await basic.csms.waitFor('SIM-P1', (s) => s.boot.status === 'Accepted', 5000, 'boot');
    expect(basic.csms.state('SIM-P1')!.connection.securityProfile).toBe(1);

    const mtls = await csms({ requireCertificateCn: true }, { tls: { cert: fixture.pki.serverCert, key: fixture.pki.serverKey, clientCa: fixture.pki.caCert } });
    const client = fixture.pki.clientCert('SIM-TLS');
    simulator({ id: 'SIM-TLS', version: '2.0.1', url: mtls.url, tls: { ca: fixture.pki.caCert, cert: client.cert, key: client.key } });
    await mtls.csms.waitFor('SIM-TLS', (s) => s.boot.status === 'Accepted', 5000, 'boot');
    expect(mtls.csms.state('SIM-TLS')!.connection).toMatchObject({ securityProfile: 3, tlsSubject: expect.stringContaining('CN=SIM-TLS') });
  });
});
