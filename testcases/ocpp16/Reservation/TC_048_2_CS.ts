// OCTT 1.6 TC_048_2_CS (§2.20.1) Reservation of a Connector - Occupied: a connector in use
// (cable plugged in) cannot be reserved; the charger answers ReserveNow with Occupied.
// OCPP 1.6 §5.13 ReserveNow, §7.40 ReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { connectorOccupied, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_2_CS',
  title: 'Reservation of a Connector - Occupied',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_2_CS (§2.20.1)', 'OCPP 1.6 §5.13, §7.40'],
  manual: true,
  description: 'The Central System tries to reserve an occupied connector; the charger answers ReserveNow with Occupied.',
  proof: { behaviour: 'reserve-now-always-accepted', step: 'status is Occupied' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await connectorOccupied(t, connectorId);
    await sendReserveNow(t, 'Occupied', { connectorId, reservationId: 482 });
    // Post-condition (§1.3): the connector available.
    await t.operator({ kind: 'unplug', connectorId });
  },
});
