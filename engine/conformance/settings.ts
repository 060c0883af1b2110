// SUT settings: what the system under test is and declares (a PICS-like declaration that
// selects which cases apply), the values cases use ("<Configured Valid IdTag>"…) and the
// timeouts. Read from JSON or YAML; every field has a default so a minimal file works.
// Documented in docs/sut-settings.md.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ApiError } from '../../api/errors';

export interface IdTags {
  /** Accepted by the CSMS ("<Configured Valid IdTag>"). */
  valid: string;
  /** A second valid tag, for cases that need two drivers. */
  valid2: string;
  /** Unknown to the CSMS: Invalid. */
  invalid: string;
  blocked: string;
  expired: string;
  /** Parent id tag of `valid` and `valid2` (group authorisation). */
  parent: string;
}

/**
 * The values of the Smart Charging cases (OCTT 1.6 §2.22, §3.19): the "<Configured …>" fields
 * of the profiles the bench sends (SUT = charger) or expects the CSMS to send (SUT = CSMS).
 */
export interface SmartChargingSettings {
  /** "<Configured chargingRateUnit>": A or W. In W, the limits of the document's profiles are multiplied by 1000. */
  chargingRateUnit: 'A' | 'W';
  /** "<Configured numberPhases>". */
  numberPhases: number;
  /** "<Configured StackLevel>". */
  stackLevel: number;
  /** "<Configured duration>" of a profile and of the composite schedule asked for; also TC_066_CSMS's "<Configured Charging Schedule Duration>". Seconds. */
  duration: number;
  /** "<Configured Max Time Deviation>": how far the charger's clock may be off; profiles start that many seconds ago. Seconds. */
  maxTimeDeviation: number;
  /**
   * The charger's own limit when no profile applies, in `chargingRateUnit` (TC_067_CS "<The
   * local limit of the Charging Station>"). Default 32 A, or 22080 W (32 A on three phases at 230 V).
   */
  localLimit: number;
}

export interface SutSettings {
  /** A name for reports. */
  name: string;
  chargePointId: string;
  vendor: string;
  model: string;
  /** Basic-auth password (security profile 1/2); the AuthorizationKey in 1.6. */
  password?: string;
  connectors: number;
  /** "<Configured ConnectorId>": the connector cases use. */
  connectorId: number;
  idTags: IdTags;
  /** Declared 1.6 feature profiles or 2.x functional blocks. Cases of undeclared ones are not applicable. */
  profiles: string[];
  /** Optional features the SUT declares (e.g. `ReserveConnectorZeroSupported`, `FixedCable`, `LocalAuthListManagement`…). */
  features: string[];
  /** "<Configured Heartbeat interval>" in seconds. */
  heartbeatInterval: number;
  /** "<Configured Meter Value interval>" in seconds. */
  meterValueSampleInterval: number;
  clockAlignedDataInterval: number;
  /** "<Configured ConnectionTimeOut>" in seconds. */
  connectionTimeOut: number;
  /** "<Configured Transaction Duration>" in seconds: how long a case watches for a transaction that must not start (TC_041_CS). */
  transactionDuration: number;
  /** "<Configured Reservation Expiry Date Offset>" in seconds: how far ahead a reservation expires (TC_047_CS, TC_047_CSMS). */
  reservationExpiryOffset: number;
  /** Configuration keys the SUT is expected to have, with values cases may rely on. */
  configuration: Record<string, string>;
  smartCharging: SmartChargingSettings;
  /** Firmware and diagnostics locations cases hand to the SUT. */
  firmwareUrl: string;
  /** Where the tester puts a firmware file the charger does not support ("<The location of a NOT supported file>", TC_044_3_CS). */
  unsupportedFirmwareUrl: string;
  diagnosticsUrl: string;
  /** Seconds. `message`: how long to wait for a message the spec says comes promptly. */
  timeouts: { message: number; operator: number; case: number };
  /** TLS toward the SUT (bench as charger) or for the bench's listener (bench as CSMS), as PEM file paths. */
  tls?: { ca?: string; cert?: string; key?: string; clientCa?: string };
  /** Security profile the SUT is configured for (0 = none, 1 basic auth, 2 TLS + basic auth, 3 mTLS). */
  securityProfile: number;
  /** Test data of the security cases (OCTT 1.6 §2.24, §3.21); the bench makes what is not given. */
  security?: SecurityTestData;
}

