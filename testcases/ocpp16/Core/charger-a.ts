// Core cases with the charger under test, TC_001_CS to TC_018_2_CS (and TC_068/069, TC_005_x, TC_007, TC_061).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_003_CS from './TC_003_CS';

export const coreChargerCasesA: CaseDefinition[] = [TC_003_CS];
