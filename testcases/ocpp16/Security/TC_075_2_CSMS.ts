// OCTT 1.6 TC_075_2_CSMS (§3.21.1) Install a certificate on the Charge Point - CentralSystemRootCertificate:
// the Central System installs the configured Central System root certificate on the charge point and
// then asks which certificates of that type it has. Security whitepaper ed. 3 M05
// (InstallCertificate), M03 (GetInstalledCertificateIds), §6.1.
import { defineCase } from '../../../engine/conformance/case';
import { booted } from '../../../engine/conformance/states16';
import { csmsInstallsRoot, PROFILE_2, withProfile } from './security';

const certificateType = 'CentralSystemRootCertificate' as const;

export default defineCase({
  id: 'TC_075_2_CSMS',
  title: 'Install a certificate on the Charge Point - CentralSystemRootCertificate',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_075_2_CSMS (§3.21.1)', 'OCPP 1.6 security whitepaper ed. 3 M05, M03, §6.1'],
  requires: ['security profile 2 or 3', 'the Central System root certificate (a root CA) configured in the Central System and in settings.security'],
  applies: withProfile(2, 3),
  manual: true,
  description: 'The Central System installs the configured Central System root certificate on the Charge Point and asks for the installed certificates of that type.',
  proof: { behaviour: 'install-certificate-wrong-type', step: 'InstallCertificate', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    await csmsInstallsRoot(t, certificateType, await t.security.centralSystemRoot());
  },
});
