// OCTT 1.6 TC_067_CSMS (§3.19.3) Clear Charging Profile: the Central System sets three default
// profiles, then clears one by its id, one by criteria, and all the rest.
// OCPP 1.6 §3.13.2, §5.5, §5.16.4, §6.13, §6.14, §6.43; errata 3.25, 3.26 (matching the fields
// of ClearChargingProfile).
import { defineCase } from '../../../engine/conformance/case';
import type { Harness } from '../../../engine/conformance/harness';
import { absent, type PayloadMatcher } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';

/** A TxDefaultProfile at `stackLevel`, as the built-in CSMS is asked to send it. */
function txDefault(t: Harness, id: number, stackLevel: number): Record<string, unknown> {
  const { chargingRateUnit, numberPhases, duration } = t.settings.smartCharging;
  return {
    chargingProfileId: id,
    stackLevel,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Relative',
    chargingSchedule: { duration, chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit: (chargingRateUnit === 'W' ? 1000 : 1) * (6 + stackLevel), numberPhases }] },
  };
}

export default defineCase({
  id: 'TC_067_CSMS',
  title: 'Clear Charging Profile',
  version: '1.6',
  sut: 'csms',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_067_CSMS (§3.19.3)', 'OCPP 1.6 §3.13.2, §5.5, §5.16.4, §6.13, §6.14, §6.43', 'OCPP 1.6 errata 3.25, 3.26'],
  requires: ['smartCharging settings: stackLevel (S; the case sets S, S + 1 and S + 2), chargingRateUnit, numberPhases, duration'],
  manual: true,
  description:
    'The Central System sets three TxDefaultProfiles on the connector (stack levels S, S + 1, S + 2), then clears the first by its id alone, the second by connector, purpose and stack level, and the rest with no criteria at all.',
  proof: { behaviour: 'clear-profile-by-id-only', step: 'by criteria' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const level = t.settings.smartCharging.stackLevel;
    await booted(t);
    // Steps 2, 4, 6 and 8: the tool charger accepts every profile and every clearing.
    t.respond('SetChargingProfile', { result: { status: 'Accepted' } });
    t.respond('ClearChargingProfile', { result: { status: 'Accepted' } });
    // Manual action: set three different charging profiles (steps 1–2, three times).
    const ids: number[] = [];
    for (const [n, stackLevel] of [level, level + 1, level + 2].entries()) {
      const set = await csmsSends(t, 'SetChargingProfile', {
        words: `Make the Central System set charging profile ${n + 1} on connector ${connectorId}: a TxDefaultProfile at stack level ${stackLevel} (SetChargingProfile)`,
        payload: { connectorId, csChargingProfiles: txDefault(t, n + 1, stackLevel) },
        matcher: { connectorId, 'csChargingProfiles.chargingProfilePurpose': 'TxDefaultProfile', 'csChargingProfiles.stackLevel': stackLevel },
      });
      ids.push(Number((set.payload['csChargingProfiles'] as Record<string, unknown>)['chargingProfileId']));
    }
    const first = ids[0]!;
    // Manual action: clear a charging profile based on its id (steps 3–4): the id the CSMS gave profile 1, nothing else.
    const byId: PayloadMatcher = { id: first, connectorId: absent, chargingProfilePurpose: absent, stackLevel: absent };
    await csmsSends(t, 'ClearChargingProfile', { words: `Make the Central System clear charging profile 1 by its id ${first} (ClearChargingProfile)`, payload: { id: first }, matcher: byId });
    // Manual action: clear a charging profile based on criteria (steps 5–6): profile 2's connector, purpose and stack level, no id.
    const criteria = { connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: level + 1 };
    await csmsSends(t, 'ClearChargingProfile', {
      words: `Make the Central System clear charging profile 2 by criteria: connector ${connectorId}, TxDefaultProfile, stack level ${level + 1} (ClearChargingProfile)`,
      payload: criteria,
      matcher: { id: absent, ...criteria },
    });
    // Manual action: clear all remaining charging profiles (steps 7–8): every field omitted.
    await csmsSends(t, 'ClearChargingProfile', {
      words: 'Make the Central System clear all remaining charging profiles (ClearChargingProfile)',
      payload: {},
      matcher: { id: absent, connectorId: absent, chargingProfilePurpose: absent, stackLevel: absent },
    });
  },
});
