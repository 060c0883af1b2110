// OCTT 1.6 TC_074_CSMS (§3.21.1) Update Charge Point Certificate by request of Central System:
// the Central System triggers a new charge point certificate, accepts the CSR, has it signed
// and sends it back; the charge point reconnects with it, and the Central System accepts the
// connection. Security whitepaper ed. 3 A02 (A02.FR.02–08), §4 ExtendedTriggerMessage.
import { createCsr, checkSignedChain } from '../../../engine/charger/certificates';
import { defineCase } from '../../../engine/conformance/case';
import { absent, present } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_3, withProfile } from './security';

export default defineCase({
  id: 'TC_074_CSMS',
  title: 'Update Charge Point Certificate by request of Central System',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_074_CSMS (§3.21.1)', 'OCPP 1.6 security whitepaper ed. 3 A02'],
  requires: ['security profile 3', 'a Certificate Authority that signs the charge point\'s CSR, trusted by the Central System for client certificates'],
  applies: withProfile(3),
  manual: true,
  description: 'The Central System asks for a new charge point certificate, accepts the CSR and sends the signed certificate; the Charge Point reconnects with it and the Central System accepts the connection.',
  proof: { behaviour: 'sign-certificate-rejected', step: 'SignCertificate', settings: PROFILE_3 },
  async run(t) {
    await booted(t);
    // Steps 1–2.
    t.respond('ExtendedTriggerMessage', { result: { status: 'Accepted' } }, { once: true, says: 'with status Accepted' });
    await csmsSends(t, 'ExtendedTriggerMessage', {
      words: 'Make the Central System ask the charge point for a new certificate (ExtendedTriggerMessage SignChargePointCertificate)',
      payload: { requestedMessage: 'SignChargePointCertificate' },
      matcher: { requestedMessage: 'SignChargePointCertificate', connectorId: absent },
    });
    // A new key pair and CSR (whitepaper A02.FR.02–03); steps 3–4.
    const csr = createCsr({ commonName: t.settings.chargePointId, organization: t.settings.vendor });
    await t.send('SignCertificate', { csr: csr.pem }, { status: 'Accepted' }, { says: 'Send SignCertificate with a new CSR and expect an answer where status is Accepted' });
    // Steps 5–6: the tool charger verifies the signed certificate and answers Accepted if it is for its new key.
    let chain = '';
    t.respond(
      'CertificateSigned',
      (call) => {
        chain = String(call.payload['certificateChain'] ?? '');
        return { result: { status: checkSignedChain(chain, csr.privateKey, Date.now()).ok ? 'Accepted' : 'Rejected' } };
      },
      { once: true, says: 'with status Accepted if the certificate is valid and for the new key, else Rejected' },
    );
    await t.expect('CertificateSigned', { certificateChain: present });
    const checked = checkSignedChain(chain, csr.privateKey, Date.now());
    t.require('the charge point accepted the signed certificate (valid, for its new key)', checked.ok, checked.ok ? undefined : checked.reason);
    // Step 7: reconnect with the new certificate.
    t.useCredentials({ cert: chain, key: csr.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }, 'From now on the bench\'s charger connects with the new certificate (for the rest of the run)');
    t.disconnect();
    await t.connect();
  },
});
