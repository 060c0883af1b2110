// OCTT 1.6 TC_043_3_CS (§2.17.2) Send Local Authorization List - Failed: a charger that
// cannot store the list says so with status Failed. OCPP 1.6 §5.15 SendLocalList (Failed).
import { defineCase } from '../../../engine/conformance/case';
import { configure } from '../../../engine/conformance/states16';
import { sendLocalList } from './local-list';

export default defineCase({
  id: 'TC_043_3_CS',
  title: 'Send Local Authorization List - Failed',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_3_CS (§2.17.2)', 'OCPP 1.6 §5.15'],
  requires: ['a way to make storing the local list fail'],
  manual: true,
  description: 'In a state in which it cannot store a local list, the charger answers SendLocalList Failed.',
  proof: { behaviour: 'send-local-list-always-accepted', step: 'status is Failed' },
  async run(t) {
    await configure(t, 'LocalAuthListEnabled', true);
    // Prerequisite: the charger is in a state in which setting a local list fails.
    await t.operator({ kind: 'localListStorageFailure' });
    await sendLocalList(t, { listVersion: 2, updateType: 'Full', entries: { [t.settings.idTags.valid]: 'Accepted' } }, { status: 'Failed' });
  },
});
