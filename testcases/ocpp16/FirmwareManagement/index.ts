// OCPP 1.6 FirmwareManagement profile cases, firmware and diagnostics (OCTT 1.6 test case document §2.18–§2.19, §3.15–§3.16).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_044_1_CS from './TC_044_1_CS';
import TC_044_1_CSMS from './TC_044_1_CSMS';
import TC_044_2_CS from './TC_044_2_CS';
import TC_044_2_CSMS from './TC_044_2_CSMS';
import TC_044_3_CS from './TC_044_3_CS';
import TC_044_3_CSMS from './TC_044_3_CSMS';
import TC_045_1_CS from './TC_045_1_CS';
import TC_045_1_CSMS from './TC_045_1_CSMS';
import TC_045_2_CS from './TC_045_2_CS';
import TC_045_2_CSMS from './TC_045_2_CSMS';

export const firmwareManagementCases: CaseDefinition[] = [
  // Charger under test (§2.18–§2.19).
  TC_044_1_CS,
  TC_044_2_CS,
  TC_044_3_CS,
  TC_045_1_CS,
  TC_045_2_CS,
  // CSMS under test (§3.15–§3.16).
  TC_044_1_CSMS,
  TC_044_2_CSMS,
  TC_044_3_CSMS,
  TC_045_1_CSMS,
  TC_045_2_CSMS,
];
