// OCTT 1.6 TC_078_CSMS (§3.21.2) Invalid CentralSystemCertificate Security Event: the charge
// point rejects the Central System root certificate the Central System installs (the OCTT
// rejects any) and reports InvalidCentralSystemCertificate; the Central System answers it.
// Security whitepaper ed. 3 M05, A04, §8.
import { defineCase } from '../../../engine/conformance/case';
import { present } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_2, ToolCertificates, withProfile } from './security';

export default defineCase({
  id: 'TC_078_CSMS',
  title: 'Invalid CentralSystemCertificate Security Event',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_078_CSMS (§3.21.2)', 'OCPP 1.6 security whitepaper ed. 3 M05, A04, §8'],
  requires: ['security profile 2 or 3', 'a certificate configured in the Central System to install'],
  applies: withProfile(2, 3),
  manual: true,
  description: 'The Central System installs a Central System root certificate; the Charge Point rejects it and reports InvalidCentralSystemCertificate, which the Central System answers.',
  proof: { behaviour: 'security-event-callerror', step: 'SecurityEventNotification', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    // Step 2: "For this testcase the OCTT will reject any certificate."
    new ToolCertificates(t).answerInstall({ reject: true });
    await csmsSends(t, 'InstallCertificate', {
      words: 'Make the Central System install the configured certificate as the Central System root certificate (InstallCertificate CentralSystemRootCertificate)',
      payload: { certificateType: 'CentralSystemRootCertificate', certificate: await t.security.centralSystemRoot() },
      matcher: { certificateType: 'CentralSystemRootCertificate', certificate: present },
    });
    // Steps 3–4.
    await t.send('SecurityEventNotification', { type: 'InvalidCentralSystemCertificate', timestamp: new Date().toISOString(), techInfo: 'the root certificate was rejected' }, undefined, {
      says: 'Send SecurityEventNotification (type InvalidCentralSystemCertificate) and expect the Central System to answer it',
    });
  },
});
