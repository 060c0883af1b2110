// OCTT 1.6 TC_010_CS (§2.5.1) Remote Start Charging Session – Cable Plugged in First: the
// scenario is the reusable state Charging — cable in, RemoteStartTransaction, (Authorize if
// AuthorizeRemoteTxRequests), StartTransaction and Charging.
// OCPP 1.6 §5.11 RemoteStartTransaction, §4.8, §4.9, §9.1.3.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_010_CS',
  title: 'Remote Start Charging Session – Cable Plugged in First',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_010_CS (§2.5.1)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §5.11, §4.8, §4.9, §9.1.3'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger starts a transaction on a RemoteStartTransaction when the cable is already plugged in.',
  proof: { behaviour: 'remote-start-ignored', step: 'StartTransaction' },
  async run(t) {
    await charging(t);
  },
});
