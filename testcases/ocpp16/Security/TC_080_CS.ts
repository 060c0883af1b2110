// OCTT 1.6 TC_080_CS (§2.24.3) Secure Firmware Update: the charger checks the signing
// certificate, downloads the firmware, verifies its signature, installs it (rebooting) and is
// Available again. Security whitepaper ed. 3 L01 (SignedUpdateFirmware,
// SignedFirmwareStatusNotification), §6.8 FirmwareStatusEnumType, §6.9 FirmwareType;
// OCPP 1.6 §4.2, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';
import { PROFILE_2, TRANSFER_S, withFirmwareManagement } from './security';

export default defineCase({
  id: 'TC_080_CS',
  title: 'Secure Firmware Update',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_080_CS (§2.24.3)', 'OCPP 1.6 security whitepaper ed. 3 L01, §6.8, §6.9', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['the FirmwareManagement profile', 'a firmware at firmwareUrl, its signature and signing certificate (settings.security)'],
  applies: withFirmwareManagement,
  description: 'The Central System sends a signed firmware; the Charge Point downloads it, verifies the signature, installs it, reboots, and is Available with the firmware Installed.',
  proof: { behaviour: 'firmware-installed-without-downloading', step: 'Downloading', settings: PROFILE_2 },
  async run(t) {
    const firmware = await t.security.firmware();
    if (firmware === undefined) return t.notApplicable('the settings give no firmware signature and signing certificate (security.firmwareSignature, security.firmwareSigningCertificate)');
    // Steps 1–2: the charger verifies the signing certificate before it answers.
    await t.send(
      'SignedUpdateFirmware',
      { requestId: 1, firmware: { location: firmware.location, retrieveDateTime: new Date().toISOString(), signingCertificate: firmware.signingCertificate, signature: firmware.signature } },
      { status: 'Accepted' },
      { says: `Send SignedUpdateFirmware (requestId 1, location ${firmware.location}, retrieve now, with the signature and signing certificate) and expect an answer where status is Accepted` },
    );
    // Steps 3–10; the charger MAY set its connectors Unavailable before installing (other messages pass by).
    // The download starts at once (retrieveDateTime now); each later step may take long.
    await t.expect('SignedFirmwareStatusNotification', { status: 'Downloading' });
    for (const status of ['Downloaded', 'SignatureVerified', 'Installing']) {
      await t.expect('SignedFirmwareStatusNotification', { status }, { within: TRANSFER_S });
    }
    // Steps 11–18 in any order: the reboot's BootNotification (Accepted), an optional
    // FirmwareUpdated security event, Available for every connector and connector 0, and
    // Installed. A charger may report InstallRebooting first (L01), which passes by.
    await t.expectAll(
      [
        { action: 'BootNotification' },
        { action: 'SecurityEventNotification', matcher: { type: 'FirmwareUpdated' }, optional: true },
        ...connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Available' } })),
        { action: 'SignedFirmwareStatusNotification', matcher: { status: 'Installed' } },
      ],
      { within: TRANSFER_S, eventually: true },
    );
  },
});
