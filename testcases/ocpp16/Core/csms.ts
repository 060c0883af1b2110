// Core cases with the CSMS under test, TC_001_CSMS to TC_040_2_CSMS and TC_064_CSMS
// (OCTT 1.6 test case document §3.1–§3.13, §3.20), in the document's order.
import type { CaseDefinition } from '../../../engine/conformance/case';
import TC_001_CSMS from './TC_001_CSMS';
import TC_003_CSMS from './TC_003_CSMS';
import TC_004_1_CSMS from './TC_004_1_CSMS';
import TC_004_2_CSMS from './TC_004_2_CSMS';
import TC_005_1_CSMS from './TC_005_1_CSMS';
import TC_007_CSMS from './TC_007_CSMS';
import TC_061_CSMS from './TC_061_CSMS';
import TC_010_CSMS from './TC_010_CSMS';
import TC_011_1_CSMS from './TC_011_1_CSMS';
import TC_011_2_CSMS from './TC_011_2_CSMS';
import TC_012_CSMS from './TC_012_CSMS';
import TC_013_CSMS from './TC_013_CSMS';
import TC_014_CSMS from './TC_014_CSMS';
import TC_017_1_CSMS from './TC_017_1_CSMS';
import TC_017_2_CSMS from './TC_017_2_CSMS';
import TC_018_1_CSMS from './TC_018_1_CSMS';
import TC_019_1_CSMS from './TC_019_1_CSMS';
import TC_019_2_CSMS from './TC_019_2_CSMS';
import TC_021_CSMS from './TC_021_CSMS';
import TC_023_1_CSMS from './TC_023_1_CSMS';
import TC_023_2_CSMS from './TC_023_2_CSMS';
import TC_023_3_CSMS from './TC_023_3_CSMS';
import TC_024_CSMS from './TC_024_CSMS';
import TC_026_CSMS from './TC_026_CSMS';
import TC_028_CSMS from './TC_028_CSMS';
import TC_030_CSMS from './TC_030_CSMS';
import TC_031_CSMS from './TC_031_CSMS';
import TC_032_1_CSMS from './TC_032_1_CSMS';
import TC_037_1_CSMS from './TC_037_1_CSMS';
import TC_037_3_CSMS from './TC_037_3_CSMS';
import TC_039_CSMS from './TC_039_CSMS';
import TC_040_1_CSMS from './TC_040_1_CSMS';
import TC_040_2_CSMS from './TC_040_2_CSMS';
import TC_064_CSMS from './TC_064_CSMS';

export const coreCsmsCases: CaseDefinition[] = [
  TC_001_CSMS,
  TC_003_CSMS,
  TC_004_1_CSMS,
  TC_004_2_CSMS,
  TC_005_1_CSMS,
  TC_007_CSMS,
  TC_061_CSMS,
  TC_010_CSMS,
  TC_011_1_CSMS,
  TC_011_2_CSMS,
  TC_012_CSMS,
  TC_013_CSMS,
  TC_014_CSMS,
  TC_017_1_CSMS,
  TC_017_2_CSMS,
  TC_018_1_CSMS,
  TC_019_1_CSMS,
  TC_019_2_CSMS,
  TC_021_CSMS,
  TC_023_1_CSMS,
  TC_023_2_CSMS,
  TC_023_3_CSMS,
  TC_024_CSMS,
  TC_026_CSMS,
  TC_028_CSMS,
  TC_030_CSMS,
  TC_031_CSMS,
  TC_032_1_CSMS,
  TC_037_1_CSMS,
  TC_037_3_CSMS,
  TC_039_CSMS,
  TC_040_1_CSMS,
  TC_040_2_CSMS,
  TC_064_CSMS,
];
