// OCTT 1.6 TC_014_CSMS (§3.5.2) Soft Reset: the CSMS makes the charge point reset soft and
// accepts it again when it boots. OCPP 1.6 §5.14 Reset, §4.2 BootNotification, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { booted, bootNotification, connectorIds, csmsSends, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_014_CSMS',
  title: 'Soft Reset',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_014_CSMS (§3.5.2)', 'OCPP 1.6 §4.2, §4.9, §5.14'],
  manual: true,
  description: 'The Central System sends Reset of type Soft; the Charge Point accepts, reboots (a new connection), and the Central System accepts its BootNotification and answers its status notifications.',
  proof: { behaviour: 'no-command:Reset', step: 'Reset' },
  async run(t) {
    await booted(t);
    t.respond('Reset', { result: { status: 'Accepted' } }, { once: true });
    await csmsSends(t, 'Reset', { words: 'Make the Central System soft reset the Charge Point (Reset, type Soft)', payload: { type: 'Soft' }, matcher: { type: 'Soft' } });
    t.note('The Charge Point reboots: it closes its connection and connects again');
    t.disconnect();
    await t.connect();
    await bootNotification(t);
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
  },
});
