// OCTT 1.6 TC_077_CS (§2.24.2) Invalid ChargePointCertificate Security Event: the charger
// gets an invalid certificate for its CSR, rejects it and reports the security event
// InvalidChargePointCertificate. Security whitepaper ed. 3 A02.FR.05–06, A04 (security
// events), §8 (InvalidChargePointCertificate is a critical event).
import { defineCase } from '../../../engine/conformance/case';
import { chargePointCertificateSigned, configure } from '../../../engine/conformance/states16';
import { PROFILE_3, withProfile } from './security';

export default defineCase({
  id: 'TC_077_CS',
  title: 'Invalid ChargePointCertificate Security Event',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_077_CS (§2.24.2)', 'OCPP 1.6 security whitepaper ed. 3 A02, A04, §8'],
  requires: ['security profile 3 (TLS with a client certificate)'],
  applies: withProfile(3),
  description: 'The Charge Point asks for a new certificate and gets an invalid one (an expired root, not issued for its key): it answers CertificateSigned Rejected and sends SecurityEventNotification InvalidChargePointCertificate.',
  proof: { behaviour: 'no-security-events', step: 'InvalidChargePointCertificate', settings: PROFILE_3 },
  async run(t) {
    await configure(t, 'CpoName', t.settings.vendor);
    // Steps 1–4; the signed certificate is not used: step 5 sends an invalid one.
    await chargePointCertificateSigned(t);
    const invalid = await t.security.invalidCertificate();
    await t.send('CertificateSigned', { certificateChain: invalid }, { status: 'Rejected' }, {
      says: 'Send CertificateSigned with an invalid certificate (an expired root, not issued for the CSR\'s key) and expect an answer where status is Rejected',
    });
    // Steps 7–8: the bench answers the notification (its default answer).
    await t.expect('SecurityEventNotification', { type: 'InvalidChargePointCertificate' });
  },
});
