// OCTT 1.6 TC_067_CS (§2.22.3) Clear Charging Profile: three profiles, then ClearChargingProfile
// by id, by purpose and stack level, and without criteria, each followed by the composite
// schedule — at the end, the charger's own limit. OCPP 1.6 §3.13, §5.5 (errata 3.25: the id
// wins; otherwise every criterion given must match; none given clears all), §5.7, §6.13–6.14;
// errata 3.26, 3.57.
import { defineCase } from '../../../engine/conformance/case';
import type { Harness } from '../../../engine/conformance/harness';
import { checkPeriods, getCompositeSchedule, limitOf, memoryStateSetChargingProfile, profileStart, type ExpectedPeriod, type ProfileSpec } from './profiles';

/** Asks for the composite schedule over 350 s and checks its periods (steps 3–4, 7–8, 11–12). */
async function compositeIs(t: Harness, step: number, expected: ExpectedPeriod[], start: number): Promise<void> {
  const composite = await getCompositeSchedule(t, t.settings.connectorId, 350);
  checkPeriods(t, composite, expected, { at: start, words: "the profiles' startSchedule" }, `the composite schedule's periods (step ${step})`);
}

export default defineCase({
  id: 'TC_067_CS',
  title: 'Clear Charging Profile',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_067_CS (§2.22.3)', 'OCPP 1.6 §3.13.2, §3.13.3, §5.5, §5.7, §6.13, §6.14, §7.8, §7.13', 'OCPP 1.6 errata 3.25, 3.26, 3.57'],
  requires: ['smartCharging settings: chargingRateUnit, numberPhases, maxTimeDeviation, localLimit (the charger\'s own limit)'],
  description:
    'Three profiles are set (TxDefaultProfile stack levels 1 and 0, ChargePointMaxProfile); the Central System clears the first by id, then the TxDefaultProfiles of stack level 0, then everything; after each, the composite schedule shows what is left — at the end, the charger\'s own limit.',
  proof: { behaviour: 'clear-by-criteria-clears-all', step: '(step 8)' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const start = profileStart(t);
    const first: ProfileSpec = { id: 1, purpose: 'TxDefaultProfile', stackLevel: 1, start, duration: 400, periods: [[0, 6], [60, 8], [200, 10]] };
    const second: ProfileSpec = { id: 2, purpose: 'TxDefaultProfile', stackLevel: 0, start, validFor: 401, duration: 400, periods: [[0, 7], [100, 9]] };
    const third: ProfileSpec = { id: 3, purpose: 'ChargePointMaxProfile', stackLevel: 0, start, validFor: 401, duration: 86400, periods: [[0, 11], [200, 12]] };
    await memoryStateSetChargingProfile(t, [
      { connectorId, spec: first },
      { connectorId, spec: second },
      { connectorId: 0, spec: third },
    ]);
    // Steps 1–2: by the first profile's id, all other fields omitted.
    await t.send('ClearChargingProfile', { id: first.id }, { status: 'Accepted' }, { says: `Clear charging profile ${first.id} by its id (ClearChargingProfile, no other field) and expect an answer where status is Accepted` });
    // Steps 3–4: the second profile under the ChargePointMax limit.
    await compositeIs(t, 4, [{ at: 0, limit: limitOf(t, 7) }, { at: 100, limit: limitOf(t, 9) }], start);
    // Steps 5–6: by the second profile's purpose and stack level, all other fields omitted.
    await t.send('ClearChargingProfile', { chargingProfilePurpose: second.purpose, stackLevel: second.stackLevel }, { status: 'Accepted' }, {
      says: `Clear the charging profiles with purpose ${second.purpose} and stack level ${second.stackLevel} (ClearChargingProfile, no other field) and expect an answer where status is Accepted`,
    });
    // Steps 7–8: only the ChargePointMaxProfile is left.
    await compositeIs(t, 8, [{ at: 0, limit: limitOf(t, 11) }, { at: 200, limit: limitOf(t, 12) }], start);
    // Steps 9–10: all fields omitted: every profile.
    await t.send('ClearChargingProfile', {}, { status: 'Accepted' }, { says: 'Clear every charging profile (ClearChargingProfile without any field) and expect an answer where status is Accepted' });
    // Steps 11–12: no profile left, the charger's own limit ("<The local limit of the Charging Station>").
    await compositeIs(t, 12, [{ at: 0, limit: t.settings.smartCharging.localLimit }], start);
  },
});
