// OCTT 1.6 TC_044_2_CSMS (§3.15.2) Firmware Update - Download Failed: the CSMS sends
// UpdateFirmware and answers the charge point's Downloading and DownloadFailed.
// OCPP 1.6 §4.5, §5.19.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { firmwareStatus, updateFirmwareRequest } from './tool-charger';

export default defineCase({
  id: 'TC_044_2_CSMS',
  title: 'Firmware Update - Download Failed',
  version: '1.6',
  sut: 'csms',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_044_2_CSMS (§3.15.2)', 'OCPP 1.6 §4.5, §5.19'],
  manual: true,
  description: 'The Central System sends UpdateFirmware; the Charge Point fails to download the firmware and the Central System answers its status notifications.',
  proof: { behaviour: 'firmware-status-callerror', step: 'FirmwareStatusNotification: Downloading' },
  async run(t) {
    await booted(t);
    const request = updateFirmwareRequest(t);
    await csmsSends(t, 'UpdateFirmware', { words: `Make the Central System update the firmware from ${request.location} (UpdateFirmware)`, payload: request });
    await firmwareStatus(t, 'Downloading');
    await firmwareStatus(t, 'DownloadFailed');
  },
});
