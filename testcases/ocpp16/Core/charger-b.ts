// Core cases with the charger under test, TC_019_CS to TC_041_CS and TC_062_CS.
import type { CaseDefinition } from '../../../engine/conformance/case';

export const coreChargerCasesB: CaseDefinition[] = [];
