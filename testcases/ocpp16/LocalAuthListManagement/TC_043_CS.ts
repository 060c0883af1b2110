// OCTT 1.6 TC_043_CS (§2.17.2) Send Local Authorization List: the charger takes a Full
// and then a Differential update of its local list. OCPP 1.6 §3.5.2 Local Authorization List,
// §5.15 SendLocalList.
import { defineCase } from '../../../engine/conformance/case';
import { configure } from '../../../engine/conformance/states16';
import { sendLocalList } from './local-list';

export default defineCase({
  id: 'TC_043_CS',
  title: 'Send Local Authorization List',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_CS (§2.17.2)', 'OCPP 1.6 §3.5.2, §5.15'],
  description: 'The charger accepts a Full local authorization list and then a Differential update of it.',
  proof: { behaviour: 'local-list-full-only', step: 'Differential' },
  async run(t) {
    await configure(t, 'LocalAuthListEnabled', true);
    await sendLocalList(t, { listVersion: 1, updateType: 'Full', entries: { [t.settings.idTags.valid]: 'Accepted' } }, { status: 'Accepted' });
    // A Differential update needs a higher version than the list has (§5.15).
    await sendLocalList(t, { listVersion: 2, updateType: 'Differential', entries: { [t.settings.idTags.valid2]: 'Accepted' } }, { status: 'Accepted' });
  },
});
