// OCTT 1.6 TC_075_1_CSMS (§3.21.1) Install a certificate on the Charge Point - ManufacturerRootCertificate:
// the Central System installs the configured manufacturer root certificate on the charge point and
// then asks which certificates of that type it has. Security whitepaper ed. 3 M05
// (InstallCertificate), M03 (GetInstalledCertificateIds), §6.1.
import { defineCase } from '../../../engine/conformance/case';
import { present } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_2, samePem, ToolCertificates, withProfile } from './security';

const certificateType = 'ManufacturerRootCertificate';

export default defineCase({
  id: 'TC_075_1_CSMS',
  title: 'Install a certificate on the Charge Point - ManufacturerRootCertificate',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_075_1_CSMS (§3.21.1)', 'OCPP 1.6 security whitepaper ed. 3 M05, M03, §6.1'],
  requires: ['security profile 2 or 3', 'the manufacturer root certificate (a root CA) configured in the Central System and in settings.security'],
  applies: withProfile(2, 3),
  manual: true,
  description: 'The Central System installs the configured manufacturer root certificate on the Charge Point and asks for the installed certificates of that type.',
  proof: { behaviour: 'install-certificate-wrong-type', step: 'InstallCertificate', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    const configured = await t.security.manufacturerRoot();
    const store = new ToolCertificates(t);
    store.answerInstall();
    store.answerList();
    // Steps 1–2: the configured root certificate.
    const install = await csmsSends(t, 'InstallCertificate', {
      words: `Make the Central System install the configured manufacturer root certificate on the charge point (InstallCertificate ${certificateType})`,
      payload: { certificateType, certificate: configured },
      matcher: { certificateType, certificate: present },
    });
    t.check('the certificate is the configured root certificate', samePem(install.payload['certificate'], configured), 'it is another certificate');
    // Steps 3–4: the tool charger answers with the hash data of what it installed.
    await csmsSends(t, 'GetInstalledCertificateIds', {
      words: `Make the Central System ask the charge point for its installed ${certificateType}s (GetInstalledCertificateIds)`,
      payload: { certificateType },
      matcher: { certificateType },
    });
  },
});
