// OCTT 1.6 TC_007_CSMS (§3.3.1) Regular Start Charging Session – Cached Id: the charge point
// finds the id tag in its Authorization Cache and starts without an Authorize.
// OCPP 1.6 §3.5.1 Authorization Cache, §4.8 StartTransaction, §4.9 StatusNotification.
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendStartTransaction, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_007_CSMS',
  title: 'Regular Start Charging Session – Cached Id',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_007_CSMS (§3.3.1)', 'OCPP 1.6 §3.5.1, §4.8, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'The Charge Point starts a transaction for an id tag from its Authorization Cache, with no Authorize first: the Central System accepts the StartTransaction.',
  proof: { behaviour: 'start-requires-prior-authorize', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.note('The EV driver plugs in the cable');
    await sendStatus(t, connectorId, 'Preparing');
    t.note(`The EV driver presents identification (${idTag}); the Charge Point finds it in its Authorization Cache and sends no Authorize`);
    await sendStartTransaction(t, { connectorId, idTag });
    await sendStatus(t, connectorId, 'Charging');
  },
});
