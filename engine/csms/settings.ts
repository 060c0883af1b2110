// The CSMS's settings: defaults, the config file (JSON or YAML), and checked merging of a
// partial update (the file, `csms.config.set`). Untrusted input: every field is checked
// and a bad one is named by its path (`chargers.CP1.boot.status must be …`).
import { readFile } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type {
  BootSettings,
  ChargerSettings,
  ConcurrentTxPolicy,
  CsmsSettings,
  DataTransferSettings,
  IdTokenEntry,
  ResponderSpec,
  SignCertificateSettings,
} from '../../api/csms';
import { isOcppVersion, VERSIONS } from '../ocpp/versions';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export const KNOWN_SUBPROTOCOLS: readonly string[] = Object.values(VERSIONS).map((v) => v.subprotocol);

export function defaultSettings(): CsmsSettings {
  return {
    // Newest first: a charger offering several gets the newest we both speak.
    subprotocols: ['ocpp2.1', 'ocpp2.0.1', 'ocpp1.6'],
    requireCertificateCn: false,
    allowUnknownChargers: true,
    boot: { status: 'Accepted', interval: 300, retryInterval: 30 },
    idTokens: {},
    unknownIdToken: 'Invalid',
    dataTransfer: { status: 'UnknownVendorId' },
    signCertificate: { status: 'Accepted', delayMs: 1000 },
    timeScale: 1,
    callTimeoutMs: 30_000,
    chargers: {},
    responders: {},
  };
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, what: string): never {
  throw new SettingsError(`${path} ${what}`);
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'must be a string');
  return v;
}

function int(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(path, `must be an integer from ${min} to ${max}`);
  return v;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'must be true or false');
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) fail(path, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) fail(path, 'must be an object');
  return v;
}

function noOthers(o: Obj, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) fail(path === '' ? key : `${path}.${key}`, `is not a setting (known: ${allowed.join(', ')})`);
  }
}

const TOP_KEYS = [
  'subprotocols',
  'securityProfile',
  'requireCertificateCn',
  'allowUnknownChargers',
  'boot',
  'idTokens',
  'unknownIdToken',
  'concurrentTx',
  'dataTransfer',
  'signCertificate',
  'timeScale',
  'callTimeoutMs',
  'chargers',
  'responders',
] as const;

function subprotocolList(v: unknown, path: string): string[] {
  if (!Array.isArray(v) || v.length === 0) fail(path, 'must be a non-empty list of subprotocols');
  return v.map((s, i) => oneOf(s, `${path}[${i}]`, KNOWN_SUBPROTOCOLS));
}

function bootPatch(v: unknown, path: string): Partial<BootSettings> {
  const o = obj(v, path);
  noOthers(o, path, ['status', 'interval', 'retryInterval']);
  const out: Partial<BootSettings> = {};
  if (o['status'] !== undefined) out.status = oneOf(o['status'], `${path}.status`, ['Accepted', 'Pending', 'Rejected'] as const);
  if (o['interval'] !== undefined) out.interval = int(o['interval'], `${path}.interval`, 0, 2_147_483_647);
  if (o['retryInterval'] !== undefined) out.retryInterval = int(o['retryInterval'], `${path}.retryInterval`, 0, 2_147_483_647);
  return out;
}

function idTokenEntry(v: unknown, path: string): IdTokenEntry {
  // Shorthand: `TAG1: Accepted`.
  if (typeof v === 'string') return { status: v };
  const o = obj(v, path);
  noOthers(o, path, ['status', 'expiryDate', 'parentIdTag', 'allowConcurrent']);
  const entry: IdTokenEntry = { status: o['status'] === undefined ? 'Accepted' : str(o['status'], `${path}.status`) };
  if (o['expiryDate'] !== undefined) {
    const d = str(o['expiryDate'], `${path}.expiryDate`);
    if (Number.isNaN(Date.parse(d))) fail(`${path}.expiryDate`, 'must be an ISO 8601 date-time');
    entry.expiryDate = new Date(d).toISOString();
  }
  if (o['parentIdTag'] !== undefined) entry.parentIdTag = str(o['parentIdTag'], `${path}.parentIdTag`);
  if (o['allowConcurrent'] !== undefined) entry.allowConcurrent = bool(o['allowConcurrent'], `${path}.allowConcurrent`);
  return entry;
}

