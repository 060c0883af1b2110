// OCTT 1.6 TC_059_CS (§2.22.5) Remote Start Transaction with Charging Profile: the Central
// System starts a transaction remotely with a TxProfile, and the composite schedule follows it.
// OCPP 1.6 §5.11, §5.16.2 (a TxProfile without transactionId; the charger applies it to the new
// transaction), §5.7, §6.33, §7.8, §7.13; errata 3.41, 3.42, 3.57.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';
import { chargingProfile, checkPeriods, checkScheduleStart, clearAllProfiles, getCompositeSchedule, limitOf, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_059_CS',
  title: 'Remote Start Transaction with Charging Profile',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_059_CS (§2.22.5)', 'OCPP 1.6 §5.7, §5.11, §5.16.2, §6.21, §6.22, §6.33, §7.8, §7.13', 'OCPP 1.6 errata 3.41, 3.42, 3.57'],
  requires: ['a valid id tag', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration, maxTimeDeviation'],
  manual: true,
  description:
    'The Central System starts a transaction with RemoteStartTransaction carrying a TxProfile (6 A or 6000 W from the start of the transaction, to its end); the composite schedule of the running transaction follows that profile.',
  proof: { behaviour: 'txprofile-ignored', step: "composite schedule's periods" },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { stackLevel, duration } = t.settings.smartCharging;
    // Relative to the start of the transaction, without a duration: it lasts the whole
    // transaction; no transactionId, which the Central System cannot know yet (§5.16.2).
    const spec: ProfileSpec = { id: 1, purpose: 'TxProfile', kind: 'Relative', stackLevel, periods: [[0, 6]] };
    // Step 1: Charging, the remote start carrying the profile.
    await charging(t, { chargingProfile: chargingProfile(t, spec) });
    const started = t.received('StartTransaction').at(-1)?.payload['timestamp'];
    // Steps 2–3.
    const composite = await getCompositeSchedule(t, connectorId, duration);
    checkScheduleStart(t, composite);
    checkPeriods(t, composite, [{ at: 0, limit: limitOf(t, 6) }], { at: typeof started === 'string' ? Date.parse(started) : Date.now(), words: 'the start of the transaction' });
    await clearAllProfiles(t);
  },
});
