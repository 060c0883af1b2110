// OCTT 1.6 TC_066_CSMS (§3.19.2) Get Composite Schedule: the Central System asks the charge
// point for its composite schedule; the tool answers with a fixed one.
// OCPP 1.6 §3.13.3, §5.7, §6.21, §6.22, §7.13; errata 3.28, 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_066_CSMS',
  title: 'Get Composite Schedule',
  version: '1.6',
  sut: 'csms',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_066_CSMS (§3.19.2)', 'OCPP 1.6 §3.13.3, §5.7, §6.21, §6.22, §7.13', 'OCPP 1.6 errata 3.28, 3.57'],
  requires: ['smartCharging settings: chargingRateUnit, duration (the Charging Schedule Duration)'],
  manual: true,
  description: 'The Central System asks for the composite schedule of the connector over the configured duration, in the configured unit; the charge point answers with a fixed schedule.',
  proof: { behaviour: 'composite-schedule-without-unit', step: 'chargingRateUnit' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { chargingRateUnit, duration } = t.settings.smartCharging;
    const limit = (amps: number) => (chargingRateUnit === 'W' ? amps * 1000 : amps);
    await booted(t);
    // Step 2: a hard-coded composite schedule, starting when the tool answers (errata 3.57: no startSchedule in it).
    t.respond(
      'GetCompositeSchedule',
      () => ({
        result: {
          status: 'Accepted',
          connectorId,
          scheduleStart: new Date().toISOString(),
          chargingSchedule: {
            duration,
            chargingRateUnit,
            chargingSchedulePeriod: [
              { startPeriod: 0, limit: limit(16) },
              { startPeriod: Math.floor(duration / 2), limit: limit(10) },
            ],
          },
        },
      }),
      { once: true, says: `with status Accepted and a fixed schedule (${limit(16)} ${chargingRateUnit}, then ${limit(10)} ${chargingRateUnit} from ${Math.floor(duration / 2)} s)` },
    );
    // Step 1.
    await csmsSends(t, 'GetCompositeSchedule', {
      words: `Make the Central System request the composite schedule of connector ${connectorId} for ${duration} s in ${chargingRateUnit} (GetCompositeSchedule)`,
      payload: { connectorId, duration, chargingRateUnit },
      matcher: { connectorId, duration, chargingRateUnit },
    });
  },
});
