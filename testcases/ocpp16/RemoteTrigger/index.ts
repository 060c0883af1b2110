// OCPP 1.6 RemoteTrigger profile cases (OCTT 1.6 test case document §2.21, §3.18).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_054_CS from './TC_054_CS';
import TC_054_CSMS from './TC_054_CSMS';
import TC_055_CS from './TC_055_CS';
import TC_055_CSMS from './TC_055_CSMS';

export const remoteTriggerCases: CaseDefinition[] = [TC_054_CS, TC_055_CS, TC_054_CSMS, TC_055_CSMS];
