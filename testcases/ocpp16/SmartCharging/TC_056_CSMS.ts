// OCTT 1.6 TC_056_CSMS (§3.19.1) Central Smart Charging - TxDefaultProfile: the Central System
// sets a default schedule for new transactions, with its validity and start given.
// OCPP 1.6 §3.13.1, §5.16.4, §6.43, §7.8, §7.13, §7.14.
import { defineCase } from '../../../engine/conformance/case';
import { present, satisfies, type PayloadMatcher } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_056_CSMS',
  title: 'Central Smart Charging - TxDefaultProfile',
  version: '1.6',
  sut: 'csms',
  profile: 'SmartCharging',
  specRefs: ['OCTT 1.6 TC_056_CSMS (§3.19.1)', 'OCPP 1.6 §3.13.1, §5.16.4, §6.43, §6.44, §7.8, §7.13, §7.14'],
  requires: ['smartCharging settings: chargingRateUnit, numberPhases, stackLevel, duration'],
  manual: true,
  description:
    'The Central System sets a TxDefaultProfile on the connector: Absolute, with validFrom, validTo and startSchedule, in the configured unit, stack level and duration, starting with a period of 6 A or 6000 W on the configured number of phases.',
  proof: { behaviour: 'charging-profile-without-validity', step: 'SetChargingProfile' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { chargingRateUnit, numberPhases, stackLevel, duration } = t.settings.smartCharging;
    const limit = chargingRateUnit === 'W' ? 6000 : 6;
    await booted(t);
    // Step 2: the tool charger accepts the profile.
    t.respond('SetChargingProfile', { result: { status: 'Accepted' } }, { once: true });
    const now = new Date();
    const csChargingProfiles = {
      chargingProfileId: 1,
      stackLevel,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      validFrom: now.toISOString(),
      validTo: new Date(now.getTime() + duration * 1000).toISOString(),
      chargingSchedule: { duration, startSchedule: now.toISOString(), chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit, numberPhases }] },
    };
    // Step 1. The limit is the one of the configured unit (the document: "6.0 or 6000.0").
    // numberPhases may be left out when it is 3, the default (§7.14).
    const matcher: PayloadMatcher = {
      connectorId,
      'csChargingProfiles.stackLevel': stackLevel,
      'csChargingProfiles.chargingProfilePurpose': 'TxDefaultProfile',
      'csChargingProfiles.chargingProfileKind': 'Absolute',
      'csChargingProfiles.validFrom': present,
      'csChargingProfiles.validTo': present,
      'csChargingProfiles.chargingSchedule.startSchedule': present,
      'csChargingProfiles.chargingSchedule.chargingRateUnit': chargingRateUnit,
      'csChargingProfiles.chargingSchedule.duration': duration,
      'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
      'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.limit': limit,
      'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.numberPhases': numberPhases === 3 ? satisfies('is 3 or absent', (v) => v === 3 || v === undefined) : numberPhases,
    };
    await csmsSends(t, 'SetChargingProfile', {
      words: `Make the Central System set a default charging profile on connector ${connectorId}: TxDefaultProfile, Absolute, stack level ${stackLevel}, valid from now for ${duration} s and starting now, ${limit} ${chargingRateUnit} on ${numberPhases} phase${numberPhases > 1 ? 's' : ''} (SetChargingProfile)`,
      payload: { connectorId, csChargingProfiles },
      matcher,
    });
  },
});
