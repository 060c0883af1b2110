// OCTT 1.6 TC_050_1_CS (§2.20.2) Reservation of a Charge Point - Faulted: a faulted charge
// point cannot be reserved; the charger answers ReserveNow for connector 0 with Faulted.
// OCPP 1.6 §5.13 ReserveNow, §7.40 ReservationStatus, §9.3 ReserveConnectorZeroSupported.
import { defineCase } from '../../../engine/conformance/case';
import { chargePointFaulted, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_050_1_CS',
  title: 'Reservation of a Charge Point - Faulted',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_050_1_CS (§2.20.2)', 'OCPP 1.6 §5.13, §7.40, §9.3'],
  requires: ['ReserveConnectorZeroSupported is true (feature ReserveConnectorZeroSupported)', 'a way to put the charge point into a fault state'],
  applies: (s) => (s.features.includes('ReserveConnectorZeroSupported') ? true : 'the charger does not declare ReserveConnectorZeroSupported (prerequisite: it is true)'),
  manual: true,
  description: 'The Central System tries to reserve a faulted charge point (connector 0); the charger answers ReserveNow with Faulted.',
  proof: {
    behaviour: 'reserve-now-always-accepted',
    step: 'status is Faulted',
    settings: { features: ['ReserveConnectorZeroSupported'], configuration: { ReserveConnectorZeroSupported: 'true' } },
  },
  async run(t) {
    await chargePointFaulted(t);
    await sendReserveNow(t, 'Faulted', { connectorId: 0, reservationId: 501 });
    // Post-condition (§1.3): the charge point clear of faults.
    await t.operator({ kind: 'clearFault', connectorId: 0 });
  },
});
