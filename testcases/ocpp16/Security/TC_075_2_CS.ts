// OCTT 1.6 TC_075_2_CS (§2.24.1) Install a certificate on the Charge Point - CentralSystemRootCertificate:
// the charger installs a Central System root certificate and reports it among its installed
// certificates, with hash data the bench checks by its own calculation. Security whitepaper
// ed. 3 M05 (InstallCertificate), M03 (GetInstalledCertificateIds), §6.1 CertificateHashDataType.
import { defineCase } from '../../../engine/conformance/case';
import { installAndFindRoot, PROFILE_2, withProfile } from './security';

const certificateType = 'CentralSystemRootCertificate' as const;

export default defineCase({
  id: 'TC_075_2_CS',
  title: 'Install a certificate on the Charge Point - CentralSystemRootCertificate',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_075_2_CS (§2.24.1)', 'OCPP 1.6 security whitepaper ed. 3 M05, M03, §6.1'],
  requires: ['security profile 2 or 3', 'the Central System root certificate of the tool\'s store (settings.security, or the bench\'s own)'],
  applies: withProfile(2, 3),
  description: "The Central System installs the Central System root certificate of the tool's store; the Charge Point lists it in GetInstalledCertificateIds, with the hash data the bench calculates.",
  proof: { behaviour: 'wrong-certificate-hash', step: 'certificateHashData', settings: PROFILE_2 },
  async run(t) {
    await installAndFindRoot(t, certificateType, await t.security.centralSystemRoot());
  },
});
