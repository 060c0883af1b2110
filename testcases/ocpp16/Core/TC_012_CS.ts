// OCTT 1.6 TC_012_CS (§2.5.4) Remote Stop Charging Session: the charger stops the transaction
// on RemoteStopTransaction, with reason Remote.
// OCPP 1.6 §5.12 RemoteStopTransaction, §4.10 (reason Remote), §4.9 (Charging → Finishing).
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_012_CS',
  title: 'Remote Stop Charging Session',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_012_CS (§2.5.4)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §5.12, §4.10, §4.9'],
  requires: ['a valid id tag'],
  manual: true,
  description: 'The charger stops a transaction when the Central System asks it to, reporting reason Remote.',
  proof: { behaviour: 'wrong-stop-reason', step: 'reason is Remote' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const transactionId = await charging(t);
    // Steps 1 and 2.
    await t.send('RemoteStopTransaction', { transactionId }, { status: 'Accepted' });
    // Steps 3 and 5 may be reversed.
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, reason: 'Remote' } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
  },
});
