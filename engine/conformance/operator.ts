// What a case asks of the person at the bench (or, with a built-in SUT, of its api):
// physical actions on a charger, or instructions to a CSMS. Each explains itself.
import type { OcppVersion } from '../../api/model';

export type OperatorAction =
  | { kind: 'plugIn'; connectorId: number }
  | { kind: 'unplug'; connectorId: number }
  /** Pull the cable out at the EV side only; it stays in the charger's socket (OCPP 1.6 §4.10). */
  | { kind: 'evDisconnect'; connectorId: number }
  | { kind: 'presentIdTag'; idTag: string; connectorId?: number }
  | { kind: 'evSuspend'; connectorId: number }
  | { kind: 'evResume'; connectorId: number }
  | { kind: 'fault'; connectorId: number; errorCode?: string }
  | { kind: 'clearFault'; connectorId: number }
  /** Switch the charger off and on again. */
  | { kind: 'powerCycle' }
  /** Make the next connector lock (or unlock) attempt fail. */
  | { kind: 'lockFailure'; connectorId: number }
  | { kind: 'unlockFailure'; connectorId: number }
  /** Make the charger fail to install the next firmware: a firmware it does not support is at the download location (OCTT TC_044_3_CS). */
  | { kind: 'firmwareInstallFailure'; location: string }
  /** Bring the charger into a state in which storing a local authorization list fails (OCTT TC_043_3_CS). */
  | { kind: 'localListStorageFailure' }
  | { kind: 'networkDown' }
  | { kind: 'networkUp' }
  /** SUT = CSMS: make the CSMS send this action (payload: what the case needs it to contain). */
  | { kind: 'csmsSend'; action: string; payload?: Record<string, unknown>; words?: string }
  /** SUT = CSMS: make the CSMS treat an id tag as valid/blocked/expired/invalid, or similar setup. */
  | { kind: 'csmsConfigure'; setting: string; value: unknown; words: string }
  /** Anything else, in words; automated drivers may not know it (then the step is inconclusive). */
  | { kind: 'custom'; words: string };

export function describeOperatorAction(a: OperatorAction): string {
  switch (a.kind) {
    case 'plugIn':
      return `Plug the cable in on connector ${a.connectorId} (EV and charger side)`;
    case 'unplug':
      return `Unplug the cable from connector ${a.connectorId}`;
    case 'evDisconnect':
      return `Unplug the cable on the EV side of connector ${a.connectorId} (it stays in the charger)`;
    case 'presentIdTag':
      return `Present id tag ${a.idTag}${a.connectorId !== undefined ? ` at connector ${a.connectorId}` : ''}`;
    case 'evSuspend':
      return `Let the EV on connector ${a.connectorId} suspend charging`;
    case 'evResume':
      return `Let the EV on connector ${a.connectorId} resume charging`;
    case 'fault':
      // Connector 0 is the charge point as a whole (OCPP 1.6 §4.9).
      return `Put ${a.connectorId === 0 ? 'the charge point' : `connector ${a.connectorId}`} into a Faulted state${a.errorCode !== undefined ? ` (${a.errorCode})` : ''}`;
    case 'clearFault':
      return `Clear the fault ${a.connectorId === 0 ? 'of the charge point' : `on connector ${a.connectorId}`}`;
    case 'powerCycle':
      return 'Power-cycle the charger (switch it off and on)';
    case 'lockFailure':
      return `Make the connector lock of connector ${a.connectorId} fail`;
    case 'unlockFailure':
      return `Make the unlocking of connector ${a.connectorId} fail`;
    case 'firmwareInstallFailure':
      return `Place a firmware file the charger does not support (so its installation fails) at ${a.location}`;
    case 'localListStorageFailure':
      return 'Bring the charger into a state in which storing a local authorization list fails';
    case 'networkDown':
      return 'Disconnect the charger from the network';
    case 'networkUp':
      return 'Reconnect the charger to the network';
    case 'csmsSend':
      return a.words ?? `Make the CSMS send ${a.action}${a.payload !== undefined ? ` with ${JSON.stringify(a.payload)}` : ''}`;
    case 'csmsConfigure':
      return a.words;
    case 'custom':
      return a.words;
  }
}

/** Performs operator actions; `undefined` from `perform` means "cannot automate this". */
export interface OperatorDriver {
  readonly automated: boolean;
  perform(action: OperatorAction, context: OperatorContext): Promise<'done' | 'skipped' | 'unsupported'>;
  /** Answers an observation question ("Does the display show …?"). */
  observe(question: string, context: OperatorContext & { expected?: boolean }): Promise<'yes' | 'no' | 'skipped' | 'unsupported'>;
}

export interface OperatorContext {
  caseId: string;
  version: OcppVersion;
  timeoutMs: number;
}
