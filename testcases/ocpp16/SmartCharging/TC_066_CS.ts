// OCTT 1.6 TC_066_CS (§2.22.2) Get Composite Schedule: during a transaction the Central System
// installs a ChargePointMaxProfile, a TxDefaultProfile and a TxProfile, then asks for the
// composite schedule: the minimum of ChargePointMax and the TxProfile, which replaces the
// TxDefaultProfile for the whole transaction — after its own schedule ends too, when only the
// ChargePointMax limit is left. OCPP 1.6 §3.13.1, §3.13.2, §3.13.3, §5.7, §5.16, §6.21–6.22,
// §7.8, §7.13; errata 3.28, 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { charging, getConfiguration } from '../../../engine/conformance/states16';
import { checkPeriods, clearAllProfiles, getCompositeSchedule, limitOf, memoryStateSetChargingProfile, profileStart, type ProfileSpec } from './profiles';

/** Prerequisites: configuration keys and the least value each must have. */
const PREREQUISITES: Record<string, number> = { MaxChargingProfilesInstalled: 3, ChargingScheduleMaxPeriods: 5 };

export default defineCase({
  id: 'TC_066_CS',
  title: 'Get Composite Schedule',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_066_CS (§2.22.2)', 'OCPP 1.6 §3.13.1, §3.13.2, §3.13.3, §5.7, §5.16, §6.21, §6.22, §7.8, §7.13', 'OCPP 1.6 errata 3.28, 3.57'],
  requires: ['a valid id tag', 'MaxChargingProfilesInstalled ≥ 3 and ChargingScheduleMaxPeriods ≥ 5', 'smartCharging settings: chargingRateUnit, numberPhases, maxTimeDeviation'],
  manual: true,
  description:
    'While charging, the Central System sets three profiles (ChargePointMax 10, a TxDefaultProfile and a TxProfile with five periods each) and asks for the composite schedule over 400 s: 8, 10, 6, 10 — the TxProfile under the ChargePointMax limit, with no return to the TxDefaultProfile after the TxProfile ends.',
  proof: { behaviour: 'txprofile-falls-back-to-txdefault', step: "composite schedule's periods" },
  async run(t) {
    const connectorId = t.settings.connectorId;
    // Prerequisites: the charger takes three profiles of five periods.
    const config = await getConfiguration(t, Object.keys(PREREQUISITES));
    for (const [key, least] of Object.entries(PREREQUISITES)) {
      const value = config[key];
      if (value === undefined) t.note(`The charger does not report ${key}; the case assumes it is at least ${least}`);
      else if (!(Number(value) >= least)) t.notApplicable(`${key} is ${value}; the case needs at least ${least} (prerequisite)`);
    }
    // The reusable state Charging comes before the memory states (the document's note).
    await charging(t);
    const start = profileStart(t);
    // The document calls profile 1 "ChargingStationMaxProfile" (the 2.0.1 name); in 1.6 it is ChargePointMaxProfile, on connector 0.
    const max: ProfileSpec = { id: 1, purpose: 'ChargePointMaxProfile', stackLevel: 0, start, duration: 86400, periods: [[0, 10]] };
    const txDefault: ProfileSpec = { id: 2, purpose: 'TxDefaultProfile', stackLevel: 0, start, validFor: 401, duration: 300, periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] };
    const tx: ProfileSpec = { id: 3, purpose: 'TxProfile', stackLevel: 0, start, validFor: 401, duration: 260, periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]] };
    await memoryStateSetChargingProfile(t, [
      { connectorId: 0, spec: max },
      { connectorId, spec: txDefault },
      { connectorId, spec: tx },
    ]);
    // Steps 1–2.
    const composite = await getCompositeSchedule(t, connectorId, 400);
    checkPeriods(
      t,
      composite,
      [
        { at: 0, limit: limitOf(t, 8) },
        { at: 50, limit: limitOf(t, 10) },
        { at: 200, limit: limitOf(t, 6) },
        { at: 240, limit: limitOf(t, 10) },
      ],
      { at: start, words: "the profiles' startSchedule" },
    );
    await clearAllProfiles(t);
  },
});