/** A responder spec; shorthand strings `default` and `noAnswer` are accepted. */
export function parseResponder(v: unknown, path: string): ResponderSpec {
  if (v === 'default' || v === 'noAnswer') return { mode: v };
  const o = obj(v, path);
  noOthers(o, path, ['mode', 'payload', 'allowInvalid', 'code', 'description', 'details', 'delayMs', 'version']);
  const mode = oneOf(o['mode'], `${path}.mode`, ['default', 'fixed', 'error', 'noAnswer'] as const);
  const spec: ResponderSpec = { mode };
  if (mode === 'fixed') spec.payload = obj(o['payload'], `${path}.payload`);
  else if (o['payload'] !== undefined) fail(`${path}.payload`, 'is only for mode "fixed"');
  if (o['allowInvalid'] !== undefined) spec.allowInvalid = bool(o['allowInvalid'], `${path}.allowInvalid`);
  if (mode === 'error') {
    spec.code = str(o['code'], `${path}.code`);
    if (spec.code === '') fail(`${path}.code`, 'must not be empty');
    if (o['description'] !== undefined) spec.description = str(o['description'], `${path}.description`);
    if (o['details'] !== undefined) spec.details = obj(o['details'], `${path}.details`);
  } else if (o['code'] !== undefined) {
    fail(`${path}.code`, 'is only for mode "error"');
  }
  if (o['delayMs'] !== undefined) spec.delayMs = int(o['delayMs'], `${path}.delayMs`, 0, 24 * 3600 * 1000);
  if (o['version'] !== undefined) {
    if (!isOcppVersion(o['version'])) fail(`${path}.version`, 'must be "1.6", "2.0.1" or "2.1"');
    spec.version = o['version'];
  }
  return spec;
}

function responderMap(v: unknown, path: string): Record<string, ResponderSpec> {
  const o = obj(v, path);
  const out: Record<string, ResponderSpec> = {};
  for (const [action, spec] of Object.entries(o)) out[action] = parseResponder(spec, `${path}.${action}`);
  return out;
}

function chargerSettings(v: unknown, path: string): ChargerSettings {
  const o = obj(v, path);
  noOthers(o, path, ['password', 'passwordHex', 'boot', 'subprotocols', 'responders']);
  const out: ChargerSettings = {};
  if (o['password'] !== undefined) out.password = str(o['password'], `${path}.password`);
  if (o['passwordHex'] !== undefined) {
    const hex = str(o['passwordHex'], `${path}.passwordHex`);
    if (!/^([0-9a-fA-F]{2})+$/.test(hex)) fail(`${path}.passwordHex`, 'must be an even number of hex digits');
    out.passwordHex = hex.toLowerCase();
  }
  if (o['boot'] !== undefined) out.boot = bootPatch(o['boot'], `${path}.boot`);
  if (o['subprotocols'] !== undefined) out.subprotocols = subprotocolList(o['subprotocols'], `${path}.subprotocols`);
  if (o['responders'] !== undefined) out.responders = responderMap(o['responders'], `${path}.responders`);
  return out;
}

function dataTransferPatch(v: unknown, path: string, base: DataTransferSettings): DataTransferSettings {
  const o = obj(v, path);
  noOthers(o, path, ['status', 'data', 'vendors']);
  const statuses = ['Accepted', 'Rejected', 'UnknownMessageId', 'UnknownVendorId'] as const;
  const out: DataTransferSettings = { ...base };
  if (o['status'] !== undefined) out.status = oneOf(o['status'], `${path}.status`, statuses);
  if (o['data'] !== undefined) out.data = str(o['data'], `${path}.data`);
  if (o['vendors'] !== undefined) {
    const vendors: Record<string, { status: string; data?: string }> = { ...base.vendors };
    for (const [vendor, entry] of Object.entries(obj(o['vendors'], `${path}.vendors`))) {
      const p = `${path}.vendors.${vendor}`;
      const e = obj(entry, p);
      noOthers(e, p, ['status', 'data']);
      vendors[vendor] = { status: oneOf(e['status'], `${p}.status`, statuses), ...(e['data'] !== undefined ? { data: str(e['data'], `${p}.data`) } : {}) };
    }
    out.vendors = vendors;
  }
  return out;
}