/** Security test data: PEM file paths, except the signature (base64) and the log location (URL). */
export interface SecurityTestData {
  /** The Central System root certificate "in the tool's store" (TC_075_2, CertificateInstalled); default tls.ca, else the bench's own root. */
  centralSystemRootCertificate?: string;
  /** The manufacturer root certificate "in the tool's store" (TC_075_1). */
  manufacturerRootCertificate?: string;
  /** The certificate that verifies the firmware at firmwareUrl, and the signature over it (TC_080, TC_081). */
  firmwareSigningCertificate?: string;
  firmwareSignature?: string;
  /** "<Configured log location>" for the security log (TC_079); default diagnosticsUrl. */
  logLocation?: string;
}

const SECURITY_KEYS: ReadonlyArray<keyof SecurityTestData> = ['centralSystemRootCertificate', 'manufacturerRootCertificate', 'firmwareSigningCertificate', 'firmwareSignature', 'logLocation'];

export const DEFAULT_SETTINGS: SutSettings = {
  name: 'system under test',
  chargePointId: 'CP-UNDER-TEST',
  vendor: 'OCPP Bench',
  model: 'Simulated',
  connectors: 2,
  connectorId: 1,
  idTags: { valid: 'VALID-TAG-1', valid2: 'VALID-TAG-2', invalid: 'INVALID-TAG', blocked: 'BLOCKED-TAG', expired: 'EXPIRED-TAG', parent: 'PARENT-TAG' },
  profiles: ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger', 'Security'],
  features: [],
  heartbeatInterval: 30,
  meterValueSampleInterval: 10,
  clockAlignedDataInterval: 30,
  connectionTimeOut: 30,
  transactionDuration: 10,
  reservationExpiryOffset: 10,
  configuration: {},
  smartCharging: { chargingRateUnit: 'A', numberPhases: 3, stackLevel: 0, duration: 300, maxTimeDeviation: 5, localLimit: 32 },
  firmwareUrl: 'ftp://firmware.example.com/firmware.bin',
  unsupportedFirmwareUrl: 'ftp://firmware.example.com/unsupported.bin',
  diagnosticsUrl: 'ftp://diagnostics.example.com/upload',
  timeouts: { message: 30, operator: 300, case: 600 },
  securityProfile: 0,
};

export function mergeSettings(partial: Record<string, unknown> | undefined, origin = 'settings'): SutSettings {
  const base = structuredClone(DEFAULT_SETTINGS);
  if (partial === undefined) return base;
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    throw new ApiError('bad-args', `${origin}: the settings must be an object`);
  }
  const known = new Set(Object.keys(DEFAULT_SETTINGS).concat(['password', 'tls', 'security']));
  for (const key of Object.keys(partial)) {
    if (!known.has(key)) throw new ApiError('bad-args', `${origin}: unknown setting "${key}" (known: ${[...known].sort().join(', ')})`);
  }
  const out = { ...base, ...partial } as SutSettings;
  out.idTags = { ...base.idTags, ...((partial['idTags'] as Partial<IdTags> | undefined) ?? {}) };
  out.timeouts = { ...base.timeouts, ...((partial['timeouts'] as Partial<SutSettings['timeouts']> | undefined) ?? {}) };
  out.configuration = { ...((partial['configuration'] as Record<string, string> | undefined) ?? {}) };
  out.smartCharging = mergeSmartCharging(partial['smartCharging'], origin);
  if (partial['security'] !== undefined) out.security = checkSecurity(partial['security'], origin);
  check(typeof out.chargePointId === 'string' && out.chargePointId !== '', origin, 'chargePointId must be a non-empty string');
  check(Number.isInteger(out.connectors) && out.connectors >= 1, origin, 'connectors must be a positive integer');
  check(Number.isInteger(out.connectorId) && out.connectorId >= 1 && out.connectorId <= out.connectors, origin, `connectorId must be between 1 and connectors (${out.connectors})`);
  check(Array.isArray(out.profiles) && out.profiles.every((p) => typeof p === 'string'), origin, 'profiles must be a list of names');
  check(Array.isArray(out.features) && out.features.every((p) => typeof p === 'string'), origin, 'features must be a list of names');
  for (const key of ['heartbeatInterval', 'meterValueSampleInterval', 'clockAlignedDataInterval', 'connectionTimeOut', 'transactionDuration', 'reservationExpiryOffset'] as const) {
    check(typeof out[key] === 'number' && out[key] > 0, origin, `${key} must be a positive number of seconds`);
  }
  for (const [key, value] of Object.entries(out.timeouts)) {
    check(typeof value === 'number' && value > 0, origin, `timeouts.${key} must be a positive number of seconds`);
  }
  for (const [key, value] of Object.entries(out.idTags)) {
    check(typeof value === 'string' && value.length > 0 && value.length <= 20, origin, `idTags.${key} must be a string of 1 to 20 characters (CiString20Type)`);
  }
  return out;
}

