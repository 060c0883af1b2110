// Core cases with the CSMS under test, TC_001_CSMS to TC_040_2_CSMS and TC_064_CSMS.
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_001_CSMS from './TC_001_CSMS';

export const coreCsmsCases: CaseDefinition[] = [TC_001_CSMS];
