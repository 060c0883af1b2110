// OCTT 1.6 TC_041_CS (§2.16.1) Fault Behavior: a faulted charge point reports Faulted and
// starts no transaction when an EV driver tries, for <Configured Transaction Duration>.
// OCPP 1.6 §4.9 StatusNotification (Faulted: not available for charging).
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_041_CS',
  title: 'Fault Behavior',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_041_CS (§2.16.1)', 'OCPP 1.6 §4.9'],
  requires: ['a valid id tag', 'a way to put the charge point into a fault state'],
  manual: true,
  description: 'The charger refuses to start a transaction while it is in a fault state.',
  proof: { behaviour: 'charges-while-faulted', step: 'not to send StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    // Step 1: [Set the Charge Point in fault state.]
    await t.operator({ kind: 'fault', connectorId: 0 });
    await t.expect('StatusNotification', { status: 'Faulted' });
    // Step 3: [The EV Driver tries to start a transaction.]
    await t.operator({ kind: 'plugIn', connectorId });
    await t.operator({ kind: 'presentIdTag', idTag: t.settings.idTags.valid, connectorId });
    await t.expectNone('StartTransaction', undefined, t.settings.transactionDuration, `Expect the charger not to send StartTransaction for the transaction duration (${t.settings.transactionDuration} s)`);
    // Post-conditions (§1.3): clear of faults, the connector available.
    await t.operator({ kind: 'clearFault', connectorId: 0 });
    await t.operator({ kind: 'unplug', connectorId });
  },
});
