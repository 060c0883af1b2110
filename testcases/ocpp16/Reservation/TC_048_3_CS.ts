// OCTT 1.6 TC_048_3_CS (§2.20.1) Reservation of a Connector - Unavailable: an Inoperative
// connector cannot be reserved; the charger answers ReserveNow with Unavailable.
// OCPP 1.6 §5.13 ReserveNow, §5.2 ChangeAvailability, §7.40 ReservationStatus.
import { defineCase } from '../../../engine/conformance/case';
import { connectorUnavailable, connectorsOperative, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_3_CS',
  title: 'Reservation of a Connector - Unavailable',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_3_CS (§2.20.1)', 'OCPP 1.6 §5.13, §5.2, §7.40'],
  description: 'The Central System tries to reserve an unavailable connector; the charger answers ReserveNow with Unavailable.',
  proof: { behaviour: 'reserve-now-always-accepted', step: 'status is Unavailable' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    await connectorUnavailable(t, connectorId);
    await sendReserveNow(t, 'Unavailable', { connectorId, reservationId: 483 });
    await connectorsOperative(t, [connectorId]);
  },
});
