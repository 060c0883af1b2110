// OCPP-J frame parser: wire text → typed frame, or framing findings. Pure and total:
// it never throws, whatever the input (a property test holds it to that).
//
// Framing: OCPP-J 1.6 §4.1–§4.2; OCPP 2.0.1 Part 4 §4.1–§4.2; OCPP 2.1 Part 4 §4.1–§4.2.
import type { Finding, MessageKind, OcppVersion } from '../../api/model';
import { actionInfo } from './catalog';
import { VERSIONS } from './versions';

export interface CallFrame {
  kind: 'CALL' | 'SEND';
  id: string;
  action: string;
  payload: Record<string, unknown>;
}

export interface ResultFrame {
  kind: 'CALLRESULT';
  id: string;
  payload: Record<string, unknown>;
}

export interface ErrorFrame {
  kind: 'CALLERROR' | 'CALLRESULTERROR';
  id: string;
  code: string;
  description: string;
  details: unknown;
}

export type Frame = CallFrame | ResultFrame | ErrorFrame;

export interface ParsedFrame {
  /** Present when the frame is structurally valid OCPP-J (it may still carry warnings). */
  frame?: Frame;
  findings: Finding[];
  /** What could be read even from a broken frame, so a receiver can still answer with a CALLERROR. */
  kind?: MessageKind;
  messageId?: string;
  action?: string;
}

/** Maximum message id length: string[36] (OCPP-J 1.6 §4.1.4 errata; 2.0.1 / 2.1 Part 4 §4.1.4). */
export const MAX_MESSAGE_ID_LENGTH = 36;

const NO_FINDINGS: Finding[] = [];

/** Element counts per message type (CALL 4, CALLRESULT 3, CALLERROR 5; 2.1 adds 5 → 5 and 6 → 4). */
const ELEMENTS: Record<MessageKind, number> = {
  CALL: 4,
  CALLRESULT: 3,
  CALLERROR: 5,
  CALLRESULTERROR: 5,
  SEND: 4,
};

function framing(
  version: OcppVersion,
  rule: string,
  message: string,
  errorCode: string,
  element?: number,
): Finding {
  const f: Finding = {
    rule: `framing.${rule}`,
    severity: 'error',
    group: 'framing',
    message,
    errorCode,
    specRef: `${VERSIONS[version].rpcSpec} §4.1`,
  };
  if (element !== undefined) f.element = element;
  return f;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Parses one text frame. `version` selects which message types exist and how
 * error codes are spelled; frames of an unknown version are judged as 2.0.1 would.
 */
export function parseFrame(text: string, version: OcppVersion = '2.0.1'): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      findings: [framing(version, 'not-json', `Frame is not valid JSON: ${detail}`, VERSIONS[version].codes.rpcFramework)],
    };
  }
  return parseValue(value, version);
}

