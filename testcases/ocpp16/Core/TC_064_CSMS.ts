// OCTT 1.6 TC_064_CSMS (§3.20.1) Data Transfer to a Central System: the CSMS does not accept
// a vendor-specific message it has no implementation for. OCPP 1.6 §4.3 DataTransfer, §3.12,
// §7.23 DataTransferStatus.
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';
import { booted } from '../../../engine/conformance/states16';

/** A vendor the Central System has no DataTransfer implementation for (prerequisite). */
const VENDOR_ID = 'com.ocppbench.unsupported';

export default defineCase({
  id: 'TC_064_CSMS',
  title: 'Data Transfer to a Central System',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_064_CSMS (§3.20.1)', 'OCPP 1.6 §3.12, §4.3, §7.23'],
  requires: [`no DataTransfer support for vendorId ${VENDOR_ID}`],
  description: 'The Charge Point sends a DataTransfer for a vendorId the Central System does not support; the Central System answers Rejected, UnknownMessageId or UnknownVendorId (Accepted is allowed, with a warning).',
  proof: { behaviour: 'data-transfer-callerror', step: 'DataTransfer' },
  async run(t) {
    await booted(t);
    const answer = await t.send('DataTransfer', { vendorId: VENDOR_ID, messageId: 'TestMessage', data: 'OCPP Bench TC_064' }, { status: oneOf('Rejected', 'UnknownMessageId', 'UnknownVendorId', 'Accepted') }, {
      says: `Send DataTransfer for vendorId ${VENDOR_ID} and expect an answer where status is Rejected, UnknownMessageId or UnknownVendorId (Accepted is tolerated)`,
    });
    if (answer.kind === 'result' && answer.payload['status'] === 'Accepted') {
      t.note(`Warning: the Central System accepted a DataTransfer for vendorId ${VENDOR_ID} it should not support (OCTT allows it, but the vendor should know)`);
    }
  },
});
