// OCTT 1.6 TC_004_2_CS (§2.2.3) Regular Charging Session – Identification First -
// ConnectionTimeOut: when no cable comes within ConnectionTimeOut after the identification,
// the charger makes the connector Available again.
// OCPP 1.6 §9.1.6 ConnectionTimeOut, §4.9 (Preparing → Available).
import { defineCase } from '../../../engine/conformance/case';
import { authorized, configure } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_004_2_CS',
  title: 'Regular Charging Session – Identification First - ConnectionTimeOut',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_004_2_CS (§2.2.3)', 'OCTT 1.6 reusable state Authorized (§2.25)', 'OCPP 1.6 §9.1.6, §4.9'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger sets the connector back to Available when the cable is not plugged in within ConnectionTimeOut after the driver identified.',
  // A shorter configured ConnectionTimeOut keeps the self-test quick; the case reads it from the settings.
  proof: { behaviour: 'connection-timeout-ignored', step: 'status is Available', settings: { connectionTimeOut: 10 } },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const timeout = t.settings.connectionTimeOut;
    // Configuration state: ConnectionTimeOut is <Configured connectionTimeout>.
    await configure(t, 'ConnectionTimeOut', timeout);
    // Step 1: the connector is Available, so Preparing must follow the identification.
    await authorized(t, t.settings.idTags.valid, { preparing: 'expected' });
    const preparing = t.received('StatusNotification').filter((r) => r.payload['status'] === 'Preparing').at(-1);
    // Step 2: [after the configured connectionTimeOut has expired]
    const available = await t.expect('StatusNotification', { connectorId, status: 'Available' }, {
      within: timeout + t.settings.timeouts.message,
      says: `Expect the charger to send StatusNotification where connectorId is ${connectorId} and status is Available once ConnectionTimeOut (${timeout} s) has expired`,
    });
    if (preparing !== undefined) t.checkTiming('the connector became Available', available.at - preparing.at, timeout, 'about', available.frame);
  },
});