function signCertificatePatch(v: unknown, path: string, base: SignCertificateSettings): SignCertificateSettings {
  const o = obj(v, path);
  noOthers(o, path, ['status', 'ca', 'validityDays', 'certificateChain', 'delayMs']);
  const out: SignCertificateSettings = { ...base };
  if (o['status'] !== undefined) out.status = oneOf(o['status'], `${path}.status`, ['Accepted', 'Rejected'] as const);
  if (o['certificateChain'] !== undefined) {
    const pem = str(o['certificateChain'], `${path}.certificateChain`);
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) fail(`${path}.certificateChain`, 'must be PEM (-----BEGIN CERTIFICATE-----…)');
    out.certificateChain = pem;
  }
  if (o['ca'] !== undefined) {
    if (o['ca'] === null) {
      delete out.ca;
    } else {
      const ca = obj(o['ca'], `${path}.ca`);
      noOthers(ca, `${path}.ca`, ['cert', 'key']);
      const cert = str(ca['cert'], `${path}.ca.cert`);
      const key = str(ca['key'], `${path}.ca.key`);
      if (!cert.includes('-----BEGIN CERTIFICATE-----')) fail(`${path}.ca.cert`, 'must be a PEM certificate');
      if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) fail(`${path}.ca.key`, 'must be a PEM private key');
      out.ca = { cert, key };
    }
  }
  if (o['validityDays'] !== undefined) out.validityDays = int(o['validityDays'], `${path}.validityDays`, 1, 36500);
  if (o['delayMs'] !== undefined) out.delayMs = int(o['delayMs'], `${path}.delayMs`, 0, 24 * 3600 * 1000);
  return out;
}

/**
 * Applies a partial settings object (from a file or the api) over `base` and returns the
 * result; `base` is not changed. Maps (idTokens, chargers, responders) are merged by key;
 * a key set to null removes it.
 */
export function mergeSettings(base: CsmsSettings, patch: unknown, where = 'settings'): CsmsSettings {
  if (patch === undefined || patch === null) return base;
  const p = obj(patch, where);
  const at = (key: string) => `${where}.${key}`;
  noOthers(p, where === 'settings' ? '' : where, TOP_KEYS);
  const out: CsmsSettings = { ...base };
  if (p['subprotocols'] !== undefined) out.subprotocols = subprotocolList(p['subprotocols'], at('subprotocols'));
  if (p['securityProfile'] !== undefined) {
    if (p['securityProfile'] === null) delete out.securityProfile;
    else out.securityProfile = int(p['securityProfile'], at('securityProfile'), 0, 3) as 0 | 1 | 2 | 3;
  }
  if (p['requireCertificateCn'] !== undefined) out.requireCertificateCn = bool(p['requireCertificateCn'], at('requireCertificateCn'));
  if (p['allowUnknownChargers'] !== undefined) out.allowUnknownChargers = bool(p['allowUnknownChargers'], at('allowUnknownChargers'));
  if (p['boot'] !== undefined) out.boot = { ...base.boot, ...bootPatch(p['boot'], at('boot')) };
  if (p['idTokens'] !== undefined) {
    const tokens = { ...base.idTokens };
    for (const [token, entry] of Object.entries(obj(p['idTokens'], at('idTokens')))) {
      if (entry === null) delete tokens[token];
      else tokens[token] = idTokenEntry(entry, `${at('idTokens')}.${token}`);
    }
    out.idTokens = tokens;
  }
  if (p['unknownIdToken'] !== undefined) out.unknownIdToken = str(p['unknownIdToken'], at('unknownIdToken'));
  if (p['concurrentTx'] !== undefined) {
    if (p['concurrentTx'] === null) delete out.concurrentTx;
    else out.concurrentTx = oneOf<ConcurrentTxPolicy>(p['concurrentTx'], at('concurrentTx'), ['authorize-and-start', 'start-only', 'allow']);
  }
  if (p['dataTransfer'] !== undefined) out.dataTransfer = dataTransferPatch(p['dataTransfer'], at('dataTransfer'), base.dataTransfer);
  if (p['signCertificate'] !== undefined) out.signCertificate = signCertificatePatch(p['signCertificate'], at('signCertificate'), base.signCertificate);
  if (p['timeScale'] !== undefined) {
    const t = p['timeScale'];
    if (typeof t !== 'number' || !(t > 0) || t > 1000) fail(at('timeScale'), 'must be a number above 0 and at most 1000');
    out.timeScale = t;
  }
  if (p['callTimeoutMs'] !== undefined) out.callTimeoutMs = int(p['callTimeoutMs'], at('callTimeoutMs'), 1, 24 * 3600 * 1000);
  if (p['chargers'] !== undefined) {
    const chargers = { ...base.chargers };
    for (const [id, entry] of Object.entries(obj(p['chargers'], at('chargers')))) {
      if (entry === null) {
        delete chargers[id];
        continue;
      }
      const parsed = chargerSettings(entry, `${at('chargers')}.${id}`);
      const previous = chargers[id];
      chargers[id] = previous === undefined ? parsed : mergeCharger(previous, parsed);
    }
    out.chargers = chargers;
  }
  if (p['responders'] !== undefined) {
    const responders = { ...base.responders };
    for (const [action, spec] of Object.entries(obj(p['responders'], at('responders')))) {
      if (spec === null) delete responders[action];
      else responders[action] = parseResponder(spec, `${at('responders')}.${action}`);
    }
    out.responders = responders;
  }
  return out;
}

