// OCTT 1.6 TC_043_4_CSMS (§3.14.2) Send Local Authorization List - Full: the CSMS sends a
// Full list whose every entry carries its idTagInfo. OCPP 1.6 §5.15 SendLocalList, §7.1
// AuthorizationData (in a Full update every entry needs idTagInfo).
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { entriesWithIdTagInfo, listOf } from './local-list';

export default defineCase({
  id: 'TC_043_4_CSMS',
  title: 'Send Local Authorization List - Full',
  version: '1.6',
  sut: 'csms',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_4_CSMS (§3.14.2)', 'OCPP 1.6 §5.15, §7.1'],
  requires: ['at least one id tag the Central System can put on a local list'],
  manual: true,
  description: 'The Central System sends a Full local authorization list, each entry with an idTagInfo; the Charge Point accepts it.',
  proof: { behaviour: 'local-list-without-id-tag-info', step: 'each with an idTagInfo' },
  async run(t) {
    await booted(t);
    t.respond('SendLocalList', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'SendLocalList', {
      words: 'Make the Central System send a Full local authorization list with its id tags (SendLocalList)',
      payload: listOf(t, 1, 'Full'),
      matcher: { updateType: 'Full', localAuthorizationList: entriesWithIdTagInfo },
    });
  },
});
