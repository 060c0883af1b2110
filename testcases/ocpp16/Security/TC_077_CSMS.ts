// OCTT 1.6 TC_077_CSMS (§3.21.2) Invalid ChargePointCertificate Security Event: the charge
// point rejects the certificate the Central System sends for its CSR and reports the security
// event InvalidChargePointCertificate; the Central System answers it. Security whitepaper
// ed. 3 A02, A04 (SecurityEventNotification), §8.
import { defineCase } from '../../../engine/conformance/case';
import { present } from '../../../engine/conformance/matchers';
import { booted } from '../../../engine/conformance/states16';
import { csmsRequestsNewCertificate, PROFILE_3, withProfile } from './security';

export default defineCase({
  id: 'TC_077_CSMS',
  title: 'Invalid ChargePointCertificate Security Event',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_077_CSMS (§3.21.2)', 'OCPP 1.6 security whitepaper ed. 3 A02, A04, §8'],
  requires: ['security profile 3', 'a Certificate Authority that signs the charge point\'s CSR'],
  applies: withProfile(3),
  manual: true,
  description: 'The Central System asks for a new charge point certificate and sends the signed one; the Charge Point rejects it and reports InvalidChargePointCertificate, which the Central System answers.',
  proof: { behaviour: 'security-event-callerror', step: 'SecurityEventNotification', settings: PROFILE_3 },
  async run(t) {
    await booted(t);
    // Steps 1–4.
    await csmsRequestsNewCertificate(t);
    // Steps 5–6: the tool charger rejects the signed certificate.
    t.respond('CertificateSigned', { result: { status: 'Rejected' } }, { once: true, says: 'with status Rejected (the charge point deems the certificate invalid)' });
    await t.expect('CertificateSigned', { certificateChain: present });
    // Steps 7–8.
    await t.send('SecurityEventNotification', { type: 'InvalidChargePointCertificate', timestamp: new Date().toISOString(), techInfo: 'the signed certificate was rejected' }, undefined, {
      says: 'Send SecurityEventNotification (type InvalidChargePointCertificate) and expect the Central System to answer it',
    });
  },
});
