// OCPP 1.6 Core profile cases (OCTT 1.6 test case document §2.1–§2.16, §2.23 and §3.1–§3.13, §3.20),
// in three lists so they can grow independently.
import type { CaseDefinition } from '../../../engine/conformance/case';
import { coreChargerCasesA } from './charger-a';
import { coreChargerCasesB } from './charger-b';
import { coreCsmsCases } from './csms';

export const coreCases: CaseDefinition[] = [...coreChargerCasesA, ...coreChargerCasesB, ...coreCsmsCases];
