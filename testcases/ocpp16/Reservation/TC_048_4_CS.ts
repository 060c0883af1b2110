// OCTT 1.6 TC_048_4_CS (§2.20.1) Reservation of a Connector - Rejected: a charger without the
// Reservation feature profile answers ReserveNow with Rejected.
// OCPP 1.6 §5.13 ReserveNow ("Rejected if it is configured not to accept reservations"), §3.
import { defineCase } from '../../../engine/conformance/case';
import { sendReserveNow } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_048_4_CS',
  title: 'Reservation of a Connector - Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_048_4_CS (§2.20.1)', 'OCPP 1.6 §5.13, §7.40'],
  requires: ['no Reservation profile'],
  runsWithoutProfile: true,
  applies: (s) => (s.profiles.includes('Reservation') ? 'the charger declares the Reservation profile; this case is for one that does not' : true),
  description: 'A charger that does not support reservations answers ReserveNow for a connector with Rejected.',
  proof: { behaviour: 'reserve-now-always-accepted', step: 'status is Rejected', settings: { profiles: ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'SmartCharging', 'RemoteTrigger', 'Security'] } },
  async run(t) {
    await sendReserveNow(t, 'Rejected', { connectorId: t.settings.connectorId, reservationId: 484 });
  },
});
