// OCTT 1.6 TC_042_2_CS (§2.17.1) Get Local List Version (empty): after a Full update with
// version 1 and no entries, the list is empty, and an empty list is reported as version 0.
// OCPP 1.6 §5.10 GetLocalListVersion, §5.15 SendLocalList.
import { defineCase } from '../../../engine/conformance/case';
import { configure } from '../../../engine/conformance/states16';
import { sendLocalList } from './local-list';

export default defineCase({
  id: 'TC_042_2_CS',
  title: 'Get Local List Version (empty)',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_042_2_CS (§2.17.1)', 'OCPP 1.6 §5.10, §5.15'],
  description: 'The charger accepts an empty Full local list (version 1) and then reports its list version as 0.',
  proof: { behaviour: 'local-list-version-literal', step: 'listVersion is 0' },
  async run(t) {
    await configure(t, 'LocalAuthListEnabled', true);
    // Step 1: listVersion 1, updateType Full, localAuthorizationList omitted.
    await sendLocalList(t, { listVersion: 1, updateType: 'Full' }, { status: 'Accepted' });
    await t.send('GetLocalListVersion', {}, { listVersion: 0 });
  },
});