/** Like parseFrame, for a value already decoded from JSON. */
export function parseValue(value: unknown, version: OcppVersion = '2.0.1'): ParsedFrame {
  const codes = VERSIONS[version].codes;
  if (!Array.isArray(value)) {
    return { findings: [framing(version, 'not-array', `Frame is ${describe(value)}, not a JSON array`, codes.rpcFramework)] };
  }
  const typeId: unknown = value[0];
  const kind = typeof typeId === 'number' ? VERSIONS[version].messageTypes.get(typeId) : undefined;
  if (kind === undefined) {
    const shown = typeof typeId === 'number' ? String(typeId) : describe(typeId);
    const id: unknown = value[1];
    return {
      // Keep a readable id so the receiver can answer MessageTypeNotSupported to it (2.0.1 Part 4 §4.4).
      ...(typeof id === 'string' && id !== '' ? { messageId: id } : {}),
      findings: [
        framing(
          version,
          'message-type',
          `Message type ${shown} does not exist in OCPP ${version}`,
          codes.messageType,
          0,
        ),
      ],
    };
  }

  const result: ParsedFrame = { kind, findings: NO_FINDINGS };
  const findings: Finding[] = [];
  const id: unknown = value[1];
  let idOk = false;
  if (typeof id !== 'string') {
    findings.push(framing(version, 'message-id-type', `Message id is ${describe(id)}, not a string`, codes.rpcFramework, 1));
  } else if (id.length === 0) {
    findings.push(framing(version, 'message-id-empty', 'Message id is empty', codes.rpcFramework, 1));
  } else if (id.length > MAX_MESSAGE_ID_LENGTH) {
    result.messageId = id;
    findings.push(
      framing(
        version,
        'message-id-length',
        `Message id is ${id.length} characters long; at most ${MAX_MESSAGE_ID_LENGTH} are allowed`,
        codes.rpcFramework,
        1,
      ),
    );
  } else {
    result.messageId = id;
    idOk = true;
  }

  const expected = ELEMENTS[kind];
  if (value.length !== expected) {
    findings.push(
      framing(
        version,
        'element-count',
        `A ${kind} has ${expected} elements; this frame has ${value.length}`,
        codes.format,
      ),
    );
  }

  let frame: Frame | undefined;
  switch (kind) {
    case 'CALL':
    case 'SEND': {
      const action: unknown = value[2];
      const payload: unknown = value[3];
      if (typeof action !== 'string') {
        findings.push(framing(version, 'action-type', `Action is ${describe(action)}, not a string`, codes.format, 2));
      } else {
        result.action = action;
      }
      if (!isPlainObject(payload)) {
        findings.push(framing(version, 'payload-type', `Payload is ${describe(payload)}, not a JSON object`, codes.format, 3));
      }
      if (typeof action === 'string' && isPlainObject(payload) && idOk && value.length === expected) {
        frame = { kind, id: id as string, action, payload };
      }
      if (typeof action === 'string') {
        const info = actionInfo(version, action);
        if (info === undefined) {
          findings.push({
            rule: 'framing.unknown-action',
            severity: 'error',
            group: 'framing',
            element: 2,
            message: `"${action}" is not an action of OCPP ${version}`,
            errorCode: 'NotImplemented',
            specRef: `${VERSIONS[version].rpcSpec} §4.2.3`,
          });
        } else if (kind === 'SEND' && !info.unconfirmed) {
          findings.push(framing(version, 'send-not-unconfirmed', `${action} is a request with a response; it must be sent as a CALL, not a SEND`, codes.format, 0));
        } else if (kind === 'CALL' && info.unconfirmed) {
          findings.push(framing(version, 'call-unconfirmed', `${action} is an unconfirmed message; it must be sent as a SEND, not a CALL`, codes.format, 0));
        }
      }
      break;
    }
    case 'CALLRESULT': {
      const payload: unknown = value[2];
      if (!isPlainObject(payload)) {
        findings.push(framing(version, 'payload-type', `Payload is ${describe(payload)}, not a JSON object`, codes.format, 2));
      } else if (idOk && value.length === expected) {
        frame = { kind, id: id as string, payload };
      }
      break;
    }
    case 'CALLERROR':
    case 'CALLRESULTERROR': {
      const code: unknown = value[2];
      const description: unknown = value[3];
      const details: unknown = value[4];
      let ok = true;
      if (typeof code !== 'string') {
        ok = false;
        findings.push(framing(version, 'error-code-type', `Error code is ${describe(code)}, not a string`, codes.format, 2));
      } else if (!VERSIONS[version].errorCodes.includes(code)) {
        // Still a usable frame: flag it, keep it.
        findings.push({
          ...framing(version, 'error-code-unknown', `"${code}" is not an error code of OCPP ${version}`, codes.property, 2),
          specRef: `${VERSIONS[version].rpcSpec} §4.3`,
        });
      }
      if (typeof description !== 'string') {
        ok = false;
        findings.push(framing(version, 'error-description-type', `Error description is ${describe(description)}, not a string`, codes.format, 3));
      } else if (description.length > 255) {
        findings.push({
          ...framing(version, 'error-description-length', `Error description is ${description.length} characters long; at most 255 are allowed`, codes.property, 3),
          severity: 'warning',
        });
      }
      if (value.length >= 5 && !isPlainObject(details)) {
        ok = false;
        findings.push(framing(version, 'error-details-type', `Error details are ${describe(details)}, not a JSON object`, codes.format, 4));
      }
      if (ok && idOk && value.length === expected) {
        frame = { kind, id: id as string, code: code as string, description: description as string, details };
      }
      break;
    }
  }

  if (frame !== undefined) result.frame = frame;
  if (findings.length > 0) result.findings = findings;
  return result;
}

/** Serialises a frame the way OCPP-J puts it on the wire. */
export function serializeFrame(frame: Frame): string {
  switch (frame.kind) {
    case 'CALL':
      return JSON.stringify([2, frame.id, frame.action, frame.payload]);
    case 'SEND':
      return JSON.stringify([6, frame.id, frame.action, frame.payload]);
    case 'CALLRESULT':
      return JSON.stringify([3, frame.id, frame.payload]);
    case 'CALLERROR':
      return JSON.stringify([4, frame.id, frame.code, frame.description, frame.details ?? {}]);
    case 'CALLRESULTERROR':
      return JSON.stringify([5, frame.id, frame.code, frame.description, frame.details ?? {}]);
  }
}
