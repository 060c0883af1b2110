// OCTT 1.6 TC_059_CSMS (§3.19.4) Remote Start Transaction with Charging Profile: the Central
// System starts a transaction remotely with a TxProfile (Relative, without transactionId), then
// accepts the transaction the charge point starts. OCPP 1.6 §5.11, §5.16.2 (purpose TxProfile,
// no transactionId), §4.1, §4.8, §4.9, §6.33, §7.8; errata 3.41.
import { defineCase } from '../../../engine/conformance/case';
import { absent } from '../../../engine/conformance/matchers';
import { booted, csmsSends, sendAuthorize, sendStartTransaction, sendStatus } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_059_CSMS',
  title: 'Remote Start Transaction with Charging Profile',
  version: '1.6',
  sut: 'csms',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_059_CSMS (§3.19.4)', 'OCPP 1.6 §4.1, §4.8, §4.9, §5.11, §5.16.2, §6.33, §7.8', 'OCPP 1.6 errata 3.41'],
  requires: ['a valid id tag (idTags.valid)', 'smartCharging settings: chargingRateUnit, numberPhases, stackLevel'],
  manual: true,
  description:
    'The Central System asks for a remote start with a charging profile (TxProfile, Relative, no transactionId, first period from 0 s); the charge point accepts, authorizes, starts the transaction and charges, and the Central System accepts each step.',
  proof: { behaviour: 'remote-start-profile-not-txprofile', step: 'RemoteStartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.valid;
    const { chargingRateUnit, numberPhases, stackLevel } = t.settings.smartCharging;
    await booted(t);
    // Step 2: the tool charger accepts the remote start.
    t.respond('RemoteStartTransaction', { result: { status: 'Accepted' } }, { once: true });
    const chargingProfile = {
      chargingProfileId: 1,
      stackLevel,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit: chargingRateUnit === 'W' ? 6000 : 6, numberPhases }] },
    };
    // Step 1.
    await csmsSends(t, 'RemoteStartTransaction', {
      words: `Make the Central System start a transaction for ${idTag} on connector ${connectorId} with a charging profile (RemoteStartTransaction with a Relative TxProfile)`,
      payload: { connectorId, idTag, chargingProfile },
      matcher: {
        idTag,
        connectorId,
        'chargingProfile.chargingProfilePurpose': 'TxProfile',
        'chargingProfile.transactionId': absent,
        'chargingProfile.chargingProfileKind': 'Relative',
        'chargingProfile.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
      },
    });
    // Steps 3–4.
    await sendAuthorize(t, idTag, 'Accepted');
    // [The charging cable is plugged in] Steps 5–6.
    await sendStatus(t, connectorId, 'Preparing');
    // Steps 7–8.
    await sendStartTransaction(t, { connectorId, idTag });
    // Steps 9–10.
    await sendStatus(t, connectorId, 'Charging');
  },
});
