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
export declare const VERSIONS: Readonly<Record<OcppVersion, VersionInfo>>;
/** The version a negotiated subprotocol stands for; undefined for unknown names (e.g. `ocpp2.0`). */
export declare function versionOfSubprotocol(subprotocol: string | undefined): OcppVersion | undefined;
export declare function isOcppVersion(value: unknown): value is OcppVersion;
export declare function isErrorCode(version: OcppVersion, code: string): boolean;
