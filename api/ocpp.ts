// Read-only facts about the protocol itself, for editors in front ends: which actions a
// version has and who sends them, an action's JSON schema (to build a form), and a check
// of a payload against it (live validation as the user types).
import type { Finding, OcppVersion } from './model';

export type PayloadRole = 'request' | 'response';

export interface OcppActionInfo {
  action: string;
  /** Who may send the request: the charger, the CSMS, or both (DataTransfer). */
  initiator: 'charger' | 'csms' | 'both';
  /** 1.6 feature profile, or 2.x functional block letter. */
  group: string;
  /** 2.1 SEND messages: no response exists. */
  unconfirmed?: boolean;
}

export interface OcppCommands {
  'ocpp.actions': { args: { version: OcppVersion }; result: OcppActionInfo[] };
  /** The OCA JSON schema of an action's request or response (draft-06 / 2020-12 as published). */
  'ocpp.schema': { args: { version: OcppVersion; action: string; role: PayloadRole }; result: { schema: Record<string, unknown> } };
  /** Judges a payload against that schema: the findings a receiver's judge would raise (none when valid). */
  'ocpp.check': { args: { version: OcppVersion; action: string; role: PayloadRole; payload: unknown }; result: { findings: Finding[] } };
}
