// OCPP 1.6 Core profile cases (OCTT 1.6 test case document §2 and §3).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_001_CSMS from './TC_001_CSMS';
import TC_003_CS from './TC_003_CS';

export const coreCases: CaseDefinition[] = [TC_003_CS, TC_001_CSMS];
