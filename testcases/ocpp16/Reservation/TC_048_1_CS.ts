// OCTT 1.6 TC_048_1_CS (§2.20.1) Reservation of a Connector - Faulted: a faulted connector
// cannot be reserved; the charger answers ReserveNow with Faulted.
// OCPP 1.6 §5.13 ReserveNow, §7.40 ReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { connectorFaulted, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_1_CS',
  title: 'Reservation of a Connector - Faulted',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_1_CS (§2.20.1)', 'OCPP 1.6 §5.13, §7.40'],
  requires: ['a way to put a connector into a fault state'],
  manual: true,
  description: 'The Central System tries to reserve a faulted connector; the charger answers ReserveNow with Faulted.',
  proof: { behaviour: 'reserve-now-always-accepted', step: 'status is Faulted' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await connectorFaulted(t, connectorId);
    await sendReserveNow(t, 'Faulted', { connectorId, reservationId: 481 });
    // Post-condition (§1.3): the charge point clear of faults.
    await t.operator({ kind: 'clearFault', connectorId });
  },
});
