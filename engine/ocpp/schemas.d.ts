import { type ValidateFunction } from 'ajv';
import type { Finding, OcppVersion } from '../../api/model';
export type SchemaRole = 'request' | 'response';
/** The schema name for an action: `<Action>Request` / `<Action>Response`; a 2.1 SEND message has no suffix. */
export declare function schemaName(version: OcppVersion, action: string, role: SchemaRole): string | undefined;
export declare function getSchema(version: OcppVersion, action: string, role: SchemaRole): object | undefined;
export declare function validatorFor(version: OcppVersion, action: string, role: SchemaRole): ValidateFunction | undefined;
/**
 * Judges a payload against the schema of `action`'s request or response. Returns no
 * findings for a valid payload (the common case, kept allocation-free) and one finding
 * per ajv error otherwise. An action without a schema returns no findings: whether the
 * action exists is a framing question (see frames.ts).
 */
export declare function judgePayload(version: OcppVersion, action: string, role: SchemaRole, payload: unknown): Finding[];
/** The error code a conformant receiver answers an invalid payload with (per-version spelling). */
export declare function errorCodeFor(version: OcppVersion, keyword: string): string;
/** Reads the value at a JSON Pointer; undefined when the path does not exist. */
export declare function valueAt(root: unknown, pointer: string): unknown;
