// OCTT 1.6 TC_074_CSMS (§3.21.1) Update Charge Point Certificate by request of Central System:
// the Central System triggers a new charge point certificate, accepts the CSR, has it signed
// and sends it back; the charge point reconnects with it, and the Central System accepts the
// connection. Security whitepaper ed. 3 A02 (A02.FR.02–08), §4 ExtendedTriggerMessage.
import { checkSignedChain } from '../../../engine/charger/certificates';
import { defineCase } from '../../../engine/conformance/case';
import { present } from '../../../engine/conformance/matchers';
import { booted } from '../../../engine/conformance/states16';
import { csmsRequestsNewCertificate, PROFILE_3, withProfile } from './security';

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
    // Steps 1–4.
    const csr = await csmsRequestsNewCertificate(t);
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
