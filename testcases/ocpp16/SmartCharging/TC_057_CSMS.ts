// OCTT 1.6 TC_057_CSMS (§3.19.1) Central Smart Charging - TxProfile: during a transaction the
// Central System sets a schedule for it, naming the transaction it generated.
// OCPP 1.6 §3.13.1, §5.16 (the transactionId SHALL be included when a profile applies to a
// transaction), §5.16.3, §6.43, §7.8.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsCharging, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_057_CSMS',
  title: 'Central Smart Charging - TxProfile',
  version: '1.6',
  sut: 'csms',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_057_CSMS (§3.19.1)', 'OCPP 1.6 §3.13.1, §5.16, §5.16.3, §6.43, §6.44, §7.8'],
  requires: ['a valid id tag (idTags.valid)', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration'],
  manual: true,
  description: 'While the charge point charges, the Central System sets a TxProfile on the connector with the transactionId it gave the transaction.',
  proof: { behaviour: 'txprofile-without-transaction-id', step: 'transactionId' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { chargingRateUnit, numberPhases, stackLevel, duration } = t.settings.smartCharging;
    await booted(t);
    const transactionId = await csmsCharging(t);
    // Step 2: the tool charger accepts the profile.
    t.respond('SetChargingProfile', { result: { status: 'Accepted' } }, { once: true });
    const csChargingProfiles = {
      chargingProfileId: 1,
      transactionId,
      stackLevel,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: { duration, chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit: chargingRateUnit === 'W' ? 6000 : 6, numberPhases }] },
    };
    // Step 1.
    await csmsSends(t, 'SetChargingProfile', {
      words: `Make the Central System set a charging profile for transaction ${transactionId} on connector ${connectorId} (SetChargingProfile, TxProfile)`,
      payload: { connectorId, csChargingProfiles },
      matcher: { connectorId, 'csChargingProfiles.chargingProfilePurpose': 'TxProfile', 'csChargingProfiles.transactionId': transactionId },
    });
  },
});
