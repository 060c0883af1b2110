// OCPP 1.6 configuration keys of the simulated charge point: definitions (accessibility,
// type, range, which feature profile they belong to), values, and the checks that decide
// the ChangeConfiguration status.
//
// OCPP 1.6 §9.1–9.4 (standard keys), §5.3 (Accepted / Rejected / RebootRequired /
// NotSupported), §5.8 (GetConfiguration: unknown keys in unknownKey), §3.16.4 (unsupported
// measurands → Rejected); security whitepaper ed. 3 §7 (AuthorizationKey is write-only,
// SecurityProfile can only go up, A05.FR.01–04).
import type { Profile16 } from '../../ocpp/catalog';
import { parseMeasurandList } from '../meter';

export type KeyAccess = 'R' | 'RW' | 'W';
export type KeyType = 'boolean' | 'integer' | 'measurands' | 'csl' | 'string';

export interface KeyDefinition {
  key: string;
  access: KeyAccess;
  type: KeyType;
  profile: Profile16;
  min?: number;
  max?: number;
  /** For CSL keys: the key holding the maximum number of items. */
  maxLengthKey?: string;
  /** Allowed values of a CSL key. */
  allowed?: readonly string[];
  /** Extra check; returns why the value is refused. */
  check?: (value: string) => string | undefined;
}

const INT_MAX = 2_147_483_647;

