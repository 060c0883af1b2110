// OCTT 1.6 TC_044_3_CSMS (§3.15.3) Firmware Update - Installation Failed: the CSMS sends
// UpdateFirmware and answers the charge point through download, a failed installation and
// the reboot. OCPP 1.6 §4.5, §5.19.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { allConnectors, firmwareStatus, rebootAfterInstall, updateFirmwareRequest } from './tool-charger';

export default defineCase({
  id: 'TC_044_3_CSMS',
  title: 'Firmware Update - Installation Failed',
  version: '1.6',
  sut: 'csms',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_044_3_CSMS (§3.15.3)', 'OCPP 1.6 §4.5, §5.19'],
  manual: true,
  description: 'The Central System sends UpdateFirmware; the Charge Point downloads the firmware, fails to install it, reboots and reports InstallationFailed, and the Central System answers every message.',
  proof: { behaviour: 'firmware-status-callerror', step: 'FirmwareStatusNotification: Downloading' },
  async run(t) {
    await booted(t);
    const request = updateFirmwareRequest(t);
    await csmsSends(t, 'UpdateFirmware', { words: `Make the Central System update the firmware from ${request.location} (UpdateFirmware)`, payload: request });
    await firmwareStatus(t, 'Downloading');
    await firmwareStatus(t, 'Downloaded');
    await allConnectors(t, 'Unavailable');
    await firmwareStatus(t, 'Installing');
    await rebootAfterInstall(t);
    await firmwareStatus(t, 'InstallationFailed');
  },
});
