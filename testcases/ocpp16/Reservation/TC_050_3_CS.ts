// OCTT 1.6 TC_050_3_CS (§2.20.2) Reservation of a Charge Point - Unavailable: an Inoperative
// charge point cannot be reserved; ReserveNow for connector 0 is answered Unavailable.
// OCPP 1.6 §5.13 ReserveNow, §5.2 ChangeAvailability, §7.40, §9.3 ReserveConnectorZeroSupported.
import { defineCase } from '../../../engine/conformance/case';
import { chargePointUnavailable, connectorsOperative, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_050_3_CS',
  title: 'Reservation of a Charge Point - Unavailable',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_050_3_CS (§2.20.2)', 'OCPP 1.6 §5.13, §5.2, §7.40, §9.3'],
  requires: ['ReserveConnectorZeroSupported is true (feature ReserveConnectorZeroSupported)'],
  applies: (s) => (s.features.includes('ReserveConnectorZeroSupported') ? true : 'the charger does not declare ReserveConnectorZeroSupported (prerequisite: it is true)'),
  description: 'The Central System tries to reserve an unavailable charge point (connector 0); the charger answers ReserveNow with Unavailable.',
  proof: {
    behaviour: 'reserve-now-always-accepted',
    step: 'status is Unavailable',
    settings: { features: ['ReserveConnectorZeroSupported'], configuration: { ReserveConnectorZeroSupported: 'true' } },
  },
  async run(t) {
    await chargePointUnavailable(t);
    await sendReserveNow(t, 'Unavailable', { connectorId: 0, reservationId: 503 });
    await connectorsOperative(t, [0]);
  },
});
