// OCTT 1.6 TC_080_CSMS (§3.21.3) Secure Firmware Update: the Central System sends a signed
// firmware update with the configured location, signature and signing certificate, and
// answers every message of the charge point's update: its status notifications, the reboot's
// BootNotification (Accepted), the FirmwareUpdated security event and the connector statuses.
// Security whitepaper ed. 3 L01, §6.8, §6.9; OCPP 1.6 §4.2, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { equals, present, satisfies } from '../../../engine/conformance/matchers';
import { bootNotification, booted, connectorIds, csmsSends, sendStatus } from '../../../engine/conformance/states16';
import { PROFILE_2, samePem, withFirmwareManagement } from './security';

export default defineCase({
  id: 'TC_080_CSMS',
  title: 'Secure Firmware Update',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_080_CSMS (§3.21.3)', 'OCPP 1.6 security whitepaper ed. 3 L01, §6.8, §6.9', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['the FirmwareManagement profile', 'the firmware URL, signature and signing certificate configured in the Central System and in the settings (firmwareUrl, security)'],
  applies: withFirmwareManagement,
  manual: true,
  description: 'The Central System sends a signed firmware update; the Charge Point downloads, verifies, installs and reboots, and the Central System answers every notification and accepts the boot.',
  proof: { behaviour: 'signed-firmware-without-certificate', step: 'SignedUpdateFirmware', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    const firmware = await t.security.firmware();
    // What the tester configured, if anything: then the request must carry exactly that.
    const expected = t.settings.security?.firmwareSignature !== undefined ? firmware : undefined;
    const location = t.settings.firmwareUrl;
    // Steps 1–2: the configured location, signature and signing certificate.
    t.respond('SignedUpdateFirmware', { result: { status: 'Accepted' } }, { once: true, says: 'with status Accepted' });
    const request = await csmsSends(t, 'SignedUpdateFirmware', {
      words: `Make the Central System update the firmware from ${location}, with the configured signature and signing certificate (SignedUpdateFirmware)`,
      payload: {
        requestId: 1,
        firmware: { location, retrieveDateTime: new Date().toISOString(), signingCertificate: firmware?.signingCertificate ?? 'the configured signing certificate', signature: firmware?.signature ?? 'the configured signature' },
      },
      matcher: {
        'firmware.location': location,
        'firmware.signature': expected !== undefined ? equals(expected.signature) : present,
        'firmware.signingCertificate': expected !== undefined ? satisfies('is the configured signing certificate', (v) => samePem(v, expected.signingCertificate)) : present,
      },
    });
    const requestId = request.payload['requestId'];
    const status = (s: string) => t.send('SignedFirmwareStatusNotification', { status: s, requestId }, undefined, { says: `Send SignedFirmwareStatusNotification: ${s}` });
    // Steps 3–8.
    for (const s of ['Downloading', 'Downloaded', 'SignatureVerified']) await status(s);
    // After step 2 and before step 9: the connectors Unavailable.
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Unavailable');
    // Steps 9–12.
    await status('Installing');
    await status('InstallRebooting');
    // Steps 13–20: the reboot.
    t.note('The charge point reboots to install the firmware: it closes its connection and connects again');
    t.disconnect();
    await t.connect();
    await bootNotification(t);
    await t.send('SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: new Date().toISOString() }, undefined, { says: 'Send SecurityEventNotification (type FirmwareUpdated) and expect the Central System to answer it' });
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
    await status('Installed');
  },
});
