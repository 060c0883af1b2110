// OCTT 1.6 TC_045_2_CS (§2.19.2) Get Diagnostics - Upload Failed: an upload to a location
// where nothing answers is reported Uploading, then UploadFailed. OCPP 1.6 §4.4
// DiagnosticsStatusNotification, §5.9 GetDiagnostics (retries).
import { defineCase } from '../../../engine/conformance/case';
import { FAILING_UPLOAD, TRANSFER_S } from './transfers';

export default defineCase({
  id: 'TC_045_2_CS',
  title: 'Get Diagnostics - Upload Failed',
  version: '1.6',
  sut: 'charger',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_045_2_CS (§2.19.2)', 'OCPP 1.6 §4.4, §5.9'],
  description: `The charger is asked to upload its diagnostics where nothing answers (${FAILING_UPLOAD}, no retries) and reports Uploading, then UploadFailed.`,
  proof: { behaviour: 'failed-transfers-reported-successful', step: 'UploadFailed' },
  async run(t) {
    await t.send('GetDiagnostics', { location: FAILING_UPLOAD, retries: 0 });
    await t.expect('DiagnosticsStatusNotification', { status: 'Uploading' });
    await t.expect('DiagnosticsStatusNotification', { status: 'UploadFailed' }, { within: TRANSFER_S });
  },
});
