// OCTT 1.6 TC_076_CS (§2.24.1) Delete a specific certificate from the Charge Point: with the
// Central System root certificate of the tool's store installed, the Central System reads the
// installed certificates, deletes that one by its hash data (with the hash algorithm the
// charger used), and reads again: it is gone. Security whitepaper ed. 3 M03, M04, §6.1,
// §6.7 DeleteCertificateStatusEnumType (the use case's "Success" is Accepted in the enum).
import { defineCase } from '../../../engine/conformance/case';
import { findCertificate, hashAlgorithmOf, hashDataOf } from '../../../engine/conformance/certificate-hash';
import { certificateInstalled } from '../../../engine/conformance/states16';
import { PROFILE_2, withProfile } from './security';

const certificateType = 'CentralSystemRootCertificate';

export default defineCase({
  id: 'TC_076_CS',
  title: 'Delete a specific certificate from the Charge Point',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_076_CS (§2.24.1)', 'OCTT 1.6 memory state CertificateInstalled (§2.26, Table 114)', 'OCPP 1.6 security whitepaper ed. 3 M03, M04, §6.1, §6.7'],
  requires: ['security profile 2 or 3', 'the Central System root certificate of the tool\'s store is not the one the charger needs for its current connection (M04.FR.06 lets it refuse deleting that one)'],
  applies: withProfile(2, 3),
  description: 'The Central System deletes the Central System root certificate of the tool\'s store by its hash data; the Charge Point answers Accepted and no longer lists it.',
  proof: { behaviour: 'wrong-certificate-hash', step: 'DeleteCertificate', settings: PROFILE_2 },
  async run(t) {
    const certificate = await certificateInstalled(t);
    // Steps 1–2.
    const listed = await t.send('GetInstalledCertificateIds', { certificateType }, undefined, { says: `Send GetInstalledCertificateIds (${certificateType})` });
    const reported = listed.kind === 'result' ? listed.payload['certificateHashData'] : undefined;
    // Step 3: the bench's own hash data of the configured root, with the algorithm the charger used at step 2.
    const algorithm = hashAlgorithmOf(findCertificate(reported, certificate)) ?? hashAlgorithmOf(Array.isArray(reported) ? reported[0] : undefined) ?? 'SHA256';
    const certificateHashData = hashDataOf(certificate, algorithm);
    // Step 4.
    await t.send('DeleteCertificate', { certificateHashData }, { status: 'Accepted' }, {
      says: `Send DeleteCertificate (the hash data of the Central System root certificate of the tool's store, ${algorithm}, serial ${certificateHashData.serialNumber}) and expect an answer where status is Accepted`,
    });
    // Steps 5–6: the same type again; the certificate must be gone (an empty list is NotFound).
    const after = await t.send('GetInstalledCertificateIds', { certificateType }, undefined, { says: `Send GetInstalledCertificateIds (${certificateType}) again` });
    const remaining = after.kind === 'result' ? after.payload['certificateHashData'] : undefined;
    t.check('certificateHashData does not include the deleted certificate (the bench\'s own calculation)', findCertificate(remaining, certificate) === undefined, `it still lists it: ${JSON.stringify(remaining)}`);
  },
});
