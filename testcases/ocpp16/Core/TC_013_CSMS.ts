// OCTT 1.6 TC_013_CSMS (§3.5.1) Hard Reset: the CSMS makes the charge point reset hard and
// accepts it again when it boots. OCPP 1.6 §5.14 Reset, §4.2 BootNotification, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { booted, bootNotification, connectorIds, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_013_CSMS',
  title: 'Hard Reset',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_013_CSMS (§3.5.1)', 'OCPP 1.6 §4.2, §4.9, §5.14'],
  manual: true,
  description: 'The Central System sends Reset of type Hard; the Charge Point accepts, reboots (a new connection), and the Central System accepts its BootNotification and answers its status notifications.',
  proof: { behaviour: 'reset-type-fixed', step: 'Reset' },
  async run(t) {
    await booted(t);
    t.respond('Reset', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'Reset', { words: 'Make the Central System hard reset the Charge Point (Reset, type Hard)', payload: { type: 'Hard' }, matcher: { type: 'Hard' } });
    t.note('The Charge Point reboots: it closes its connection and connects again');
    t.disconnect();
    await t.connect();
    await bootNotification(t);
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
  },
});
