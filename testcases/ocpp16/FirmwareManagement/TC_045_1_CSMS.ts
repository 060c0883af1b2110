// OCTT 1.6 TC_045_1_CSMS (§3.16.1) Get Diagnostics: the CSMS asks for the diagnostics and answers
// the charge point's Uploading and Uploaded. OCPP 1.6 §4.4 DiagnosticsStatusNotification, §5.9 GetDiagnostics.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { diagnosticsStatus } from './tool-charger';

export default defineCase({
  id: 'TC_045_1_CSMS',
  title: 'Get Diagnostics',
  version: '1.6',
  sut: 'csms',
  profile: 'FirmwareManagement',
  specRefs: ['OCTT 1.6 TC_045_1_CSMS (§3.16.1)', 'OCPP 1.6 §4.4, §5.9'],
  requires: ['a location the Central System offers for diagnostics uploads'],
  manual: true,
  description: 'The Central System sends GetDiagnostics; the Charge Point uploads its diagnostics and the Central System answers its status notifications.',
  proof: { behaviour: 'diagnostics-status-callerror', step: 'DiagnosticsStatusNotification: Uploading' },
  async run(t) {
    await booted(t);
    await csmsSends(t, 'GetDiagnostics', { words: 'Make the Central System request the diagnostics of the Charge Point (GetDiagnostics)', payload: { location: t.settings.diagnosticsUrl } });
    await diagnosticsStatus(t, 'Uploading');
    await diagnosticsStatus(t, 'Uploaded');
  },
});
