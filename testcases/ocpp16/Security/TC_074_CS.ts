// OCTT 1.6 TC_074_CS (§2.24.1) Update Charge Point Certificate by request of Central System:
// the charger makes a new key pair and CSR when triggered, the bench (Central System and
// Certificate Authority Server) signs it, and the charger installs the certificate and
// reconnects with it. Security whitepaper ed. 3 A02 (A02.FR.02–08), §4 ExtendedTriggerMessage,
// SignCertificate, CertificateSigned; §7.5 CpoName.
import { X509Certificate } from 'node:crypto';
import { defineCase } from '../../../engine/conformance/case';
import { chargePointCertificateSigned, configure } from '../../../engine/conformance/states16';
import { PROFILE_3, withProfile } from './security';

export default defineCase({
  id: 'TC_074_CS',
  title: 'Update Charge Point Certificate by request of Central System',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_074_CS (§2.24.1)', 'OCPP 1.6 security whitepaper ed. 3 A02, §7.5'],
  requires: ['security profile 3 (TLS with a client certificate)'],
  applies: withProfile(3),
  description: 'The Central System asks the Charge Point for a new certificate; the Charge Point sends a CSR, the bench as Certificate Authority signs it, and the Charge Point reconnects with the new certificate.',
  proof: { behaviour: 'security-changes-not-applied', step: 'reconnect with the new certificate', settings: PROFILE_3 },
  async run(t) {
    // Configuration state: CpoName is the configured vendor name (the organization of its CSR).
    await configure(t, 'CpoName', t.settings.vendor);
    const before = t.connectionCount;
    // Steps 1–4 and the signing.
    const chain = await chargePointCertificateSigned(t);
    // Steps 5–6.
    await t.send('CertificateSigned', { certificateChain: chain }, { status: 'Accepted' }, { says: 'Send CertificateSigned (the signed certificate and the root) and expect an answer where status is Accepted' });
    // Step 7: a new connection, with the new certificate.
    await t.expectConnection({ since: before, says: 'Expect the charger to disconnect and reconnect with the new certificate' });
    const presented = t.currentOpening()?.peerCertificate;
    const issued = new X509Certificate(chain);
    t.check(
      `the charger presented the new certificate (serial ${issued.serialNumber})`,
      presented?.fingerprint256 === issued.fingerprint256,
      presented === undefined ? 'it presented none' : `it presented serial ${presented.serialNumber}`,
    );
  },
});
