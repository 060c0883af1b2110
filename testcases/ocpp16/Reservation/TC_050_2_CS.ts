// OCTT 1.6 TC_050_2_CS (§2.20.2) Reservation of a Charge Point - Occupied: with every
// connector in use the charge point cannot be reserved; ReserveNow for connector 0 is
// answered Occupied. OCPP 1.6 §5.13 ReserveNow, §7.40, §9.3 ReserveConnectorZeroSupported.
import { defineCase } from '../../../engine/conformance/case';
import { allConnectorsOccupied, connectorIds, sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_050_2_CS',
  title: 'Reservation of a Charge Point - Occupied',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_050_2_CS (§2.20.2)', 'OCPP 1.6 §5.13, §7.40, §9.3'],
  requires: ['ReserveConnectorZeroSupported is true (feature ReserveConnectorZeroSupported)'],
  applies: (s) => (s.features.includes('ReserveConnectorZeroSupported') ? true : 'the charger does not declare ReserveConnectorZeroSupported (prerequisite: it is true)'),
  manual: true,
  description: 'The Central System tries to reserve the charge point (connector 0) while every connector is occupied; the charger answers ReserveNow with Occupied.',
  proof: {
    behaviour: 'reserve-now-always-accepted',
    step: 'status is Occupied',
    settings: { features: ['ReserveConnectorZeroSupported'], configuration: { ReserveConnectorZeroSupported: 'true' } },
  },
  async run(t) {
    // Reusable state: SetConnectorOccupied for all connectors.
    await allConnectorsOccupied(t);
    await sendReserveNow(t, 'Occupied', { connectorId: 0, reservationId: 502 });
    // Post-condition (§1.3): the connectors available.
    for (const connectorId of connectorIds(t)) await t.operator({ kind: 'unplug', connectorId });
  },
});
