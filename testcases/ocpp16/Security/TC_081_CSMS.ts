// OCTT 1.6 TC_081_CSMS (§3.21.3) Secure Firmware Update - Invalid Signature: the Central
// System sends a signed firmware update with an invalid signature and answers the charge
// point's Downloading, Downloaded and InvalidSignature notifications. Security whitepaper
// ed. 3 L01 (L01.FR.03), §6.8.
import { defineCase } from '../../../engine/conformance/case';
import { not, present } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_2, withFirmwareManagement } from './security';

export default defineCase({
  id: 'TC_081_CSMS',
  title: 'Secure Firmware Update - Invalid Signature',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_081_CSMS (§3.21.3)', 'OCPP 1.6 security whitepaper ed. 3 L01, §6.8'],
  requires: ['the FirmwareManagement profile', 'the Central System can send a firmware update with a signature the operator gives'],
  applies: withFirmwareManagement,
  manual: true,
  description: 'The Central System sends a signed firmware update with an invalid signature and answers the Charge Point\'s Downloading, Downloaded and InvalidSignature notifications.',
  proof: { behaviour: 'signed-firmware-status-callerror', step: 'Downloading', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    const configured = t.settings.security?.firmwareSignature;
    const firmware = await t.security.firmware();
    const location = t.settings.firmwareUrl;
    // Steps 1–2: the Firmware Download URL of the test data, and an invalid signature.
    t.respond('SignedUpdateFirmware', { result: { status: 'Accepted' } }, { once: true, says: 'with status Accepted' });
    const request = await csmsSends(t, 'SignedUpdateFirmware', {
      words: `Make the Central System update the firmware from ${location} with an invalid signature (SignedUpdateFirmware)`,
      payload: {
        requestId: 1,
        firmware: { location, retrieveDateTime: new Date().toISOString(), signingCertificate: firmware?.signingCertificate ?? 'the configured signing certificate', signature: firmware?.invalidSignature ?? 'an invalid signature' },
      },
      matcher: { 'firmware.location': location, 'firmware.signature': configured !== undefined ? not(configured) : present },
    });
    const requestId = request.payload['requestId'];
    // Steps 3–8.
    for (const status of ['Downloading', 'Downloaded', 'InvalidSignature']) {
      await t.send('SignedFirmwareStatusNotification', { status, requestId }, undefined, { says: `Send SignedFirmwareStatusNotification: ${status}` });
    }
  },
});
