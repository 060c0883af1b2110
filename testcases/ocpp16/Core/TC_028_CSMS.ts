// OCTT 1.6 TC_028_CSMS (§3.9.2) Remote Stop Transaction – Rejected: during a transaction the
// CSMS asks to stop a transaction id the charge point does not know, and is rejected.
// OCPP 1.6 §5.12 RemoteStopTransaction, §7.39 RemoteStartStopStatus.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_028_CSMS',
  title: 'Remote Stop Transaction – Rejected',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_028_CSMS (§3.9.2)', 'OCPP 1.6 §5.12, §7.39'],
  requires: ['a valid id tag (idTags.valid)'],
  manual: true,
  description: 'While a transaction runs, the Central System sends RemoteStopTransaction for a transaction id the Charge Point does not know; the Charge Point answers Rejected, which the Central System must handle.',
  proof: { behaviour: 'no-command:RemoteStopTransaction', step: 'RemoteStopTransaction' },
  async run(t) {
    await booted(t);
    const running = await csmsCharging(t);
    // An id the Charge Point does not run (the CSMS sends what its operator asks for).
    const unknown = running + 1000;
    t.respond('RemoteStopTransaction', { result: { status: 'Rejected' } }, { once: true, says: 'with status Rejected (the transaction id is unknown to the Charge Point)' });
    await csmsSends(t, 'RemoteStopTransaction', {
      words: `Make the Central System request a remote stop of a transaction the Charge Point does not know, e.g. transaction ${unknown} (RemoteStopTransaction)`,
      payload: { transactionId: unknown },
    });
  },
});
