// OCTT 1.6 TC_043_1_CS (§2.17.2) Send Local Authorization List - NotSupported: a charger
// without the Local Auth List Management profile refuses a list. OCPP 1.6 §5.15 SendLocalList
// (status NotSupported), §3.5.2.
import { defineCase } from '../../../engine/conformance/case';
import { sendLocalList } from './local-list';

export default defineCase({
  id: 'TC_043_1_CS',
  title: 'Send Local Authorization List - NotSupported',
  version: '1.6',
  sut: 'charger',
  profile: 'LocalAuthListManagement',
  specRefs: ['OCTT 1.6 TC_043_1_CS (§2.17.2)', 'OCPP 1.6 §3.5.2, §5.15'],
  requires: ['no Local Auth List Management profile'],
  runsWithoutProfile: true,
  applies: (s) => (s.profiles.includes('LocalAuthListManagement') ? 'the charger declares the Local Auth List Management profile; this case is for one that does not' : true),
  description: 'A charger that does not support local lists answers SendLocalList NotSupported (or a CALLERROR NotSupported).',
  proof: { behaviour: 'send-local-list-always-accepted', step: 'status is NotSupported', settings: { profiles: ['Core', 'FirmwareManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger', 'Security'] } },
  async run(t) {
    await sendLocalList(t, { listVersion: 1, updateType: 'Full', entries: { [t.settings.idTags.valid]: 'Accepted' } }, { status: 'NotSupported' }, { orError: 'NotSupported' });
  },
});
