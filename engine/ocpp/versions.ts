// The version registry: what differs on the wire between OCPP-J 1.6, 2.0.1 and 2.1.
import type { MessageKind, OcppVersion } from '../../api/model';

export type { OcppVersion };

export interface VersionInfo {
  version: OcppVersion;
  /** WebSocket subprotocol name (OCPP-J 1.6 §3.1.2; 2.0.1 Part 4 §3.1.2; 2.1 Part 4 §3.1.2). */
  subprotocol: string;
  /** RPC framework error codes, spelled exactly as the version's spec spells them. */
  errorCodes: readonly string[];
  /** Message type numbers this version knows. */
  messageTypes: ReadonlyMap<number, MessageKind>;
  /** The document that defines the framing, for spec references. */
  rpcSpec: string;
  /** Error codes a receiver answers with, by situation (see errorCodeFor). */
  codes: {
    /** Payload not syntactically valid for the action (wrong structure). */
    format: string;
    /** A required field missing, or too many items. */
    occurrence: string;
    /** A field of the wrong JSON type. */
    type: string;
    /** A field with an invalid value (enum, length, range, pattern). */
    property: string;
    /** The frame is not a valid RPC message at all (message id unreadable…). */
    rpcFramework: string;
    /** An unknown message type number. */
    messageType: string;
  };
}

const MESSAGE_TYPES_2x: ReadonlyMap<number, MessageKind> = new Map([
  [2, 'CALL'],
  [3, 'CALLRESULT'],
  [4, 'CALLERROR'],
]);

// OCPP-J 1.6 §4.2.3 Table 7. Note the spec's own spelling "OccurenceConstraintViolation".
const ERROR_CODES_16 = [
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  'OccurenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
] as const;

// OCPP 2.0.1 Part 4 §4.3 Table 8.
const ERROR_CODES_201 = [
  'FormatViolation',
  'GenericError',
  'InternalError',
  'MessageTypeNotSupported',
  'NotImplemented',
  'NotSupported',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
  'ProtocolError',
  'RpcFrameworkError',
  'SecurityError',
  'TypeConstraintViolation',
] as const;

// OCPP 2.1 Part 4 §4.3 Table 9: the same vocabulary as 2.0.1.
const ERROR_CODES_21 = ERROR_CODES_201;

export const VERSIONS: Readonly<Record<OcppVersion, VersionInfo>> = {
  '1.6': {
    version: '1.6',
    subprotocol: 'ocpp1.6',
    errorCodes: ERROR_CODES_16,
    messageTypes: MESSAGE_TYPES_2x,
    rpcSpec: 'OCPP-J 1.6',
    codes: {
      format: 'FormationViolation',
      occurrence: 'OccurenceConstraintViolation',
      type: 'TypeConstraintViolation',
      property: 'PropertyConstraintViolation',
      // 1.6 has neither RpcFrameworkError nor MessageTypeNotSupported; §4.2.3 gives
      // FormationViolation for a message "not conform the PDU structure".
      rpcFramework: 'FormationViolation',
      messageType: 'FormationViolation',
    },
  },
  '2.0.1': {
    version: '2.0.1',
    subprotocol: 'ocpp2.0.1',
    errorCodes: ERROR_CODES_201,
    messageTypes: MESSAGE_TYPES_2x,
    rpcSpec: 'OCPP 2.0.1 Part 4',
    codes: {
      format: 'FormatViolation',
      occurrence: 'OccurrenceConstraintViolation',
      type: 'TypeConstraintViolation',
      property: 'PropertyConstraintViolation',
      rpcFramework: 'RpcFrameworkError',
      messageType: 'MessageTypeNotSupported',
    },
  },
  '2.1': {
    version: '2.1',
    subprotocol: 'ocpp2.1',
    errorCodes: ERROR_CODES_21,
    messageTypes: new Map([...MESSAGE_TYPES_2x, [5, 'CALLRESULTERROR'], [6, 'SEND']]),
    rpcSpec: 'OCPP 2.1 Part 4',
    codes: {
      format: 'FormatViolation',
      occurrence: 'OccurrenceConstraintViolation',
      type: 'TypeConstraintViolation',
      property: 'PropertyConstraintViolation',
      rpcFramework: 'RpcFrameworkError',
      messageType: 'MessageTypeNotSupported',
    },
  },
};

const BY_SUBPROTOCOL = new Map<string, OcppVersion>(
  Object.values(VERSIONS).map((v) => [v.subprotocol, v.version]),
);

/** The version a negotiated subprotocol stands for; undefined for unknown names (e.g. `ocpp2.0`). */
export function versionOfSubprotocol(subprotocol: string | undefined): OcppVersion | undefined {
  return subprotocol === undefined ? undefined : BY_SUBPROTOCOL.get(subprotocol);
}

export function isOcppVersion(value: unknown): value is OcppVersion {
  return value === '1.6' || value === '2.0.1' || value === '2.1';
}

export function isErrorCode(version: OcppVersion, code: string): boolean {
  return VERSIONS[version].errorCodes.includes(code);
}
