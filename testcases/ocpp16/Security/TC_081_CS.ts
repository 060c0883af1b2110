// OCTT 1.6 TC_081_CS (§2.24.3) Secure Firmware Update - Invalid Signature: the charger
// downloads the firmware, finds the signature invalid and reports InvalidSignature (it does
// not install). Security whitepaper ed. 3 L01 (L01.FR.03 also wants the security event
// InvalidFirmwareSignature, which the OCTT does not check and which may come), §6.8.
import { defineCase } from '../../../engine/conformance/case';
import { PROFILE_2, TRANSFER_S, withFirmwareManagement } from './security';

export default defineCase({
  id: 'TC_081_CS',
  title: 'Secure Firmware Update - Invalid Signature',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_081_CS (§2.24.3)', 'OCPP 1.6 security whitepaper ed. 3 L01, §6.8'],
  requires: ['the FirmwareManagement profile', 'a firmware at firmwareUrl, its signature and signing certificate (settings.security)'],
  applies: withFirmwareManagement,
  description: 'The Central System sends a firmware with a signature that does not match it; the Charge Point downloads it and reports InvalidSignature.',
  proof: { behaviour: 'installs-despite-bad-signature', step: 'InvalidSignature', settings: PROFILE_2 },
  async run(t) {
    const firmware = await t.security.firmware();
    if (firmware === undefined) return t.notApplicable('the settings give no firmware signature and signing certificate (security.firmwareSignature, security.firmwareSigningCertificate)');
    // Steps 1–2: firmware.signature is an invalid signature (well-formed, but not over this firmware).
    await t.send(
      'SignedUpdateFirmware',
      { requestId: 1, firmware: { location: firmware.location, retrieveDateTime: new Date().toISOString(), signingCertificate: firmware.signingCertificate, signature: firmware.invalidSignature } },
      { status: 'Accepted' },
      { says: `Send SignedUpdateFirmware (requestId 1, location ${firmware.location}, retrieve now, with an invalid signature) and expect an answer where status is Accepted` },
    );
    // Steps 3–8.
    // The download starts at once (retrieveDateTime now); each later step may take long.
    await t.expect('SignedFirmwareStatusNotification', { status: 'Downloading' });
    for (const status of ['Downloaded', 'InvalidSignature']) {
      await t.expect('SignedFirmwareStatusNotification', { status }, { within: TRANSFER_S });
    }
  },
});
