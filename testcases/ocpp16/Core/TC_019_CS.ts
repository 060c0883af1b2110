// OCTT 1.6 TC_019_CS (§2.8.1) Retrieve configuration: the charger reports one key, all
// keys (with every required key of the profiles it supports, with the right accessibility),
// GetConfigurationMaxKeys, and as many keys as that allows in one request.
// OCPP 1.6 §5.8 GetConfiguration, §9.1–§9.4 (required keys and their accessibility).
import { defineCase } from '../../../engine/conformance/case';
import type { Harness } from '../../../engine/conformance/harness';
import { satisfies, some } from '../../../engine/conformance/matchers';

type Access = 'R' | 'RW' | 'R OR RW';

/** The tool validation of step 4: required keys per profile and their accessibility (§9.1–§9.4). */
const REQUIRED: Record<string, Record<string, Access>> = {
  Core: {
    AuthorizeRemoteTxRequests: 'R OR RW',
    ClockAlignedDataInterval: 'RW',
    ConnectionTimeOut: 'RW',
    ConnectorPhaseRotation: 'RW',
    GetConfigurationMaxKeys: 'R',
    HeartbeatInterval: 'RW',
    LocalAuthorizeOffline: 'RW',
    LocalPreAuthorize: 'RW',
    MeterValuesAlignedData: 'RW',
    MeterValuesSampledData: 'RW',
    MeterValueSampleInterval: 'RW',
    NumberOfConnectors: 'R',
    ResetRetries: 'RW',
    StopTransactionOnInvalidId: 'RW',
    StopTxnAlignedData: 'RW',
    StopTxnSampledData: 'RW',
    SupportedFeatureProfiles: 'R',
    TransactionMessageAttempts: 'RW',
    TransactionMessageRetryInterval: 'RW',
    UnlockConnectorOnEVSideDisconnect: 'R OR RW',
  },
  // The document leaves the optional profiles to a manual check "for now"; the keys are
  // required by OCPP 1.6 §9.2 and §9.4 all the same, so the bench checks them.
  LocalAuthListManagement: { LocalAuthListEnabled: 'RW', LocalAuthListMaxLength: 'R', SendLocalListMaxLength: 'R' },
  SmartCharging: { ChargeProfileMaxStackLevel: 'R', ChargingScheduleAllowedChargingRateUnit: 'R', ChargingScheduleMaxPeriods: 'R', MaxChargingProfilesInstalled: 'R' },
};

interface ConfigurationKey {
  key: string;
  readonly: boolean;
  value?: string;
}

const noUnknownKeys = satisfies('is empty', (v) => v === undefined || (Array.isArray(v) && v.length === 0));

function keysOf(payload: Record<string, unknown>): ConfigurationKey[] {
  return (payload['configurationKey'] as ConfigurationKey[] | undefined) ?? [];
}

function checkProfile(t: Harness, profile: string, reported: ConfigurationKey[]): void {
  const required = REQUIRED[profile];
  // Reservation and RemoteTrigger require no keys (the document: "None").
  if (required === undefined || Object.keys(required).length === 0) return;
  const problems: string[] = [];
  for (const [key, access] of Object.entries(required)) {
    const entry = reported.find((k) => k.key === key);
    if (entry === undefined) problems.push(`${key} is missing`);
    else if (access === 'R' && !entry.readonly) problems.push(`${key} is writable (expected read-only)`);
    else if (access === 'RW' && entry.readonly) problems.push(`${key} is read-only (expected read-write)`);
  }
  const names = Object.keys(required);
  t.check(
    `the ${profile} keys are all there with the right accessibility: ${names.map((k) => `${k} ${required[k]!}`).join(', ')}`,
    problems.length === 0,
    problems.join('; '),
  );
}

export default defineCase({
  id: 'TC_019_CS',
  title: 'Retrieve configuration',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_019_CS (§2.8.1)', 'OCPP 1.6 §5.8, §9.1, §9.2, §9.4'],
  description: 'The Central System retrieves one, all, and a batch of configuration keys; the charger has every key its supported profiles require.',
  proof: { behaviour: 'missing-required-key', step: 'Core keys' },
  async run(t) {
    // Steps 1–2: one key.
    const one = await t.send('GetConfiguration', { key: ['SupportedFeatureProfiles'] }, { unknownKey: noUnknownKeys, configurationKey: some({ key: 'SupportedFeatureProfiles' }) });
    const profilesValue = one.kind === 'result' ? keysOf(one.payload).find((k) => k.key === 'SupportedFeatureProfiles')?.value : undefined;
    const supported = (profilesValue ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    t.note(`The charger supports: ${supported.join(', ') || 'nothing it names'}`);

    // Steps 3–4: every key.
    const all = await t.send('GetConfiguration', {}, undefined, { says: 'Send GetConfiguration without keys (all keys)' });
    const reported = all.kind === 'result' ? keysOf(all.payload) : [];
    for (const profile of ['Core', ...supported.filter((p) => p !== 'Core')]) checkProfile(t, profile, reported);

    // Steps 5–6: how many keys one request may ask for.
    const max = await t.send('GetConfiguration', { key: ['GetConfigurationMaxKeys'] }, { configurationKey: some({ key: 'GetConfigurationMaxKeys' }) });
    const maxKeys = Number(max.kind === 'result' ? keysOf(max.payload).find((k) => k.key === 'GetConfigurationMaxKeys')?.value : undefined);
    t.require(`GetConfigurationMaxKeys is a positive number (it is ${String(maxKeys)})`, Number.isInteger(maxKeys) && maxKeys > 0);

    // Steps 7–8: a batch of keys from step 4, as many as allowed.
    const batch = reported.slice(0, Math.min(maxKeys, reported.length)).map((k) => k.key);
    const answer = await t.send('GetConfiguration', { key: batch }, { unknownKey: noUnknownKeys }, { says: `Send GetConfiguration for ${batch.length} of the keys it reported and expect no unknown keys` });
    const returned = new Set(answer.kind === 'result' ? keysOf(answer.payload).map((k) => k.key) : []);
    const missing = batch.filter((k) => !returned.has(k));
    t.check(`the answer contains every key requested (${batch.length})`, missing.length === 0, `missing: ${missing.join(', ')}`);
  },
});
