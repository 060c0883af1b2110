// OCTT 1.6 TC_078_CS (§2.24.2) Invalid CentralSystemCertificate Security Event: the charger
// refuses to install an invalid (expired) Central System root certificate and reports the
// security event InvalidCentralSystemCertificate. Security whitepaper ed. 3 M05.FR.06 (an
// invalid certificate is Rejected), A04, §8. The whitepaper names that event for a server
// certificate that fails during the TLS handshake; the OCTT expects it here too.
import { defineCase } from '../../../engine/conformance/case';
import { PROFILE_2, withProfile } from './security';

export default defineCase({
  id: 'TC_078_CS',
  title: 'Invalid CentralSystemCertificate Security Event',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_078_CS (§2.24.2)', 'OCPP 1.6 security whitepaper ed. 3 M05.FR.06, A04, §8'],
  requires: ['security profile 2 or 3'],
  applies: withProfile(2, 3),
  description: 'The Central System installs an expired Central System root certificate; the Charge Point answers Rejected and sends SecurityEventNotification InvalidCentralSystemCertificate.',
  proof: { behaviour: 'no-security-events', step: 'InvalidCentralSystemCertificate', settings: PROFILE_2 },
  async run(t) {
    const certificate = await t.security.invalidCertificate();
    // Steps 1–2.
    await t.send('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate }, { status: 'Rejected' }, {
      says: 'Send InstallCertificate (CentralSystemRootCertificate, an expired root certificate) and expect an answer where status is Rejected',
    });
    // Steps 3–4.
    await t.expect('SecurityEventNotification', { type: 'InvalidCentralSystemCertificate' });
  },
});
