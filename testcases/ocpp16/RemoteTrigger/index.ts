// OCPP 1.6 RemoteTrigger profile cases (OCTT 1.6 test case document).
import type { CaseDefinition } from '../../../engine/conformance/case';

export const remoteTriggerCases: CaseDefinition[] = [];
