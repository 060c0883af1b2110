// OCTT 1.6 TC_082_CS (§2.22.1) Central Smart Charging - TxDefaultProfile - with ongoing
// transaction: a default schedule set during a transaction without a TxProfile applies to that
// transaction too. OCPP 1.6 §3.13.1, §3.13.3, §5.7, §5.16.4, §6.43, §7.8, §7.13; errata 3.8
// (a new TxDefaultProfile applies to running transactions without a TxProfile), 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';
import { checkPeriods, checkScheduleStart, clearAllProfiles, getCompositeSchedule, limitOf, profileStart, setChargingProfile, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_082_CS',
  title: 'Central Smart Charging - TxDefaultProfile - with ongoing transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_082_CS (§2.22.1)', 'OCPP 1.6 §3.13.1, §3.13.3, §5.7, §5.16.4, §6.21, §6.22, §6.43, §7.8, §7.13', 'OCPP 1.6 errata 3.8, 3.57'],
  requires: ['a valid id tag', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration, maxTimeDeviation, localLimit'],
  manual: true,
  description:
    'While charging (without a TxProfile), the Central System sets a TxDefaultProfile (6 A or 6000 W for the configured duration); the running transaction follows it: the composite schedule shows its limit, then the charger\'s own limit once it ends.',
  proof: { behaviour: 'txdefault-spares-running-transaction', step: "composite schedule's periods" },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { stackLevel, duration, localLimit } = t.settings.smartCharging;
    await charging(t);
    const spec: ProfileSpec = { id: 1, purpose: 'TxDefaultProfile', stackLevel, start: profileStart(t), duration, periods: [[0, 6]] };
    // Steps 1–2.
    await setChargingProfile(t, connectorId, spec);
    // Steps 3–4: the running transaction now follows the default profile (errata 3.8).
    const composite = await getCompositeSchedule(t, connectorId, duration);
    checkScheduleStart(t, composite);
    checkPeriods(t, composite, [{ at: 0, limit: limitOf(t, 6) }, { at: duration, limit: localLimit }], { at: spec.start!, words: "the profile's startSchedule" });
    await clearAllProfiles(t);
  },
});
