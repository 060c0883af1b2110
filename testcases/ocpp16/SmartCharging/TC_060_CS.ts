// OCTT 1.6 TC_060_CS (§2.22.5) Remote Start Transaction with Charging Profile - Rejected: a
// RemoteStartTransaction whose charging profile is not a TxProfile is refused. OCPP 1.6 §5.11,
// §5.16.2 (the purpose of such a profile MUST be TxProfile), §6.33, §6.34.
import { defineCase } from '../../../engine/conformance/case';
import { chargingProfile, describeProfile, type ProfileSpec } from './profiles';

export default defineCase({
  id: 'TC_060_CS',
  title: 'Remote Start Transaction with Charging Profile - Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_060_CS (§2.22.5)', 'OCPP 1.6 §5.11, §5.16.2, §6.33, §6.34, §7.8, §7.10'],
  requires: ['a valid id tag', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel'],
  description: 'The Central System asks for a remote start with a charging profile whose purpose is not TxProfile (a TxDefaultProfile); the charger rejects it (Rejected, or a CALLERROR PropertyConstraintViolation).',
  proof: { behaviour: 'remote-start-accepts-any-profile', step: 'RemoteStartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    // Step 1: ChargingProfile.chargingProfilePurpose is NOT TxProfile.
    const spec: ProfileSpec = { id: 1, purpose: 'TxDefaultProfile', kind: 'Relative', stackLevel: t.settings.smartCharging.stackLevel, periods: [[0, 6]] };
    // Step 2.
    await t.send('RemoteStartTransaction', { connectorId, idTag, chargingProfile: chargingProfile(t, spec) }, { status: 'Rejected' }, {
      orError: 'PropertyConstraintViolation',
      says: `Ask for a remote start on connector ${connectorId} for ${idTag} with ${describeProfile(t, spec)} (RemoteStartTransaction) and expect an answer where status is Rejected, or a CALLERROR PropertyConstraintViolation`,
    });
  },
});
