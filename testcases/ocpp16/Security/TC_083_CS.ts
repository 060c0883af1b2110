// OCTT 1.6 TC_083_CS (§2.24.3) Upgrade security profile: the Central System raises the
// SecurityProfile by one; the charger accepts (or asks for a reboot) and connects with the
// higher profile — by itself, or after a hard reset. Security whitepaper ed. 3 A05
// (A05.FR.02–06: the prerequisites, then reconnect), §7.6 SecurityProfile; OCPP 1.6 §5.3,
// §5.14. Before: CertificateInstalled on profile 1 (a root to check the TLS server with),
// RenewChargePointCertificate on profile 2 (a client certificate for profile 3).
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { certificateInstalled, connectorIds, renewChargePointCertificate } from '../../../engine/conformance/states16';
import { PROFILE_1, withProfile } from './security';

export default defineCase({
  id: 'TC_083_CS',
  title: 'Upgrade security profile',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_083_CS (§2.24.3)', 'OCTT 1.6 memory states CertificateInstalled, RenewChargePointCertificate (§2.26)', 'OCPP 1.6 security whitepaper ed. 3 A05, §7.6', 'OCPP 1.6 §5.3, §5.14'],
  requires: ['security profile 1 or 2', 'the bench\'s TLS server certificate (settings.tls) when upgrading from profile 1'],
  applies: withProfile(1, 2),
  description: 'The Central System sets SecurityProfile one level higher; the Charge Point accepts and reconnects with the higher profile (after a hard reset if it asks for one or does not reconnect itself).',
  proof: { behaviour: 'security-changes-not-applied', step: 'restart and connect with security profile 2', settings: PROFILE_1 },
  async run(t) {
    const current = t.settings.securityProfile;
    const next = current + 1;
    // Profile 2 is TLS: the bench must be able to serve it (its own certificates in a simulated run).
    if (current === 1 && !t.simulated && t.settings.tls?.cert === undefined) {
      return t.notApplicable('upgrading to profile 2 needs the bench\'s TLS server certificate (settings tls.cert and tls.key), trusted through the root of CertificateInstalled');
    }
    if (current === 1) await certificateInstalled(t);
    else await renewChargePointCertificate(t);
    const before = t.connectionCount;
    // Steps 1–2: Accepted or RebootRequired.
    const answer = await t.send('ChangeConfiguration', { key: 'SecurityProfile', value: String(next) }, { status: oneOf('Accepted', 'RebootRequired') }, {
      says: `Send ChangeConfiguration (SecurityProfile = ${next}, one level higher) and expect an answer where status is Accepted or RebootRequired`,
    });
    t.acceptSecurity({ profile: next }, `From now on the bench accepts the charger only with security profile ${next}`);
    t.note(`A real charger keeps security profile ${next} after this case (there is no going back, TC_084_CS): set securityProfile to ${next} in the settings for later runs`);
    const status = answer.kind === 'result' ? answer.payload['status'] : undefined;
    if (status === 'Accepted' && (await t.maybeConnection({ since: before, says: `Expect the charger to reconnect by itself with security profile ${next} (if it does)` }))) return;
    // Steps 3–8: only if RebootRequired or the charger does not reconnect by itself.
    const again = t.connectionCount;
    await t.send('Reset', { type: 'Hard' }, { status: 'Accepted' });
    await t.expectConnection({ since: again, says: `Expect the charger to restart and connect with security profile ${next}` });
    await t.expect('BootNotification');
    await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Available' } })));
  },
});
