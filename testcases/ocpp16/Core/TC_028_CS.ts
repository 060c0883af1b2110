// OCTT 1.6 TC_028_CS (§2.11.3) Remote Stop Transaction – Rejected: a remote stop for a
// transaction id the charger does not know is Rejected.
// OCPP 1.6 §5.12 RemoteStopTransaction.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_028_CS',
  title: 'Remote Stop Transaction – Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_028_CS (§2.11.3)', 'OCPP 1.6 §5.12'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger rejects a RemoteStopTransaction.req with an unknown transactionId.',
  proof: { behaviour: 'remote-control-accepts-anything', step: 'RemoteStopTransaction' },
  async run(t) {
    const transactionId = await charging(t);
    // <Unknown transactionId>: one the bench never handed out.
    const unknown = transactionId + 1_000_000;
    await t.send('RemoteStopTransaction', { transactionId: unknown }, { status: 'Rejected' });
  },
});
