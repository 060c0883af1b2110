// OCTT 1.6 TC_044_1_CSMS (§3.15.1) Firmware Update - Download and Install: the CSMS sends
// UpdateFirmware with the configured firmware location and answers the charge point's status
// notifications through download, installation and reboot. OCPP 1.6 §4.5, §5.19; errata 3.47.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { allConnectors, firmwareStatus, rebootAfterInstall, updateFirmwareRequest } from './tool-charger';

export default defineCase({
  id: 'TC_044_1_CSMS',
  title: 'Firmware Update - Download and Install',
  version: '1.6',
  sut: 'csms',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_044_1_CSMS (§3.15.1)', 'OCPP 1.6 §4.5, §5.19', 'OCPP 1.6 errata 3.47'],
  manual: true,
  description: 'The Central System sends UpdateFirmware for the configured firmware URL; the Charge Point downloads, installs, reboots and reports Installed, and the Central System answers every message.',
  proof: { behaviour: 'firmware-status-callerror', step: 'FirmwareStatusNotification: Downloading' },
  async run(t) {
    await booted(t);
    const request = updateFirmwareRequest(t);
    // Step 1: firmware.location is the Firmware Download URL of the test data.
    await csmsSends(t, 'UpdateFirmware', { words: `Make the Central System update the firmware from ${request.location} (UpdateFirmware)`, payload: request, matcher: { location: request.location } });
    await firmwareStatus(t, 'Downloading');
    await firmwareStatus(t, 'Downloaded');
    await allConnectors(t, 'Unavailable');
    await firmwareStatus(t, 'Installing');
    await rebootAfterInstall(t);
    await firmwareStatus(t, 'Installed');
  },
});
