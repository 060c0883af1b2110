// OCTT 1.6 TC_026_CS (§2.11.1) Remote Start Charging Session – Rejected: a remote start
// for the connector that already has a transaction is Rejected.
// OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.19 LocalPreAuthorize.
import { defineCase } from '../../../engine/conformance/case';
import { charging, configure } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_026_CS',
  title: 'Remote Start Charging Session – Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_026_CS (§2.11.1)', 'OCPP 1.6 §5.11, §9.1'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger rejects a RemoteStartTransaction.req for a connector with a transaction going on.',
  proof: { behaviour: 'remote-control-accepts-anything', step: 'RemoteStartTransaction' },
  async run(t) {
    await configure(t, 'LocalPreAuthorize', false);
    await charging(t);
    // Step 1: the same connector as the Charging state.
    await t.send('RemoteStartTransaction', { connectorId: t.settings.connectorId, idTag: t.settings.idTags.valid }, { status: 'Rejected' });
  },
});
