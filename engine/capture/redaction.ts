// Credential redaction for what the bench keeps (capture and store), never for the wire.
// The LiveRecorder calls `redactCredentials` on every frame unless recording was asked to
// keep credentials (`--no-redact`); the HTTP Basic password of a connection is redacted by
// the recorder itself.
//
// Secrets that travel in OCPP messages:
// - 1.6: the AuthorizationKey configuration key, set with ChangeConfiguration (security
//   whitepaper ed. 3 §2.3 and use case A00 "Update Charge Point Password for HTTP Basic
//   Authentication"); write-only, but a faulty charger could report it in GetConfiguration.
// - 2.0.1 / 2.1: SecurityCtrlr.BasicAuthPassword (2.0.1 Part 2 appendices, SecurityCtrlr),
//   set with SetVariables; write-only, but could leak in GetVariables or NotifyReport.
// - 2.0.1 / 2.1 SetNetworkProfile: APN and VPN passwords and keys; 2.1 adds
//   connectionData.basicAuthPassword (2.1 Part 0, changes to B09).
// Only the secret value is replaced; the rest of the text stays exactly as it was sent.
import type { Direction } from '../../api/model';
import { REDACTED } from './format';

/** Cheap filter (runs on every frame): frames without these words come back untouched, unparsed. */
function suspect(text: string): boolean {
  return (text.includes('Auth') && (text.includes('AuthorizationKey') || text.includes('BasicAuthPassword'))) || text.includes('SetNetworkProfile');
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : [];
}

/** A secret found in a frame: the member that holds it, and its value. */
interface Secret {
  member: string;
  value: string;
}

function secret(holder: unknown, member: string, out: Secret[]): void {
  if (!isObj(holder)) return;
  const value = holder[member];
  if (typeof value === 'string' && value !== '' && value !== REDACTED) out.push({ member, value });
}

function isBasicAuthPassword(entry: Obj): boolean {
  const variable = entry.variable;
  return isObj(variable) && variable.name === 'BasicAuthPassword';
}

/** Secrets in a CALL payload, by action (both 1.6 and 2.x names: they do not collide). */
function inRequest(action: string, payload: Obj, out: Secret[]): void {
  switch (action) {
    case 'ChangeConfiguration':
      if (payload.key === 'AuthorizationKey') secret(payload, 'value', out);
      break;
    case 'SetVariables':
      for (const entry of objects(payload.setVariableData)) if (isBasicAuthPassword(entry)) secret(entry, 'attributeValue', out);
      break;
    case 'SetNetworkProfile': {
      const data = payload.connectionData;
      if (!isObj(data)) break;
      secret(data, 'basicAuthPassword', out);
      secret(data.apn, 'apnPassword', out);
      secret(data.vpn, 'password', out);
      secret(data.vpn, 'key', out);
      break;
    }
    case 'NotifyReport':
      for (const entry of objects(payload.reportData)) {
        if (isBasicAuthPassword(entry)) for (const attribute of objects(entry.variableAttribute)) secret(attribute, 'value', out);
      }
      break;
  }
}

/** Secrets in a CALLRESULT payload; these carry the names of what they report, so no correlation is needed. */
function inResult(payload: Obj, out: Secret[]): void {
  for (const entry of objects(payload.configurationKey)) if (entry.key === 'AuthorizationKey') secret(entry, 'value', out);
  for (const entry of objects(payload.getVariableResult)) if (isBasicAuthPassword(entry)) secret(entry, 'attributeValue', out);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The frame's text with credential values replaced by `<redacted>`. Frames without
 * credentials (nearly all) come back as the same string.
 */
export function redactCredentials(text: string, _dir?: Direction): string {
  if (!suspect(text)) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (!Array.isArray(value)) return text;
  const found: Secret[] = [];
  if ((value[0] === 2 || value[0] === 6) && typeof value[2] === 'string' && isObj(value[3])) inRequest(value[2], value[3], found);
  else if (value[0] === 3 && isObj(value[2])) inResult(value[2], found);
  if (found.length === 0) return text;
  let out = text;
  for (const { member, value: secretValue } of found) {
    // `"member" : "secret"` exactly as written; values with unusual escapes are re-encoded below.
    const pattern = new RegExp(`("${escapeRegExp(member)}"\\s*:\\s*)${escapeRegExp(JSON.stringify(secretValue))}`, 'g');
    const next = out.replace(pattern, `$1${JSON.stringify(REDACTED)}`);
    if (next === out) return reencoded(value, found);
    out = next;
  }
  return out;
}

/** Fallback when a secret was not found as written (e.g. `\u0041` escapes): redact and re-serialise. */
function reencoded(frame: unknown[], found: Secret[]): string {
  const secrets = new Set(found.map((s) => s.value));
  const members = new Set(found.map((s) => s.member));
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObj(node)) return node;
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) out[k] = members.has(k) && typeof v === 'string' && secrets.has(v) ? REDACTED : walk(v);
    return out;
  };
  return JSON.stringify(walk(frame));
}
