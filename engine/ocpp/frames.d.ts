import type { Finding, MessageKind, OcppVersion } from '../../api/model';
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
export declare const MAX_MESSAGE_ID_LENGTH = 36;
/**
 * Parses one text frame. `version` selects which message types exist and how
 * error codes are spelled; frames of an unknown version are judged as 2.0.1 would.
 */
export declare function parseFrame(text: string, version?: OcppVersion): ParsedFrame;
/** Like parseFrame, for a value already decoded from JSON. */
export declare function parseValue(value: unknown, version?: OcppVersion): ParsedFrame;
/** Serialises a frame the way OCPP-J puts it on the wire. */
export declare function serializeFrame(frame: Frame): string;