export const KEY_DEFINITIONS: readonly KeyDefinition[] = [
  // §9.1 Core
  { key: 'AllowOfflineTxForUnknownId', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'AuthorizationCacheEnabled', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'AuthorizeRemoteTxRequests', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'BlinkRepeat', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: 100 },
  { key: 'ClockAlignedDataInterval', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: 86_400 },
  { key: 'ConnectionTimeOut', access: 'RW', type: 'integer', profile: 'Core', min: 1, max: INT_MAX },
  {
    key: 'ConnectorPhaseRotation',
    access: 'RW',
    type: 'csl',
    profile: 'Core',
    maxLengthKey: 'ConnectorPhaseRotationMaxLength',
    check: (v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .every((s) => /^(\d+\.)?(NotApplicable|Unknown|RST|RTS|SRT|STR|TRS|TSR)$/.test(s))
        ? undefined
        : 'expected entries like 1.RST or NotApplicable',
  },
  { key: 'ConnectorPhaseRotationMaxLength', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'GetConfigurationMaxKeys', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'HeartbeatInterval', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: INT_MAX },
  { key: 'LightIntensity', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: 100 },
  { key: 'LocalAuthorizeOffline', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'LocalPreAuthorize', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'MaxEnergyOnInvalidId', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: INT_MAX },
  { key: 'MeterValuesAlignedData', access: 'RW', type: 'measurands', profile: 'Core', maxLengthKey: 'MeterValuesAlignedDataMaxLength' },
  { key: 'MeterValuesAlignedDataMaxLength', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'MeterValuesSampledData', access: 'RW', type: 'measurands', profile: 'Core', maxLengthKey: 'MeterValuesSampledDataMaxLength' },
  { key: 'MeterValuesSampledDataMaxLength', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'MeterValueSampleInterval', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: INT_MAX },
  { key: 'MinimumStatusDuration', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: INT_MAX },
  { key: 'NumberOfConnectors', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'ResetRetries', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: 100 },
  { key: 'StopTransactionOnEVSideDisconnect', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'StopTransactionOnInvalidId', access: 'RW', type: 'boolean', profile: 'Core' },
  { key: 'StopTxnAlignedData', access: 'RW', type: 'measurands', profile: 'Core', maxLengthKey: 'StopTxnAlignedDataMaxLength' },
  { key: 'StopTxnAlignedDataMaxLength', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'StopTxnSampledData', access: 'RW', type: 'measurands', profile: 'Core', maxLengthKey: 'StopTxnSampledDataMaxLength' },
  { key: 'StopTxnSampledDataMaxLength', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'SupportedFeatureProfiles', access: 'R', type: 'csl', profile: 'Core' },
  { key: 'SupportedFeatureProfilesMaxLength', access: 'R', type: 'integer', profile: 'Core' },
  { key: 'SupportedFileTransferProtocols', access: 'R', type: 'csl', profile: 'Core' },
  { key: 'TransactionMessageAttempts', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: 100 },
  { key: 'TransactionMessageRetryInterval', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: INT_MAX },
  { key: 'UnlockConnectorOnEVSideDisconnect', access: 'RW', type: 'boolean', profile: 'Core' },
  // A negative ping interval is "not allowed" (§9.1.34).
  { key: 'WebSocketPingInterval', access: 'RW', type: 'integer', profile: 'Core', min: 0, max: INT_MAX },
  // §9.2 Local Auth List Management
  { key: 'LocalAuthListEnabled', access: 'RW', type: 'boolean', profile: 'LocalAuthListManagement' },
  { key: 'LocalAuthListMaxLength', access: 'R', type: 'integer', profile: 'LocalAuthListManagement' },
  { key: 'SendLocalListMaxLength', access: 'R', type: 'integer', profile: 'LocalAuthListManagement' },
  // §9.3 Reservation
  { key: 'ReserveConnectorZeroSupported', access: 'R', type: 'boolean', profile: 'Reservation' },
  // §9.4 Smart Charging
  { key: 'ChargeProfileMaxStackLevel', access: 'R', type: 'integer', profile: 'SmartCharging' },
  { key: 'ChargingScheduleAllowedChargingRateUnit', access: 'R', type: 'csl', profile: 'SmartCharging' },
  { key: 'ChargingScheduleMaxPeriods', access: 'R', type: 'integer', profile: 'SmartCharging' },
  { key: 'ConnectorSwitch3to1PhaseSupported', access: 'R', type: 'boolean', profile: 'SmartCharging' },
  { key: 'MaxChargingProfilesInstalled', access: 'R', type: 'integer', profile: 'SmartCharging' },
  // Security whitepaper ed. 3 §7
  { key: 'AdditionalRootCertificateCheck', access: 'R', type: 'boolean', profile: 'Security' },
  {
    key: 'AuthorizationKey',
    access: 'W',
    type: 'string',
    profile: 'Security',
    // A00.FR.205: at least 16 bytes; up to 40 hexadecimal digits (20 bytes).
    check: (v) => (v.length >= 16 && v.length <= 40 ? undefined : 'must be 16 to 40 characters'),
  },
  { key: 'CertificateSignedMaxChainSize', access: 'R', type: 'integer', profile: 'Security' },
  { key: 'CertificateStoreMaxLength', access: 'R', type: 'integer', profile: 'Security' },
  { key: 'CpoName', access: 'RW', type: 'string', profile: 'Security' },
  { key: 'SecurityProfile', access: 'RW', type: 'integer', profile: 'Security', min: 0, max: 3 },
];

const BY_KEY = new Map(KEY_DEFINITIONS.map((d) => [d.key.toLowerCase(), d]));

export function defaultValues(connectors: number, profiles: readonly Profile16[], securityProfile: number): Record<string, string> {
  const phaseRotation = Array.from({ length: connectors }, (_, i) => `${i + 1}.RST`).join(',');
  return {
    AllowOfflineTxForUnknownId: 'false',
    AuthorizationCacheEnabled: 'true',
    AuthorizeRemoteTxRequests: 'false',
    BlinkRepeat: '3',
    ClockAlignedDataInterval: '0',
    ConnectionTimeOut: '60',
    ConnectorPhaseRotation: phaseRotation,
    ConnectorPhaseRotationMaxLength: String(connectors + 1),
    GetConfigurationMaxKeys: '100',
    HeartbeatInterval: '300',
    LightIntensity: '100',
    LocalAuthorizeOffline: 'true',
    LocalPreAuthorize: 'false',
    MaxEnergyOnInvalidId: '0',
    MeterValuesAlignedData: 'Energy.Active.Import.Register',
    MeterValuesAlignedDataMaxLength: '10',
    MeterValuesSampledData: 'Energy.Active.Import.Register',
    MeterValuesSampledDataMaxLength: '10',
    MeterValueSampleInterval: '60',
    MinimumStatusDuration: '0',
    NumberOfConnectors: String(connectors),
    ResetRetries: '1',
    StopTransactionOnEVSideDisconnect: 'true',
    StopTransactionOnInvalidId: 'true',
    StopTxnAlignedData: '',
    StopTxnAlignedDataMaxLength: '10',
    StopTxnSampledData: '',
    StopTxnSampledDataMaxLength: '10',
    // The key lists the §3 profiles only; Security is the whitepaper's extension.
    SupportedFeatureProfiles: profiles.filter((p) => p !== 'Security').join(','),
    SupportedFeatureProfilesMaxLength: '6',
    SupportedFileTransferProtocols: 'FTP,FTPS,HTTP,HTTPS,SFTP',
    TransactionMessageAttempts: '3',
    TransactionMessageRetryInterval: '60',
    UnlockConnectorOnEVSideDisconnect: 'true',
    WebSocketPingInterval: '0',
    LocalAuthListEnabled: 'true',
    LocalAuthListMaxLength: '100',
    SendLocalListMaxLength: '50',
    ReserveConnectorZeroSupported: 'true',
    ChargeProfileMaxStackLevel: '8',
    ChargingScheduleAllowedChargingRateUnit: 'Current,Power',
    ChargingScheduleMaxPeriods: '24',
    ConnectorSwitch3to1PhaseSupported: 'false',
    MaxChargingProfilesInstalled: '16',
    AdditionalRootCertificateCheck: 'false',
    AuthorizationKey: '',
    CertificateSignedMaxChainSize: '10000',
    CertificateStoreMaxLength: '10',
    CpoName: '',
    SecurityProfile: String(securityProfile),
  };
}

export type ChangeStatus = 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';

export class Configuration16 {
  private readonly values = new Map<string, string>();
  private readonly definitions: KeyDefinition[];

  constructor(profiles: readonly Profile16[], initial: Record<string, string>) {
    this.definitions = KEY_DEFINITIONS.filter((d) => profiles.includes(d.profile));
    for (const d of this.definitions) this.values.set(d.key, initial[d.key] ?? '');
  }

  definition(key: string): KeyDefinition | undefined {
    const d = BY_KEY.get(key.toLowerCase());
    return d !== undefined && this.definitions.includes(d) ? d : undefined;
  }

  has(key: string): boolean {
    return this.definition(key) !== undefined;
  }

  get(key: string): string {
    const d = this.definition(key);
    return d === undefined ? '' : (this.values.get(d.key) ?? '');
  }

  bool(key: string): boolean {
    return this.get(key).toLowerCase() === 'true';
  }

  int(key: string, fallback = 0): number {
    const n = Number.parseInt(this.get(key), 10);
    return Number.isFinite(n) ? n : fallback;
  }

  /** Sets a value without checks (initial settings, the charger's own updates). */
  set(key: string, value: string): void {
    const d = this.definition(key);
    if (d !== undefined) this.values.set(d.key, value);
  }

  /** Keys as GetConfiguration reports them: all when none are asked for, unknown ones apart. */
  report(keys?: readonly string[]): { configurationKey: Array<{ key: string; readonly: boolean; value?: string }>; unknownKey: string[] } {
    const known: Array<{ key: string; readonly: boolean; value?: string }> = [];
    const unknown: string[] = [];
    const wanted = keys === undefined || keys.length === 0 ? this.definitions.map((d) => d.key) : keys;
    for (const key of wanted) {
      const d = this.definition(key);
      if (d === undefined) {
        unknown.push(key);
        continue;
      }
      // A write-only key is listed without its value (WP §7.2).
      known.push(d.access === 'W' ? { key: d.key, readonly: false } : { key: d.key, readonly: d.access === 'R', value: this.values.get(d.key) ?? '' });
    }
    return { configurationKey: known, unknownKey: unknown };
  }

  /** Why `value` cannot be stored in `key`, or undefined; the status for the answer. */
  check(key: string, value: string): { status: ChangeStatus; reason?: string } {
    const d = this.definition(key);
    if (d === undefined) return { status: 'NotSupported', reason: `${key} is not a configuration key of this charge point` };
    if (d.access === 'R') return { status: 'Rejected', reason: `${d.key} is read-only` };
    switch (d.type) {
      case 'boolean':
        if (!/^(true|false)$/i.test(value)) return { status: 'Rejected', reason: `${d.key} takes true or false` };
        break;
      case 'integer': {
        if (!/^-?\d+$/.test(value.trim())) return { status: 'Rejected', reason: `${d.key} takes an integer` };
        const n = Number(value);
        if ((d.min !== undefined && n < d.min) || (d.max !== undefined && n > d.max)) {
          return { status: 'Rejected', reason: `${d.key} must be from ${d.min ?? '-∞'} to ${d.max ?? '∞'}` };
        }
        break;
      }
      case 'measurands': {
        const { unsupported, ok } = parseMeasurandList(value);
        if (unsupported.length > 0) return { status: 'Rejected', reason: `unsupported measurand(s): ${unsupported.join(', ')}` };
        if (d.maxLengthKey !== undefined && ok.length > this.int(d.maxLengthKey, 1)) return { status: 'Rejected', reason: `more than ${this.int(d.maxLengthKey, 1)} items` };
        break;
      }
      case 'csl':
        if (d.maxLengthKey !== undefined && value.split(',').filter((s) => s.trim() !== '').length > this.int(d.maxLengthKey, 1)) {
          return { status: 'Rejected', reason: `more than ${this.int(d.maxLengthKey, 1)} items` };
        }
        break;
      case 'string':
        break;
    }
    const extra = d.check?.(value);
    if (extra !== undefined) return { status: 'Rejected', reason: `${d.key}: ${extra}` };
    return { status: 'Accepted' };
  }

  /** Key and value pairs for state reports (write-only values hidden). */
  entries(): Array<{ key: string; readonly: boolean; value?: string }> {
    return this.definitions.map((d) => (d.access === 'W' ? { key: d.key, readonly: false } : { key: d.key, readonly: d.access === 'R', value: this.values.get(d.key) ?? '' }));
  }
}
