// OCTT 1.6 TC_043_3_CSMS (§3.14.2) Send Local Authorization List - Failed: the CSMS
// sends a Full list and takes Failed for an answer. OCPP 1.6 §5.15 SendLocalList.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { listOf } from './local-list';

export default defineCase({
  id: 'TC_043_3_CSMS',
  title: 'Send Local Authorization List - Failed',
  version: '1.6',
  sut: 'csms',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_3_CSMS (§3.14.2)', 'OCPP 1.6 §5.15'],
  manual: true,
  description: 'The Central System sends a Full local authorization list; the Charge Point answers Failed.',
  proof: { behaviour: 'local-list-differential-only', step: 'updateType is Full' },
  async run(t) {
    await booted(t);
    // Step 2: the tool answers Failed.
    t.respond('SendLocalList', { result: { status: 'Failed' } }, { once: true });
    await csmsSends(t, 'SendLocalList', { words: 'Make the Central System send a Full local authorization list (SendLocalList)', payload: listOf(t, 1, 'Full'), matcher: { updateType: 'Full' } });
  },
});
