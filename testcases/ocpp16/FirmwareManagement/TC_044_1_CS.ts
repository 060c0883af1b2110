// OCTT 1.6 TC_044_1_CS (§2.18.1) Firmware Update - Download and Install: the charger
// downloads and installs a firmware, reports Downloading, Downloaded, Installing, reboots and
// reports Installed. OCPP 1.6 §4.5 FirmwareStatusNotification, §5.19 UpdateFirmware, §3.3;
// errata 3.47 (Installed after the reboot).
import { defineCase } from '../../../engine/conformance/case';
import { TRANSFER_S } from './transfers';

export default defineCase({
  id: 'TC_044_1_CS',
  title: 'Firmware Update - Download and Install',
  version: '1.6',
  sut: 'charger',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_044_1_CS (§2.18.1)', 'OCPP 1.6 §4.5, §5.19', 'OCPP 1.6 errata 3.47'],
  requires: ['a valid (dummy) firmware at the firmware URL, on a server of a protocol in SupportedFileTransferProtocols'],
  description: 'The charger downloads and installs the firmware at the configured URL, reboots, and is Available with the new firmware Installed.',
  proof: { behaviour: 'firmware-installed-without-downloading', step: 'Downloading' },
  async run(t) {
    const location = t.settings.firmwareUrl;
    await t.send('UpdateFirmware', { location, retrieveDate: new Date().toISOString() }, undefined, { says: `Send UpdateFirmware (location ${location}, retrieveDate now)` });
    // The charger MAY set its connectors Unavailable first; those StatusNotifications pass by.
    await t.expect('FirmwareStatusNotification', { status: 'Downloading' }, { within: TRANSFER_S });
    await t.expect('FirmwareStatusNotification', { status: 'Downloaded' }, { within: TRANSFER_S });
    await t.expect('FirmwareStatusNotification', { status: 'Installing' }, { within: TRANSFER_S });
    // Steps 9–13: the described order (boot, Available, Installed) is recommended, not required.
    await t.expectAll(
      [
        { action: 'BootNotification' },
        { action: 'StatusNotification', matcher: { status: 'Available' } },
        { action: 'FirmwareStatusNotification', matcher: { status: 'Installed' } },
      ],
      { within: TRANSFER_S, eventually: true },
    );
  },
});
