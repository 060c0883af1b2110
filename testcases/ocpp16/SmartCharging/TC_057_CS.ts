// OCTT 1.6 TC_057_CS (§2.22.1) Central Smart Charging - TxProfile: during a transaction the
// Central System sets a schedule for it (TxProfile with its transactionId) and reads the
// composite schedule back. OCPP 1.6 §3.13.1 (TxProfile), §3.13.3, §5.7, §5.16.3, §6.43, §7.8,
// §7.13; errata 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';
import { checkPeriods, checkScheduleStart, clearAllProfiles, getCompositeSchedule, limitOf, profileStart, setChargingProfile, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_057_CS',
  title: 'Central Smart Charging - TxProfile',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_057_CS (§2.22.1)', 'OCPP 1.6 §3.13.1, §3.13.3, §5.7, §5.16.3, §6.21, §6.22, §6.43, §7.8, §7.13', 'OCPP 1.6 errata 3.57'],
  requires: ['a valid id tag', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration, maxTimeDeviation, localLimit'],
  manual: true,
  description:
    'While charging, the Central System sets a TxProfile for the running transaction (6 A or 6000 W for the configured duration); the composite schedule follows it, then the charger\'s own limit once the profile ends.',
  proof: { behaviour: 'txprofile-ignored', step: "composite schedule's periods" },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { stackLevel, duration, localLimit } = t.settings.smartCharging;
    const transactionId = await charging(t);
    const spec: ProfileSpec = { id: 1, purpose: 'TxProfile', stackLevel, transactionId, start: profileStart(t), duration, periods: [[0, 6]] };
    // Steps 1–2: the profile names the transaction the charger started.
    await setChargingProfile(t, connectorId, spec);
    // Steps 3–4.
    const composite = await getCompositeSchedule(t, connectorId, duration);
    checkScheduleStart(t, composite);
    checkPeriods(t, composite, [{ at: 0, limit: limitOf(t, 6) }, { at: duration, limit: localLimit }], { at: spec.start!, words: "the profile's startSchedule" });
    await clearAllProfiles(t);
  },
});
