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
}

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
  const known = new Set(Object.keys(DEFAULT_SETTINGS).concat(['password', 'tls']));
  for (const key of Object.keys(partial)) {
    if (!known.has(key)) throw new ApiError('bad-args', `${origin}: unknown setting "${key}" (known: ${[...known].sort().join(', ')})`);
  }
  const out = { ...base, ...partial } as SutSettings;
  out.idTags = { ...base.idTags, ...((partial['idTags'] as Partial<IdTags> | undefined) ?? {}) };
  out.timeouts = { ...base.timeouts, ...((partial['timeouts'] as Partial<SutSettings['timeouts']> | undefined) ?? {}) };
  out.configuration = { ...((partial['configuration'] as Record<string, string> | undefined) ?? {}) };
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
