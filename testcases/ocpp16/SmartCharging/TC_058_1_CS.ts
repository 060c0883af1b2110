// OCTT 1.6 TC_058_1_CS (§2.22.1) Central Smart Charging - No ongoing transaction: a TxProfile
// for a transaction while none runs is refused. OCPP 1.6 §3.13.1 (without an active
// transaction the charger discards a TxProfile and answers an error status), §5.16.4, §6.44.
import { defineCase } from '../../../engine/conformance/case';
import { chargingProfile, describeProfile, profileStart, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_058_1_CS',
  title: 'Central Smart Charging - No ongoing transaction',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_058_1_CS (§2.22.1)', 'OCPP 1.6 §3.13.1, §5.16.4, §6.43, §6.44, §7.8'],
  requires: ['smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration'],
  description: 'No transaction runs; the Central System sends a TxProfile with a transactionId. The charger rejects it (Rejected, or a CALLERROR PropertyConstraintViolation).',
  proof: { behaviour: 'accepts-txprofile-without-transaction', step: 'SetChargingProfile' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { stackLevel, duration } = t.settings.smartCharging;
    // Step 1: a transaction id the bench never handed out, for no transaction at all.
    const spec: ProfileSpec = { id: 1, purpose: 'TxProfile', stackLevel, transactionId: t.memory.nextTransactionId, start: profileStart(t), duration, periods: [[0, 6]] };
    // Step 2.
    await t.send('SetChargingProfile', { connectorId, csChargingProfiles: chargingProfile(t, spec) }, { status: 'Rejected' }, {
      orError: 'PropertyConstraintViolation',
      says: `Set ${describeProfile(t, spec)} on connector ${connectorId}, where no transaction runs (SetChargingProfile), and expect an answer where status is Rejected, or a CALLERROR PropertyConstraintViolation`,
    });
  },
});
