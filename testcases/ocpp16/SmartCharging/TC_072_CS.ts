// OCTT 1.6 TC_072_CS (§2.22.4) Stacking Charging Profiles: two TxDefaultProfiles on stack
// levels 0 and 1; the higher one prevails while its schedule runs, then the lower one takes
// over. OCPP 1.6 §3.13.2 (the highest valid stack level prevails), §5.7, §6.21–6.22, §7.13;
// errata 3.43 (fall back to the lower stack level after the duration), 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { checkPeriods, clearAllProfiles, getCompositeSchedule, limitOf, memoryStateSetChargingProfile, profileStart, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_072_CS',
  title: 'Stacking Charging Profiles',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_072_CS (§2.22.4)', 'OCPP 1.6 §3.13.2, §5.7, §6.21, §6.22, §7.8, §7.13', 'OCPP 1.6 errata 3.43, 3.57'],
  requires: ['smartCharging settings: chargingRateUnit, numberPhases, maxTimeDeviation'],
  description:
    'Two TxDefaultProfiles are stacked (level 0: 6, 8, 10 over 400 s; level 1: 7, 9 over 150 s); the composite schedule over 350 s is 7, 9, then 8 and 10 from the lower level once the upper one has ended.',
  proof: { behaviour: 'stacks-profiles-wrongly', step: "composite schedule's periods" },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const start = profileStart(t);
    const lower: ProfileSpec = { id: 1, purpose: 'TxDefaultProfile', stackLevel: 0, start, validFor: 401, duration: 400, periods: [[0, 6], [100, 8], [200, 10]] };
    const upper: ProfileSpec = { id: 2, purpose: 'TxDefaultProfile', stackLevel: 1, start, validFor: 401, duration: 150, periods: [[0, 7], [100, 9]] };
    await memoryStateSetChargingProfile(t, [
      { connectorId, spec: lower },
      { connectorId, spec: upper },
    ]);
    // Steps 1–2.
    const composite = await getCompositeSchedule(t, connectorId, 350);
    checkPeriods(
      t,
      composite,
      [
        { at: 0, limit: limitOf(t, 7) },
        { at: 100, limit: limitOf(t, 9) },
        { at: 150, limit: limitOf(t, 8) },
        { at: 200, limit: limitOf(t, 10) },
      ],
      { at: start, words: "the profiles' startSchedule" },
    );
    await clearAllProfiles(t);
  },
});
