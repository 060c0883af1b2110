// Core cases with the charger under test, TC_001_CS to TC_018_2_CS (and TC_068/069, TC_005_x, TC_007, TC_061).
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_001_CS from './TC_001_CS';
import TC_002_CS from './TC_002_CS';
import TC_003_CS from './TC_003_CS';
import TC_004_1_CS from './TC_004_1_CS';
import TC_004_2_CS from './TC_004_2_CS';
import TC_005_1_CS from './TC_005_1_CS';
import TC_005_2_CS from './TC_005_2_CS';
import TC_005_3_CS from './TC_005_3_CS';
import TC_007_CS from './TC_007_CS';
import TC_010_CS from './TC_010_CS';
import TC_011_1_CS from './TC_011_1_CS';
import TC_011_2_CS from './TC_011_2_CS';
import TC_012_CS from './TC_012_CS';
import TC_013_CS from './TC_013_CS';
import TC_014_CS from './TC_014_CS';
import TC_015_CS from './TC_015_CS';
import TC_016_CS from './TC_016_CS';
import TC_017_1_CS from './TC_017_1_CS';
import TC_017_2_CS from './TC_017_2_CS';
import TC_018_1_CS from './TC_018_1_CS';
import TC_018_2_CS from './TC_018_2_CS';
import TC_061_CS from './TC_061_CS';
import TC_068_CS from './TC_068_CS';
import TC_069_CS from './TC_069_CS';

export const coreChargerCasesA: CaseDefinition[] = [TC_001_CS, TC_002_CS, TC_003_CS, TC_004_1_CS, TC_004_2_CS, TC_068_CS, TC_069_CS, TC_005_1_CS, TC_005_2_CS, TC_005_3_CS, TC_007_CS, TC_061_CS, TC_010_CS, TC_011_1_CS, TC_011_2_CS, TC_012_CS,
  TC_013_CS, TC_014_CS, TC_015_CS, TC_016_CS, TC_017_1_CS, TC_017_2_CS, TC_018_1_CS, TC_018_2_CS];
