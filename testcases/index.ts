// The whole conformance plan, handed to the engine by each front end.
import type { CaseDefinition } from '../engine/conformance/case';
import { ocpp16Cases } from './ocpp16';

export const allCases: readonly CaseDefinition[] = [...ocpp16Cases];
