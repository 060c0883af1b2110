// OCTT 1.6 TC_045_1_CS (§2.19.1) Get Diagnostics: the charger uploads its diagnostics to
// the given location and reports Uploading, then Uploaded. OCPP 1.6 §4.4
// DiagnosticsStatusNotification, §5.9 GetDiagnostics.
import { defineCase } from '../../../engine/conformance/case';
import { TRANSFER_S } from './transfers';

export default defineCase({
  id: 'TC_045_1_CS',
  title: 'Get Diagnostics',
  version: '1.6',
  sut: 'charger',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_045_1_CS (§2.19.1)', 'OCPP 1.6 §4.4, §5.9'],
  requires: ['an upload server at the diagnostics URL, of a protocol in SupportedFileTransferProtocols'],
  description: 'The charger uploads its diagnostics to the configured location, reporting Uploading and then Uploaded.',
  proof: { behaviour: 'diagnostics-without-status', step: 'Uploading' },
  async run(t) {
    await t.send('GetDiagnostics', { location: t.settings.diagnosticsUrl });
    await t.expect('DiagnosticsStatusNotification', { status: 'Uploading' });
    await t.expect('DiagnosticsStatusNotification', { status: 'Uploaded' }, { within: TRANSFER_S });
  },
});
