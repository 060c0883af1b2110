// OCTT 1.6 TC_003_CSMS (§3.2.1) Regular Charging Session - Plugin First: the cable first,
// then the driver's identification; the CSMS authorizes and accepts the transaction.
// OCPP 1.6 §4.1 Authorize, §4.8 StartTransaction, §4.9 StatusNotification.
import { defineCase } from '../../../engine/conformance/case';
import { booted, sendAuthorize, sendStartTransaction, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_003_CSMS',
  title: 'Regular Charging Session - Plugin First',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_003_CSMS (§3.2.1)', 'OCPP 1.6 §4.1, §4.8, §4.9'],
  requires: ['a valid id tag (idTags.valid)'],
  description: 'The Charge Point starts a charging session with the cable plugged in first: the Central System accepts the Authorize and the StartTransaction of the valid id tag.',
  proof: { behaviour: 'authorize-then-start-conflict', step: 'StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    await booted(t);
    t.note('The EV driver plugs in the cable');
    await sendStatus(t, connectorId, 'Preparing');
    t.note(`The EV driver presents identification (${idTag})`);
    await sendAuthorize(t, idTag, 'Accepted');
    await sendStartTransaction(t, { connectorId, idTag });
    await sendStatus(t, connectorId, 'Charging');
  },
});
