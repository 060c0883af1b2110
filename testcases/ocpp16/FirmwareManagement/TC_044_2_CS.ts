// OCTT 1.6 TC_044_2_CS (§2.18.2) Firmware Update - Download Failed: a download that cannot
// succeed is reported DownloadFailed (Downloading first is optional: it may fail at once).
// OCPP 1.6 §4.5 FirmwareStatusNotification, §5.19 UpdateFirmware (retries).
import { defineCase } from '../../../engine/conformance/case';
import { FAILING_DOWNLOAD, TRANSFER_S } from './transfers';

export default defineCase({
  id: 'TC_044_2_CS',
  title: 'Firmware Update - Download Failed',
  version: '1.6',
  sut: 'charger',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_044_2_CS (§2.18.2)', 'OCPP 1.6 §4.5, §5.19'],
  description: `The charger is sent a firmware location where nothing answers (${FAILING_DOWNLOAD}, no retries) and reports DownloadFailed.`,
  proof: { behaviour: 'failed-transfers-reported-successful', step: 'DownloadFailed' },
  async run(t) {
    await t.send('UpdateFirmware', { location: FAILING_DOWNLOAD, retries: 0, retrieveDate: new Date().toISOString() }, undefined, { says: `Send UpdateFirmware (location ${FAILING_DOWNLOAD}, retries 0, retrieveDate now)` });
    await t.expectAll(
      [
        { action: 'FirmwareStatusNotification', matcher: { status: 'Downloading' }, optional: true },
        { action: 'FirmwareStatusNotification', matcher: { status: 'DownloadFailed' } },
      ],
      { within: TRANSFER_S },
    );
  },
});