function mergeCharger(previous: ChargerSettings, next: ChargerSettings): ChargerSettings {
  const out: ChargerSettings = { ...previous, ...next };
  if (previous.boot !== undefined || next.boot !== undefined) out.boot = { ...previous.boot, ...next.boot };
  if (previous.responders !== undefined || next.responders !== undefined) out.responders = { ...previous.responders, ...next.responders };
  return out;
}

/** Parses a settings file's text: JSON when it looks like JSON, YAML otherwise. */
export function parseSettingsText(text: string, source: string): unknown {
  try {
    return text.trimStart().startsWith('{') ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown);
  } catch (err) {
    throw new SettingsError(`${source} is not valid JSON or YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Reads a JSON or YAML settings file and merges it over the defaults. PEM material may be
 * given as files, relative to the settings file: signCertificate.caCertFile, caKeyFile and
 * certificateChainFile.
 */
export async function loadSettingsFile(path: string, base = defaultSettings()): Promise<CsmsSettings> {
  const text = await readFile(path, 'utf8');
  const content = parseSettingsText(text, path);
  if (content === null || content === undefined) return base;
  const sign = isObj(content) ? content['signCertificate'] : undefined;
  if (isObj(sign)) {
    const read = async (key: string): Promise<string | undefined> => {
      const file = sign[key];
      if (file === undefined) return undefined;
      if (typeof file !== 'string') throw new SettingsError(`${path}: signCertificate.${key} must be a file path`);
      delete sign[key];
      try {
        return await readFile(resolvePath(dirname(path), file), 'utf8');
      } catch (err) {
        throw new SettingsError(`${path}: cannot read signCertificate.${key} ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    const caCert = await read('caCertFile');
    const caKey = await read('caKeyFile');
    const chain = await read('certificateChainFile');
    if ((caCert === undefined) !== (caKey === undefined)) throw new SettingsError(`${path}: signCertificate.caCertFile and caKeyFile go together`);
    if (caCert !== undefined && caKey !== undefined) sign['ca'] = { cert: caCert, key: caKey };
    if (chain !== undefined) sign['certificateChain'] = chain;
  }
  try {
    return mergeSettings(base, content);
  } catch (err) {
    if (err instanceof SettingsError) throw new SettingsError(`${path}: ${err.message}`);
    throw err;
  }
}

/** The security profile in force: the explicit one, or what the TLS options and credentials imply. */
export function effectiveProfile(settings: CsmsSettings, tls: { enabled: boolean; clientCa: boolean }): 0 | 1 | 2 | 3 {
  if (settings.securityProfile !== undefined) return settings.securityProfile;
  if (tls.clientCa) return 3;
  const anyPassword = Object.values(settings.chargers).some((c) => c.password !== undefined || c.passwordHex !== undefined);
  if (tls.enabled) return anyPassword ? 2 : 0;
  return anyPassword ? 1 : 0;
}

/** Why the profile cannot work with these TLS options, or undefined when it can. */
export function checkProfile(profile: 0 | 1 | 2 | 3, tls: { enabled: boolean; clientCa: boolean }): string | undefined {
  if ((profile === 2 || profile === 3) && !tls.enabled) return `security profile ${profile} needs TLS: give a server certificate and key`;
  if (profile === 3 && !tls.clientCa) return 'security profile 3 needs a client CA to verify charger certificates';
  if (profile === 1 && tls.enabled) return 'security profile 1 is Basic auth without TLS; with TLS use profile 2';
  return undefined;
}
