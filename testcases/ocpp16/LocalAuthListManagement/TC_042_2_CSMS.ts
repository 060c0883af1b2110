// OCTT 1.6 TC_042_2_CSMS (§3.14.1) Get Local List Version (empty): the CSMS asks for the
// local list version and takes 0 (no list installed) for an answer. OCPP 1.6 §5.10 GetLocalListVersion.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_042_2_CSMS',
  title: 'Get Local List Version (empty)',
  version: '1.6',
  sut: 'csms',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_042_2_CSMS (§3.14.1)', 'OCPP 1.6 §5.10'],
  manual: true,
  description: 'The Central System requests the local list version (GetLocalListVersion); the Charge Point answers 0.',
  proof: { behaviour: 'no-command:GetLocalListVersion', step: 'GetLocalListVersion' },
  async run(t) {
    await booted(t);
    // Step 2: the tool answers listVersion 0.
    t.respond('GetLocalListVersion', { result: { listVersion: 0 } }, { once: true });
    await csmsSends(t, 'GetLocalListVersion', { words: 'Make the Central System request the version of the local authorization list (GetLocalListVersion)' });
  },
});
