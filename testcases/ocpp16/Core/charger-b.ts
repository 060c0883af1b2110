// Core cases with the charger under test, TC_019_CS to TC_041_CS and TC_062_CS.
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_019_CS from './TC_019_CS';
import TC_021_CS from './TC_021_CS';
import TC_023_CS from './TC_023_CS';
import TC_024_CS from './TC_024_CS';
import TC_026_CS from './TC_026_CS';
import TC_027_CS from './TC_027_CS';
import TC_028_CS from './TC_028_CS';
import TC_030_CS from './TC_030_CS';
import TC_031_CS from './TC_031_CS';
import TC_032_1_CS from './TC_032_1_CS';
import TC_032_2_CS from './TC_032_2_CS';
import TC_034_CS from './TC_034_CS';
import TC_036_CS from './TC_036_CS';
import TC_037_1_CS from './TC_037_1_CS';
import TC_037_2_CS from './TC_037_2_CS';
import TC_037_3_CS from './TC_037_3_CS';
import TC_038_CS from './TC_038_CS';
import TC_039_CS from './TC_039_CS';
import TC_040_1_CS from './TC_040_1_CS';
import TC_040_2_CS from './TC_040_2_CS';
import TC_041_CS from './TC_041_CS';
import TC_062_CS from './TC_062_CS';
import TC_070_CS from './TC_070_CS';
import TC_071_CS from './TC_071_CS';

export const coreChargerCasesB: CaseDefinition[] = [
  TC_019_CS,
  TC_021_CS,
  TC_023_CS,
  TC_024_CS,
  TC_026_CS,
  TC_027_CS,
  TC_028_CS,
  TC_030_CS,
  TC_031_CS,
  TC_032_1_CS,
  TC_032_2_CS,
  TC_034_CS,
  TC_036_CS,
  TC_037_1_CS,
  TC_037_2_CS,
  TC_037_3_CS,
  TC_038_CS,
  TC_039_CS,
  TC_040_1_CS,
  TC_040_2_CS,
  TC_041_CS,
  TC_062_CS,
  TC_070_CS,
  TC_071_CS,
];
