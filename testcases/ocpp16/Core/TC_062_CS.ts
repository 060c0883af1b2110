// OCTT 1.6 TC_062_CS (§2.23.1) Data Transfer to a Charge Point: a DataTransfer for a vendorId
// the charger does not support is not accepted (Rejected, UnknownMessageId or
// UnknownVendorId). Accepted is tolerated, with a warning to the vendor.
// OCPP 1.6 §5.6 DataTransfer, §4.3.
import { defineCase } from '../../../engine/conformance/case';
import { oneOf } from '../../../engine/conformance/matchers';

/** A vendorId no charger implements. */
const VENDOR_ID = 'org.ocppbench.unsupported-vendor';

export default defineCase({
  id: 'TC_062_CS',
  title: 'Data Transfer to a Charge Point',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_062_CS (§2.23.1)', 'OCPP 1.6 §5.6, §4.3'],
  requires: [`no DataTransfer support for vendorId ${VENDOR_ID}`],
  description: 'The charger answers a vendor specific message it does not support with a DataTransfer.conf that does not accept it.',
  proof: { behaviour: 'data-transfer-callerror', step: 'DataTransfer' },
  async run(t) {
    const outcome = await t.send('DataTransfer', { vendorId: VENDOR_ID }, { status: oneOf('Rejected', 'UnknownMessageId', 'UnknownVendorId', 'Accepted') });
    if (outcome.kind === 'result' && outcome.payload['status'] === 'Accepted') {
      t.note(`Warning: the charger accepted a DataTransfer for vendorId ${VENDOR_ID}, which it cannot support; the document allows it but the vendor should be told`);
    }
  },
});
