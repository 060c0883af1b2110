// OCPP 1.6 LocalAuthListManagement profile cases (OCTT 1.6 test case document §2.17, §3.14).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_008_CS from './TC_008_CS';
import TC_042_1_CS from './TC_042_1_CS';
import TC_042_1_CSMS from './TC_042_1_CSMS';
import TC_042_2_CS from './TC_042_2_CS';
import TC_042_2_CSMS from './TC_042_2_CSMS';
import TC_043_CS from './TC_043_CS';
import TC_043_1_CS from './TC_043_1_CS';
import TC_043_1_CSMS from './TC_043_1_CSMS';
import TC_043_2_CS from './TC_043_2_CS';
import TC_043_3_CS from './TC_043_3_CS';
import TC_043_3_CSMS from './TC_043_3_CSMS';
import TC_043_4_CSMS from './TC_043_4_CSMS';
import TC_043_5_CSMS from './TC_043_5_CSMS';

export const localAuthListManagementCases: CaseDefinition[] = [
  // Charger under test (§2.17).
  TC_042_1_CS,
  TC_042_2_CS,
  TC_043_CS,
  TC_043_1_CS,
  TC_043_2_CS,
  TC_043_3_CS,
  TC_008_CS,
  // CSMS under test (§3.14).
  TC_042_1_CSMS,
  TC_042_2_CSMS,
  TC_043_1_CSMS,
  TC_043_3_CSMS,
  TC_043_4_CSMS,
  TC_043_5_CSMS,
];