function checkSecurity(given: unknown, origin: string): SecurityTestData {
  check(typeof given === 'object' && given !== null && !Array.isArray(given), origin, 'security must be an object');
  for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
    check((SECURITY_KEYS as readonly string[]).includes(key), origin, `unknown setting "security.${key}" (known: ${SECURITY_KEYS.join(', ')})`);
    check(typeof value === 'string' && value !== '', origin, `security.${key} must be a non-empty string`);
  }
  return { ...(given as SecurityTestData) };
}

function mergeSmartCharging(partial: unknown, origin: string): SmartChargingSettings {
  if (partial === undefined) return { ...DEFAULT_SETTINGS.smartCharging };
  check(typeof partial === 'object' && partial !== null && !Array.isArray(partial), origin, 'smartCharging must be an object');
  const given = partial as Partial<SmartChargingSettings>;
  const known = Object.keys(DEFAULT_SETTINGS.smartCharging);
  for (const key of Object.keys(given)) check(known.includes(key), origin, `unknown setting "smartCharging.${key}" (known: ${known.join(', ')})`);
  const out = { ...DEFAULT_SETTINGS.smartCharging, ...given };
  check(out.chargingRateUnit === 'A' || out.chargingRateUnit === 'W', origin, 'smartCharging.chargingRateUnit must be A or W');
  // The default local limit follows the unit: 32 A, or the same in W on three phases at 230 V.
  if (given.localLimit === undefined && out.chargingRateUnit === 'W') out.localLimit = 32 * 230 * 3;
  check(Number.isInteger(out.numberPhases) && out.numberPhases >= 1 && out.numberPhases <= 3, origin, 'smartCharging.numberPhases must be 1, 2 or 3');
  check(Number.isInteger(out.stackLevel) && out.stackLevel >= 0, origin, 'smartCharging.stackLevel must be a whole number, 0 or more');
  check(Number.isInteger(out.duration) && out.duration > 0, origin, 'smartCharging.duration must be a positive whole number of seconds');
  check(typeof out.maxTimeDeviation === 'number' && out.maxTimeDeviation >= 0, origin, 'smartCharging.maxTimeDeviation must be a number of seconds, 0 or more');
  check(typeof out.localLimit === 'number' && out.localLimit > 0, origin, 'smartCharging.localLimit must be a positive number');
  return out;
}

export async function loadSettings(path: string): Promise<SutSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ApiError('io', `Cannot read SUT settings ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new ApiError('bad-args', `SUT settings ${path} are not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(err as Error).message}`);
  }
  return mergeSettings(value as Record<string, unknown>, path);
}

function check(ok: boolean, origin: string, message: string): void {
  if (!ok) throw new ApiError('bad-args', `${origin}: ${message}`);
}
