// OCTT 1.6 TC_043_2_CS (§2.17.2) Send Local Authorization List - VersionMismatch: a
// Differential update with a version older than the list's is refused and the list keeps its
// version. OCPP 1.6 §5.10, §5.15 (VersionMismatch).
import { defineCase } from '../../../engine/conformance/case';
import { configure } from '../../../engine/conformance/states16';
import { sendLocalList } from './local-list';

export default defineCase({
  id: 'TC_043_2_CS',
  title: 'Send Local Authorization List - VersionMismatch',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_2_CS (§2.17.2)', 'OCPP 1.6 §5.10, §5.15'],
  description: 'The charger takes a Full list (version 2) and a Differential one (version 5), then refuses a Differential with the older version 4.',
  proof: { behaviour: 'local-list-version-stuck', step: 'listVersion is 2' },
  async run(t) {
    const { valid, valid2 } = t.settings.idTags;
    await configure(t, 'LocalAuthListEnabled', true);
    // The list holds entries: an empty one would be reported as version 0 (TC_042_2_CS).
    await sendLocalList(t, { listVersion: 2, updateType: 'Full', entries: { [valid]: 'Accepted' } }, { status: 'Accepted' });
    await t.send('GetLocalListVersion', {}, { listVersion: 2 });
    await sendLocalList(t, { listVersion: 5, updateType: 'Differential', entries: { [valid2]: 'Accepted' } }, { status: 'Accepted' });
    await t.send('GetLocalListVersion', {}, { listVersion: 5 });
    await sendLocalList(t, { listVersion: 4, updateType: 'Differential', entries: { [valid2]: 'Blocked' } }, { status: 'VersionMismatch' });
    await t.send('GetLocalListVersion', {}, { listVersion: 5 });
  },
});
