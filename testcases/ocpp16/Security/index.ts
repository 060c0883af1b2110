// OCPP 1.6 Security profile cases (OCTT 1.6 test case document §2.24, §3.21; security
// whitepaper ed. 3).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_073_CS from './TC_073_CS';
import TC_074_CS from './TC_074_CS';
import TC_075_1_CS from './TC_075_1_CS';
import TC_075_2_CS from './TC_075_2_CS';
import TC_076_CS from './TC_076_CS';
import TC_077_CS from './TC_077_CS';
import TC_078_CS from './TC_078_CS';
import TC_079_CS from './TC_079_CS';
import TC_080_CS from './TC_080_CS';
import TC_081_CS from './TC_081_CS';
import TC_083_CS from './TC_083_CS';
import TC_084_CS from './TC_084_CS';
import TC_085_CS from './TC_085_CS';
import TC_086_CS from './TC_086_CS';
import TC_087_CS from './TC_087_CS';
import TC_073_CSMS from './TC_073_CSMS';
import TC_074_CSMS from './TC_074_CSMS';
import TC_075_1_CSMS from './TC_075_1_CSMS';
import TC_075_2_CSMS from './TC_075_2_CSMS';
import TC_076_CSMS from './TC_076_CSMS';
import TC_077_CSMS from './TC_077_CSMS';
import TC_078_CSMS from './TC_078_CSMS';
import TC_079_CSMS from './TC_079_CSMS';
import TC_080_CSMS from './TC_080_CSMS';
import TC_081_CSMS from './TC_081_CSMS';
import TC_085_CSMS from './TC_085_CSMS';
import TC_086_CSMS from './TC_086_CSMS';
import TC_087_CSMS from './TC_087_CSMS';

export const securityCases: CaseDefinition[] = [
  TC_073_CS,
  TC_074_CS,
  TC_075_1_CS,
  TC_075_2_CS,
  TC_076_CS,
  TC_077_CS,
  TC_078_CS,
  TC_079_CS,
  TC_080_CS,
  TC_081_CS,
  TC_083_CS,
  TC_084_CS,
  TC_085_CS,
  TC_086_CS,
  TC_087_CS,
  TC_073_CSMS,
  TC_074_CSMS,
  TC_075_1_CSMS,
  TC_075_2_CSMS,
  TC_076_CSMS,
  TC_077_CSMS,
  TC_078_CSMS,
  TC_079_CSMS,
  TC_080_CSMS,
  TC_081_CSMS,
  TC_085_CSMS,
  TC_086_CSMS,
  TC_087_CSMS,
];
