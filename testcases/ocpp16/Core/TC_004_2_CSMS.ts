// OCTT 1.6 TC_004_2_CSMS (§3.2.3) Regular Charging Session – Identification First -
// ConnectionTimeOut: the driver identifies but never plugs in; the connector goes back to
// Available after the ConnectionTimeOut. OCPP 1.6 §4.9 StatusNotification, §9.1.6 ConnectionTimeOut.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsAuthorized, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_004_2_CSMS',
  title: 'Regular Charging Session – Identification First - ConnectionTimeOut',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_004_2_CSMS (§3.2.3)', 'OCPP 1.6 §4.9, §9.1.6'],
  requires: ['a valid id tag (idTags.valid)', 'the ConnectionTimeOut the tool charger waits (connectionTimeOut)'],
  description: 'After the driver identified, the Charge Point reports Preparing, and Available again once its ConnectionTimeOut has expired without a cable: the Central System answers both.',
  proof: { behaviour: 'abandoned-preparing-callerror', step: 'Available' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await booted(t);
    await csmsAuthorized(t);
    await sendStatus(t, connectorId, 'Preparing');
    await t.wait(t.settings.connectionTimeOut, 'the Charge Point\'s ConnectionTimeOut expires without a cable plugged in');
    await sendStatus(t, connectorId, 'Available');
  },
});
