// OCTT 1.6 TC_043_5_CSMS (§3.14.2) Send Local Authorization List - Differential: the CSMS
// (after an optional GetLocalListVersion) sends a Differential update whose entries carry
// their idTagInfo. OCPP 1.6 §5.10, §5.15 SendLocalList, §7.1 AuthorizationData.
import { defineCase } from '../../../engine/conformance/case';
import { booted } from '../../../engine/conformance/states16';
import { entriesWithIdTagInfo, listOf } from './local-list';

export default defineCase({
  id: 'TC_043_5_CSMS',
  title: 'Send Local Authorization List - Differential',
  version: '1.6',
  sut: 'csms',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_5_CSMS (§3.14.2)', 'OCPP 1.6 §5.10, §5.15, §7.1'],
  requires: ['at least one id tag the Central System can put on a local list'],
  manual: true,
  description: 'The Central System may ask for the list version, then sends a Differential update of the local authorization list, each entry with an idTagInfo; the Charge Point accepts it.',
  proof: { behaviour: 'local-list-without-id-tag-info', step: 'each with an idTagInfo' },
  async run(t) {
    await booted(t);
    t.respond('SendLocalList', { result: { status: 'Accepted' } }, { once: true });
    await t.operator({ kind: 'csmsSend', action: 'SendLocalList', payload: listOf(t, 2, 'Differential', t.settings.idTags.valid2), words: 'Make the Central System send a Differential update of the local authorization list (SendLocalList)' });
    // Messages 1 and 2 (GetLocalListVersion and its answer) are optional.
    await t.expectAll([
      { action: 'GetLocalListVersion', optional: true },
      { action: 'SendLocalList', matcher: { updateType: 'Differential', localAuthorizationList: entriesWithIdTagInfo } },
    ]);
  },
});
