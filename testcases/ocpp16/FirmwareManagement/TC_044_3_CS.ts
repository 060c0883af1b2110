// OCTT 1.6 TC_044_3_CS (§2.18.3) Firmware Update - Installation Failed: a firmware the
// charger does not support downloads but fails to install, reported InstallationFailed.
// OCPP 1.6 §4.5 FirmwareStatusNotification, §5.19 UpdateFirmware.
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { TRANSFER_S } from './transfers';

export default defineCase({
  id: 'TC_044_3_CS',
  title: 'Firmware Update - Installation Failed',
  version: '1.6',
  sut: 'charger',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_044_3_CS (§2.18.3)', 'OCPP 1.6 §4.5, §5.19'],
  requires: ['a firmware the charger does not support at the unsupported-firmware URL, on a server of a protocol in SupportedFileTransferProtocols'],
  manual: true,
  description: 'The charger downloads a firmware it does not support, fails to install it and reports InstallationFailed; it may reboot and is Available.',
  proof: { behaviour: 'failed-transfers-reported-successful', step: 'InstallationFailed' },
  async run(t) {
    const location = t.settings.unsupportedFirmwareUrl;
    // Prerequisite: an invalid firmware is stored at the server.
    await t.operator({ kind: 'firmwareInstallFailure', location });
    await t.send('UpdateFirmware', { location, retrieveDate: new Date().toISOString() }, undefined, { says: `Send UpdateFirmware (location ${location}, retrieveDate now)` });
    await t.expect('FirmwareStatusNotification', { status: 'Downloading' }, { within: TRANSFER_S });
    await t.expect('FirmwareStatusNotification', { status: 'Downloaded' }, { within: TRANSFER_S });
    // Step 7 (Installing) is optional: the installation may fail at once.
    const next = await t.expect('FirmwareStatusNotification', { status: oneOf('Installing', 'InstallationFailed') }, { within: TRANSFER_S });
    if (next.payload['status'] === 'InstallationFailed') return;
    // Steps 9–13 in any order: an optional reboot, InstallationFailed, the optional report of the connectors.
    await t.expectAll(
      [
        { action: 'BootNotification', optional: true },
        { action: 'FirmwareStatusNotification', matcher: { status: 'InstallationFailed' } },
        { action: 'StatusNotification', matcher: { status: 'Available' }, optional: true },
      ],
      { within: TRANSFER_S },
    );
  },
});
