// Every OCPP 1.6 case, by feature profile.
import type { CaseDefinition } from '../../engine/conformance/case';
import { coreCases } from './Core';
import { firmwareManagementCases } from './FirmwareManagement';
import { localAuthListManagementCases } from './LocalAuthListManagement';
import { remoteTriggerCases } from './RemoteTrigger';
import { reservationCases } from './Reservation';
import { securityCases } from './Security';
import { smartChargingCases } from './SmartCharging';

export const ocpp16Cases: CaseDefinition[] = [
  ...coreCases,
  ...localAuthListManagementCases,
  ...firmwareManagementCases,
  ...reservationCases,
  ...remoteTriggerCases,
  ...smartChargingCases,
  ...securityCases,
];
