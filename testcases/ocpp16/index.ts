// Every OCPP 1.6 case, by feature profile.
import type { CaseDefinition } from '../../engine/conformance/case';
import { coreCases } from './Core';

export const ocpp16Cases: CaseDefinition[] = [...coreCases];
