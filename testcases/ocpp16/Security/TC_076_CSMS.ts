// OCTT 1.6 TC_076_CSMS (§3.21.1) Delete a specific certificate from the Charge Point: after
// installing a second Central System root certificate ("Root 2"), the Central System reads the
// installed certificates and deletes that one with the hash data — and hash algorithm — the
// charge point reported. Security whitepaper ed. 3 M03, M04, §6.1 (serial number in hex
// without leading zeroes), §6.12 HashAlgorithmEnumType.
import { defineCase } from '../../../engine/conformance/case';
import { hashDataDifferences, hashDataOf } from '../../../engine/conformance/certificate-hash';
import { present, satisfies } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_2, ToolCertificates } from './security';

const certificateType = 'CentralSystemRootCertificate';
/** "<Configured HashAlgorithm>": the tool charger's hash data use SHA256. */
const hashAlgorithm = 'SHA256';

export default defineCase({
  id: 'TC_076_CSMS',
  title: 'Delete a specific certificate from the Charge Point',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_076_CSMS (§3.21.1)', 'OCPP 1.6 security whitepaper ed. 3 M03, M04, §6.1, §6.12'],
  requires: ['a second Central System root certificate to install and delete'],
  manual: true,
  description: 'The Central System installs a second Central System root certificate, reads the installed certificates and deletes that one with exactly the hash data the Charge Point reported.',
  proof: { behaviour: 'delete-certificate-serial-leading-zeros', step: 'DeleteCertificate', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    const store = new ToolCertificates(t);
    store.answerInstall();
    store.answerList();
    // Memory state: request the Central System to install a CentralSystemRootCertificate (Root 2).
    const root2 = (await t.security.pki()).anotherRoot('OCPP Bench Central System Root 2').cert;
    await t.state('Request Central System to install a CentralSystemRootCertificate (Root 2)', async () => {
      await csmsSends(t, 'InstallCertificate', {
        words: 'Make the Central System install a second Central System root certificate ("Root 2") on the charge point (InstallCertificate)',
        payload: { certificateType, certificate: root2 },
        matcher: { certificateType, certificate: present },
      });
    });
    const installed = store.installed.at(-1);
    if (installed === undefined) return;
    const own = hashDataOf(installed.pem, hashAlgorithm);
    let deleted = false;
    t.respond(
      'DeleteCertificate',
      (call) => {
        const asked = (call.payload['certificateHashData'] ?? {}) as Record<string, unknown>;
        deleted = hashDataDifferences(asked, own).length === 0;
        return { result: { status: deleted ? 'Accepted' : 'NotFound' } };
      },
      { once: true, says: 'with status Accepted if it names the installed root certificate by the bench\'s own hash data, else NotFound' },
    );
    // Steps 1–2: the tool charger reports the hash data (SHA256).
    await csmsSends(t, 'GetInstalledCertificateIds', {
      words: 'Make the Central System ask the charge point for its installed certificates (GetInstalledCertificateIds)',
      payload: { certificateType },
    });
    // Steps 3–4: the hash algorithm of step 2, and every field as the bench calculates it.
    const field = (name: 'issuerNameHash' | 'issuerKeyHash' | 'serialNumber') =>
      satisfies(`is ${own[name]}`, (v) => typeof v === 'string' && v.toLowerCase() === own[name].toLowerCase());
    await csmsSends(t, 'DeleteCertificate', {
      words: 'Make the Central System delete the just installed Central System root certificate (DeleteCertificate, with the hash data the charge point reported)',
      payload: { certificateHashData: own },
      matcher: {
        'certificateHashData.hashAlgorithm': hashAlgorithm,
        'certificateHashData.issuerNameHash': field('issuerNameHash'),
        'certificateHashData.issuerKeyHash': field('issuerKeyHash'),
        'certificateHashData.serialNumber': field('serialNumber'),
      },
    });
    t.check('the charge point deleted the certificate (it answered Accepted)', deleted, 'it answered NotFound');
  },
});
