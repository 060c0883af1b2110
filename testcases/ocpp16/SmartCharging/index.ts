// OCPP 1.6 SmartCharging profile cases (OCTT 1.6 test case document §2.22, §3.19).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_056_CS from './TC_056_CS';
import TC_056_CSMS from './TC_056_CSMS';
import TC_057_CS from './TC_057_CS';
import TC_057_CSMS from './TC_057_CSMS';
import TC_058_1_CS from './TC_058_1_CS';
import TC_058_2_CS from './TC_058_2_CS';
import TC_059_CS from './TC_059_CS';
import TC_059_CSMS from './TC_059_CSMS';
import TC_060_CS from './TC_060_CS';
import TC_066_CS from './TC_066_CS';
import TC_066_CSMS from './TC_066_CSMS';
import TC_067_CS from './TC_067_CS';
import TC_067_CSMS from './TC_067_CSMS';
import TC_072_CS from './TC_072_CS';
import TC_082_CS from './TC_082_CS';

export const smartChargingCases: CaseDefinition[] = [
  TC_056_CS,
  TC_057_CS,
  TC_058_1_CS,
  TC_058_2_CS,
  TC_082_CS,
  TC_066_CS,
  TC_067_CS,
  TC_072_CS,
  TC_059_CS,
  TC_060_CS,
  TC_056_CSMS,
  TC_057_CSMS,
  TC_066_CSMS,
  TC_067_CSMS,
  TC_059_CSMS,
];
