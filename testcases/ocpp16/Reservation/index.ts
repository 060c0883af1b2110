// OCPP 1.6 Reservation profile cases (OCTT 1.6 test case document §2.20, §3.17).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_046_1_CS from './TC_046_1_CS';
import TC_046_2_CS from './TC_046_2_CS';
import TC_047_CS from './TC_047_CS';
import TC_048_1_CS from './TC_048_1_CS';
import TC_048_2_CS from './TC_048_2_CS';
import TC_048_3_CS from './TC_048_3_CS';
import TC_048_4_CS from './TC_048_4_CS';
import TC_049_CS from './TC_049_CS';
import TC_050_1_CS from './TC_050_1_CS';
import TC_050_2_CS from './TC_050_2_CS';
import TC_050_3_CS from './TC_050_3_CS';
import TC_050_4_CS from './TC_050_4_CS';
import TC_051_CS from './TC_051_CS';
import TC_052_CS from './TC_052_CS';
import TC_053_CS from './TC_053_CS';
import TC_046_CSMS from './TC_046_CSMS';
import TC_047_CSMS from './TC_047_CSMS';
import TC_048_1_CSMS from './TC_048_1_CSMS';
import TC_048_2_CSMS from './TC_048_2_CSMS';
import TC_048_3_CSMS from './TC_048_3_CSMS';
import TC_048_4_CSMS from './TC_048_4_CSMS';
import TC_049_CSMS from './TC_049_CSMS';
import TC_051_CSMS from './TC_051_CSMS';
import TC_052_CSMS from './TC_052_CSMS';
import TC_053_CSMS from './TC_053_CSMS';

export const reservationCases: CaseDefinition[] = [
  // Charger under test (§2.20).
  TC_046_1_CS,
  TC_046_2_CS,
  TC_047_CS,
  TC_048_1_CS,
  TC_048_2_CS,
  TC_048_3_CS,
  TC_048_4_CS,
  TC_049_CS,
  TC_050_1_CS,
  TC_050_2_CS,
  TC_050_3_CS,
  TC_050_4_CS,
  TC_051_CS,
  TC_052_CS,
  TC_053_CS,
  // CSMS under test (§3.17).
  TC_046_CSMS,
  TC_047_CSMS,
  TC_048_1_CSMS,
  TC_048_2_CSMS,
  TC_048_3_CSMS,
  TC_048_4_CSMS,
  TC_049_CSMS,
  TC_051_CSMS,
  TC_052_CSMS,
  TC_053_CSMS,
];
