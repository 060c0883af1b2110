// OCTT 1.6 TC_049_CS (§2.20.2) Reservation of a Charge Point - Transaction: the Central
// System reserves connector 0 (no specific connector); with one connector left available the
// charger holds it Reserved, and a remote start for the reserved tag uses the reservation.
// OCPP 1.6 §5.13 ReserveNow (connectorId 0, ReserveConnectorZeroSupported §9.3), §5.11, §4.8.
import { defineCase } from '../../../engine/conformance/case';
import { charging, connectorsOperative, sendReserveNow, unusedConnectorsUnavailable } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_049_CS',
  title: 'Reservation of a Charge Point - Transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_049_CS (§2.20.2)', 'OCPP 1.6 §5.13, §5.11, §4.8, §4.9, §9.3'],
  requires: ['ReserveConnectorZeroSupported is true (feature ReserveConnectorZeroSupported)', 'a valid id tag'],
  applies: (s) => (s.features.includes('ReserveConnectorZeroSupported') ? true : 'the charger does not declare ReserveConnectorZeroSupported (prerequisite: it is true)'),
  manual: true,
  description: 'The charge point (connector 0) is reserved for the valid id tag; the one connector left available shows Reserved, and a remote start for that tag charges there with the reservationId.',
  proof: {
    behaviour: 'rejects-every-reservation',
    step: 'status is Accepted',
    settings: { features: ['ReserveConnectorZeroSupported'], configuration: { ReserveConnectorZeroSupported: 'true' } },
  },
  async run(t) {
    const idTag = t.settings.idTags.valid;
    const reservationId = 49;
    // Reusable state: SetConnectorUnavailable for all unused connectors.
    const unused = await unusedConnectorsUnavailable(t, t.settings.connectorId);
    // Steps 1–4: a reservation of connector 0.
    await sendReserveNow(t, 'Accepted', { connectorId: 0, idTag, reservationId });
    const status = await t.expect('StatusNotification', { status: 'Reserved' });
    // [The tool starts a transaction on the reserved connector]; step 5: Charging (Authorize
    // optional), its StartTransaction carrying the idTag and reservationId of step 1.
    const connectorId = Number(status.payload['connectorId']);
    await charging(t, { connectorId, idTag, reserved: true, authorizeOptional: true, start: { reservationId } });
    await connectorsOperative(t, unused);
  },
});
