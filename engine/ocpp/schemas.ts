// Schema judging with the OCA JSON schemas, taken from the `typed-ocpp` package (never
// copied into this repository). One ajv instance per version; each schema is compiled
// the first time it is needed and kept.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
// Deep imports on purpose: the package index compiles every schema at import time
// (about 1.5 s), which would make every CLI start slow. We compile lazily instead.
import * as OCPP16 from 'typed-ocpp/dist/ocpp16/schemas.js';
import * as OCPP20 from 'typed-ocpp/dist/ocpp20/schemas.js';
import * as OCPP21 from 'typed-ocpp/dist/ocpp21/schemas.js';
import type { Finding, OcppVersion } from '../../api/model';
import { VERSIONS } from './versions';

// ajv-formats ships CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;

export type SchemaRole = 'request' | 'response';

const SCHEMAS: Record<OcppVersion, Record<string, object>> = {
  '1.6': { ...OCPP16 } as Record<string, object>,
  '2.0.1': { ...OCPP20 } as Record<string, object>,
  '2.1': { ...OCPP21 } as Record<string, object>,
};

/** The schema name for an action: `<Action>Request` / `<Action>Response`; a 2.1 SEND message has no suffix. */
export function schemaName(version: OcppVersion, action: string, role: SchemaRole): string | undefined {
  const table = SCHEMAS[version];
  const suffixed = `${action}${role === 'request' ? 'Request' : 'Response'}`;
  if (Object.hasOwn(table, suffixed)) return suffixed;
  if (role === 'request' && Object.hasOwn(table, action)) return action;
  return undefined;
}

export function getSchema(version: OcppVersion, action: string, role: SchemaRole): object | undefined {
  const name = schemaName(version, action, role);
  return name === undefined ? undefined : SCHEMAS[version][name];
}

const ajvs = new Map<OcppVersion, Ajv>();
/** Compiled validators by version, role and action (nested maps: no key string per lookup on the hot path). */
const validators: Record<OcppVersion, Record<SchemaRole, Map<string, ValidateFunction>>> = {
  '1.6': { request: new Map(), response: new Map() },
  '2.0.1': { request: new Map(), response: new Map() },
  '2.1': { request: new Map(), response: new Map() },
};

function ajvFor(version: OcppVersion): Ajv {
  let ajv = ajvs.get(version);
  if (ajv === undefined) {
    // strict:false because the OCA schemas carry keywords ajv's strict mode rejects
    // (additionalProperties on string enums, javaType…).
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajvs.set(version, ajv);
  }
  return ajv;
}

export function validatorFor(version: OcppVersion, action: string, role: SchemaRole): ValidateFunction | undefined {
  const cache = validators[version][role];
  let validate = cache.get(action);
  if (validate === undefined) {
    const schema = getSchema(version, action, role);
    if (schema === undefined) return undefined;
    validate = ajvFor(version).compile(schema);
    cache.set(action, validate);
  }
  return validate;
}

const NO_FINDINGS: Finding[] = [];

/**
 * Judges a payload against the schema of `action`'s request or response. Returns no
 * findings for a valid payload (the common case, kept allocation-free) and one finding
 * per ajv error otherwise. An action without a schema returns no findings: whether the
 * action exists is a framing question (see frames.ts).
 */
export function judgePayload(version: OcppVersion, action: string, role: SchemaRole, payload: unknown): Finding[] {
  const validate = validatorFor(version, action, role);
  if (validate === undefined || validate(payload)) return NO_FINDINGS;
  const name = schemaName(version, action, role) ?? action;
  return (validate.errors ?? []).map((e) => toFinding(version, name, e, payload));
}

/** The error code a conformant receiver answers an invalid payload with (per-version spelling). */
export function errorCodeFor(version: OcppVersion, keyword: string): string {
  const codes = VERSIONS[version].codes;
  switch (keyword) {
    case 'required':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return codes.occurrence;
    case 'type':
      return codes.type;
    case 'additionalProperties':
      return codes.format;
    default:
      // enum, const, maxLength, minLength, pattern, format, minimum, maximum, multipleOf…
      return codes.property;
  }
}

function toFinding(version: OcppVersion, schema: string, e: ErrorObject, payload: unknown): Finding {
  const params = e.params as Record<string, unknown>;
  let path = e.instancePath;
  let message: string;
  const at = (p: string) => (p === '' ? 'The payload' : `"${p.slice(1)}"`);
  switch (e.keyword) {
    case 'required':
      path = `${path}/${escapePointer(String(params['missingProperty']))}`;
      message = `Required field ${at(path)} is missing`;
      break;
    case 'additionalProperties':
      path = `${path}/${escapePointer(String(params['additionalProperty']))}`;
      message = `Field ${at(path)} is not defined by ${schema}`;
      break;
    case 'enum':
      message = `${at(path)} must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}; got ${show(valueAt(payload, path))}`;
      break;
    case 'type':
      message = `${at(path)} must be ${article(String(params['type']))}; got ${show(valueAt(payload, path))}`;
      break;
    case 'maxLength':
    case 'minLength': {
      const value = valueAt(payload, path);
      const length = typeof value === 'string' ? value.length : 0;
      message = `${at(path)} must be at ${e.keyword === 'maxLength' ? 'most' : 'least'} ${String(params['limit'])} characters; got ${length}`;
      break;
    }
    case 'format':
      message = `${at(path)} must be a valid ${String(params['format'])}; got ${show(valueAt(payload, path))}`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      message = `${at(path)} must be ${String(params['comparison'])} ${String(params['limit'])}; got ${show(valueAt(payload, path))}`;
      break;
    case 'minItems':
    case 'maxItems':
      message = `${at(path)} must have at ${e.keyword === 'maxItems' ? 'most' : 'least'} ${String(params['limit'])} items`;
      break;
    default:
      message = `${at(path)} ${e.message ?? `violates ${e.keyword}`}`;
  }
  return {
    rule: `schema.${e.keyword}`,
    severity: 'error',
    group: 'schema',
    path,
    keyword: e.keyword,
    message,
    errorCode: errorCodeFor(version, e.keyword),
    specRef: `OCPP ${version} JSON schema ${schema}`,
  };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reads the value at a JSON Pointer; undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
