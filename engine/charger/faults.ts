// The active faulty behaviours of one simulated charger, and the wire-level hooks that
// implement those that can be done by reshaping messages. Behaviours that change a
// decision of the model are checked with `faults.has(name)` where the decision is made.
import type { OcppVersion } from '../../api/model';
import type { CallAnswer, CallOptions, IncomingCall } from '../rpc/endpoint';
import { BEHAVIOURS, behaviourInfo, type BehaviourName } from './behaviours';
import type { ConnectionSecurity } from './link';

export class BehaviourError extends Error {
  override name = 'BehaviourError';
}

/** What to put on the wire for one outgoing CALL. */
export interface ShapedCall {
  payload: Record<string, unknown>;
  options: CallOptions;
  /** Send this text instead of a CALL (and expect no answer). */
  raw?: string;
  /** Send the same CALL a second time without waiting for the first answer. */
  duplicate?: boolean;
}

/** Parses `name` / `name=value` specs; throws BehaviourError naming what is wrong. */
export function parseBehaviours(specs: readonly string[], version: OcppVersion): Map<BehaviourName, number | undefined> {
  const out = new Map<BehaviourName, number | undefined>();
  for (const raw of specs) {
    for (const spec of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const [name = '', value] = spec.split('=', 2);
      const info = behaviourInfo(name);
      if (info === undefined) {
        throw new BehaviourError(`Unknown behaviour "${name}" (known: ${BEHAVIOURS.map((b) => b.name).join(', ')})`);
      }
      if (!info.versions.includes(version)) {
        throw new BehaviourError(`Behaviour "${name}" does not apply to OCPP ${version} (only ${info.versions.join(', ')})`);
      }
      let param: number | undefined;
      if (value !== undefined) {
        if (info.parameter === undefined) throw new BehaviourError(`Behaviour "${name}" takes no value`);
        param = Number(value);
        if (!Number.isFinite(param) || param < 0) throw new BehaviourError(`Behaviour "${name}": ${info.parameter.name} must be a non-negative number, got "${value}"`);
      }
      out.set(name as BehaviourName, param);
    }
  }
  return out;
}

const REUSED_ID = 'ocpp-bench-reused-id';

export class Faults {
  private readonly active: Map<BehaviourName, number | undefined>;
  /** wrong-transaction-id: the EVSE of each transaction, from its Started event. */
  private readonly evseOf = new Map<string, unknown>();

  constructor(
    specs: readonly string[],
    readonly version: OcppVersion,
  ) {
    this.active = parseBehaviours(specs, version);
  }

  static none(version: OcppVersion): Faults {
    return new Faults([], version);
  }

  get names(): BehaviourName[] {
    return [...this.active.keys()];
  }

  has(name: BehaviourName): boolean {
    return this.active.has(name);
  }

  /** The connection settings as the behaviours make the charger use them (Basic-auth user, TLS suites). */
  shapeSecurity(security: ConnectionSecurity, state: { afterRemoteReset: boolean }): ConnectionSecurity {
    let out = security;
    // basic-auth-user-not-identity: once reset by the CSMS, a user name other than the charge point identity (A00.FR.204 wants the identity).
    if (this.has('basic-auth-user-not-identity') && state.afterRemoteReset) out = { ...out, user: 'ocpp-charger' };
    // tls-cbc-suites-only: TLS 1.2 with AES-CBC suites only, none of the AES-GCM ones of A00.FR.318.
    if (this.has('tls-cbc-suites-only')) out = { ...out, ciphers: 'ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384', maxTlsVersion: 'TLSv1.2' };
    return out;
  }

  /** The behaviour's parameter, or its default. */
  param(name: BehaviourName): number {
    const given = this.active.get(name);
    if (given !== undefined) return given;
    return behaviourInfo(name)?.parameter?.default ?? 0;
  }

