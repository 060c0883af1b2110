// OCPP 1.6 FirmwareManagement profile cases, firmware and diagnostics (OCTT 1.6 test case document §2.18–§2.19, §3.15–§3.16).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_044_1_CS from './TC_044_1_CS';
import TC_044_2_CS from './TC_044_2_CS';
import TC_044_3_CS from './TC_044_3_CS';
import TC_045_1_CS from './TC_045_1_CS';
import TC_045_2_CS from './TC_045_2_CS';

export const firmwareManagementCases: CaseDefinition[] = [TC_044_1_CS, TC_044_2_CS, TC_044_3_CS, TC_045_1_CS, TC_045_2_CS];
