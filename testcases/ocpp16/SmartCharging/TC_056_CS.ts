// OCTT 1.6 TC_056_CS (§2.22.1) Central Smart Charging - TxDefaultProfile: the Central System
// sets a default schedule for new transactions (no transaction runs) and reads the composite
// schedule back. OCPP 1.6 §3.13.1 (TxDefaultProfile), §3.13.3, §5.7, §5.16.4, §6.21–6.22,
// §6.43–6.44, §7.8, §7.13; errata 3.28 (the composite runs from the request), 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { checkPeriods, checkScheduleStart, clearAllProfiles, getCompositeSchedule, limitOf, profileStart, setChargingProfile, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_056_CS',
  title: 'Central Smart Charging - TxDefaultProfile',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_056_CS (§2.22.1)', 'OCPP 1.6 §3.13.1, §3.13.3, §5.7, §5.16.4, §6.21, §6.22, §6.43, §7.8, §7.13', 'OCPP 1.6 errata 3.28, 3.57'],
  requires: ['smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration, maxTimeDeviation, localLimit'],
  description:
    'The Central System sets a TxDefaultProfile (6 A or 6000 W for the configured duration) on the connector; the composite schedule for that duration follows it, then the charger\'s own limit once the profile ends.',
  proof: { behaviour: 'txdefault-ignored', step: "composite schedule's periods" },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { stackLevel, duration, localLimit } = t.settings.smartCharging;
    // Absolute needs a start: the document's profiles start <Configured Max Time Deviation> ago.
    const spec: ProfileSpec = { id: 1, purpose: 'TxDefaultProfile', stackLevel, start: profileStart(t), duration, periods: [[0, 6]] };
    // Steps 1–2.
    await setChargingProfile(t, connectorId, spec);
    // Steps 3–4: the profile's limit, and the charger's own once the profile ends within the window.
    const composite = await getCompositeSchedule(t, connectorId, duration);
    checkScheduleStart(t, composite);
    checkPeriods(t, composite, [{ at: 0, limit: limitOf(t, 6) }, { at: duration, limit: localLimit }], { at: spec.start!, words: "the profile's startSchedule" });
    await clearAllProfiles(t);
  },
});
