// OCTT 1.6 TC_058_2_CS (§2.22.1) Central Smart Charging - Wrong transactionId: during a
// transaction, a TxProfile that names another transaction is refused. OCPP 1.6 §3.13.1,
// §5.16 (the transactionId matches the profile to its transaction), §5.16.3, §6.44.
import { defineCase } from '../../../engine/conformance/case';
import { charging } from '../../../engine/conformance/states16';
import { chargingProfile, describeProfile, profileStart, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_058_2_CS',
  title: 'Central Smart Charging - Wrong transactionId',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_058_2_CS (§2.22.1)', 'OCPP 1.6 §3.13.1, §5.16, §5.16.3, §6.43, §6.44, §7.8'],
  requires: ['a valid id tag', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration'],
  manual: true,
  description: 'While charging, the Central System sends a TxProfile for the charging connector that names another transaction id. The charger rejects it.',
  proof: { behaviour: 'accepts-txprofile-without-transaction', step: 'SetChargingProfile' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { stackLevel, duration } = t.settings.smartCharging;
    const transactionId = await charging(t);
    // Step 1: the connector of the running transaction (> 0), not its transaction id.
    const spec: ProfileSpec = { id: 1, purpose: 'TxProfile', stackLevel, transactionId: transactionId + 1, start: profileStart(t), duration, periods: [[0, 6]] };
    // Step 2.
    await t.send('SetChargingProfile', { connectorId, csChargingProfiles: chargingProfile(t, spec) }, { status: 'Rejected' }, {
      says: `Set ${describeProfile(t, spec)} on connector ${connectorId}, where transaction ${transactionId} runs (SetChargingProfile), and expect an answer where status is Rejected`,
    });
  },
});