  /** Reshapes an outgoing CALL for the wire-level behaviours. */
  shapeCall(action: string, payload: Record<string, unknown>): ShapedCall {
    const shaped: ShapedCall = { payload, options: {} };
    if (this.active.size === 0) return shaped;
    const v16 = this.version === '1.6';
    if (this.has('reuses-message-ids')) shaped.options.messageId = REUSED_ID;
    if (action === 'Heartbeat' && this.has('sends-malformed-json')) {
      // Truncated on purpose: not JSON at all (OCPP-J 1.6 §4.1.3 / 2.0.1 Part 4 §4.1.3).
      shaped.raw = `[2,"${shaped.options.messageId ?? `hb-${Date.now()}`}","Heartbeat",{`;
    }
    if (action === 'Heartbeat' && this.has('breaks-outstanding-call')) shaped.duplicate = true;
    if (action === 'StatusNotification' && this.has('omits-required-field')) {
      const copy = { ...payload };
      delete copy[v16 ? 'errorCode' : 'connectorStatus'];
      shaped.payload = copy;
      shaped.options.allowInvalid = true;
    }
    if (this.has('wrong-transaction-id')) {
      if (v16 && (action === 'MeterValues' || action === 'StopTransaction') && typeof payload['transactionId'] === 'number') {
        shaped.payload = { ...shaped.payload, transactionId: payload['transactionId'] + 100_000 };
      }
      if (!v16 && action === 'TransactionEvent') {
        const info = payload['transactionInfo'] as Record<string, unknown>;
        const id = String(info['transactionId']);
        if (payload['eventType'] === 'Started') {
          this.evseOf.set(id, payload['evse']);
        } else {
          // Another id on the same EVSE, which says so (evse is optional after Started).
          const evse = this.evseOf.get(id);
          shaped.payload = { ...shaped.payload, transactionInfo: { ...info, transactionId: `${id.slice(0, 34)}-X` }, ...(evse !== undefined ? { evse } : {}) };
        }
      }
    }
    if (this.has('wrong-stop-reason')) {
      if (v16 && action === 'StopTransaction') shaped.payload = { ...shaped.payload, reason: 'Local' };
      if (!v16 && action === 'TransactionEvent' && payload['eventType'] === 'Ended') {
        const info = shaped.payload['transactionInfo'] as Record<string, unknown>;
        shaped.payload = { ...shaped.payload, transactionInfo: { ...info, stoppedReason: 'Local' } };
      }
    }
    if (this.has('start-tx-missing-reservation-id') && (action === 'StartTransaction' || action === 'TransactionEvent') && shaped.payload['reservationId'] !== undefined) {
      const copy = { ...shaped.payload };
      delete copy['reservationId'];
      shaped.payload = copy;
    }
    if (!v16 && action === 'TransactionEvent') {
      const seqNo = payload['seqNo'];
      if (this.has('tx-seqno-gap') && payload['eventType'] !== 'Started' && typeof seqNo === 'number') {
        shaped.payload = { ...shaped.payload, seqNo: seqNo + 1 };
      }
      if (this.has('tx-updated-before-started') && payload['eventType'] === 'Started') {
        shaped.payload = { ...shaped.payload, eventType: 'Updated' };
      }
    }
    return shaped;
  }

  /** Reshapes the answer to a CSMS CALL; may wait (answers-too-late). */
  async shapeAnswer(call: IncomingCall, answer: CallAnswer): Promise<CallAnswer> {
    if (this.active.size === 0) return answer;
    let out = answer;
    if (call.action === 'ReserveNow' && this.has('rejects-every-reservation')) out = { result: { status: 'Rejected' } };
    if (call.action === 'DataTransfer' && this.has('datatransfer-accepts-unknown-vendor') && 'result' in out) {
      out = { result: { ...out.result, status: 'Accepted' } };
    }
    if (call.action === 'CostUpdated' && this.has('cost-updated-error')) {
      out = { error: { code: 'InternalError', description: 'Simulated failure (behaviour cost-updated-error)' } };
    }
    if ((call.action === 'GetVariables' || call.action === 'SetVariables') && this.has('getvariables-accepts-unknown') && 'result' in out) {
      const key = call.action === 'GetVariables' ? 'getVariableResult' : 'setVariableResult';
      const results = (out.result[key] as Array<Record<string, unknown>>).map((r) =>
        r['attributeStatus'] === 'UnknownComponent' || r['attributeStatus'] === 'UnknownVariable'
          ? { ...r, attributeStatus: 'Accepted', ...(call.action === 'GetVariables' ? { attributeValue: '' } : {}) }
          : r,
      );
      out = { result: { ...out.result, [key]: results } };
    }
    const status = 'result' in out ? out.result['status'] : undefined;
    const accept = (value: string) => {
      if ('result' in out) out = { result: { ...out.result, status: value } };
    };
    if (this.has('remote-control-accepts-anything') && /^(Remote|Request)(Start|Stop)Transaction$/.test(call.action) && status === 'Rejected') accept('Accepted');
    if (this.has('unlock-always-succeeds') && call.action === 'UnlockConnector') accept('Unlocked');
    if (this.has('reserve-now-always-accepted') && call.action === 'ReserveNow') accept('Accepted');
    if (this.has('send-local-list-always-accepted') && call.action === 'SendLocalList' && (status === 'NotSupported' || status === 'Failed')) accept('Accepted');
    if (this.has('trigger-accepts-unknown-connector') && /TriggerMessage$/.test(call.action) && status === 'Rejected') accept('Accepted');
    if (this.has('unknown-key-rejected') && call.action === 'ChangeConfiguration' && status === 'NotSupported') accept('Rejected');
    if (this.has('data-transfer-callerror') && call.action === 'DataTransfer') out = { error: { code: 'NotImplemented', description: 'DataTransfer is not implemented (behaviour data-transfer-callerror)' } };
    if (this.has('missing-required-key') && call.action === 'GetConfiguration' && 'result' in out) {
      // A required Core key (OCPP 1.6 §9.1.7) the charger does not have (TC_019_CS).
      const missing = 'ConnectorPhaseRotation';
      const keys = (out.result['configurationKey'] as Array<{ key: string }> | undefined) ?? [];
      const asked = Array.isArray(call.payload['key']) && (call.payload['key'] as unknown[]).includes(missing);
      const unknownKey = [...((out.result['unknownKey'] as string[] | undefined) ?? []), ...(asked ? [missing] : [])];
      out = { result: { configurationKey: keys.filter((k) => k.key !== missing), ...(unknownKey.length > 0 ? { unknownKey } : {}) } };
    }
    if (this.has('answers-too-late')) {
      // Real seconds on purpose: this is about the CSMS's response timeout, not simulated time.
      await new Promise((resolve) => setTimeout(resolve, this.param('answers-too-late') * 1000));
    }
    return out;
  }
}
