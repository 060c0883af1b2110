// The bench as a charger (CSMS under test): how it answers the CSMS by default, and how it
// keeps its own transactions and ends them after a case.
import { describe, expect, it } from 'vitest';
import { StandaloneCsms } from '../csms/server';
import { defineCase } from './case';
import { runConformance } from './runner';
import { mergeSettings } from './settings';
import { booted, csmsCharging, csmsSends } from './states16';
import { csmsSettingsFor, simulatedCsms } from './sut-simulated';
import { defaultToolAnswer, newToolMemory, recordToolTransaction } from './tool-responders';
import { TableDriver } from './drivers';

const settings = mergeSettings(undefined);

function answer(action: string, payload: Record<string, unknown>, memory = newToolMemory()) {
  const a = defaultToolAnswer('charger', '1.6', { action, payload, messageId: 'm1' }, settings, memory);
  return 'result' in a ? a.result : a;
}

describe('the tool charger (OCPP 1.6)', () => {
  it('reports every key OCTT TC_019_1_CSMS requires, with its accessibility, and single keys on request', () => {
    const all = answer('GetConfiguration', {}) as { configurationKey: Array<{ key: string; readonly: boolean; value?: string }> };
    const byKey = new Map(all.configurationKey.map((k) => [k.key, k]));
    const rw = ['ClockAlignedDataInterval', 'ConnectionTimeOut', 'ConnectorPhaseRotation', 'HeartbeatInterval', 'LocalAuthorizeOffline', 'LocalPreAuthorize', 'MeterValuesAlignedData', 'MeterValuesSampledData', 'MeterValueSampleInterval', 'ResetRetries', 'StopTransactionOnEVSideDisconnect', 'StopTransactionOnInvalidId', 'StopTxnAlignedData', 'StopTxnSampledData', 'TransactionMessageAttempts', 'TransactionMessageRetryInterval', 'UnlockConnectorOnEVSideDisconnect', 'LocalAuthListEnabled'];
    const r = ['GetConfigurationMaxKeys', 'NumberOfConnectors', 'SupportedFeatureProfiles', 'LocalAuthListMaxLength', 'SendLocalListMaxLength', 'ChargeProfileMaxStackLevel', 'ChargingScheduleAllowedChargingRateUnit', 'ChargingScheduleMaxPeriods', 'MaxChargingProfilesInstalled'];
    for (const key of rw) expect(byKey.get(key)?.readonly, key).toBe(false);
    for (const key of r) expect(byKey.get(key)?.readonly, key).toBe(true);
    expect(byKey.has('AuthorizeRemoteTxRequests')).toBe(true);
    expect(byKey.get('NumberOfConnectors')?.value).toBe(String(settings.connectors));
    expect(answer('GetConfiguration', { key: [] })).toEqual(all);
    expect(answer('GetConfiguration', { key: ['SupportedFeatureProfiles', 'Nope'] })).toEqual({
      configurationKey: [{ key: 'SupportedFeatureProfiles', readonly: true, value: expect.stringContaining('Core') }],
      unknownKey: ['Nope'],
    });
  });

  it('accepts good values, rejects bad ones and read-only keys, does not know unknown keys', () => {
    const memory = newToolMemory();
    expect(answer('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }, memory)).toEqual({ status: 'Accepted' });
    expect(answer('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '-1' }, memory)).toEqual({ status: 'Rejected' });
    expect(answer('ChangeConfiguration', { key: 'LocalPreAuthorize', value: 'maybe' }, memory)).toEqual({ status: 'Rejected' });
    expect(answer('ChangeConfiguration', { key: 'NumberOfConnectors', value: '3' }, memory)).toEqual({ status: 'Rejected' });
    expect(answer('ChangeConfiguration', { key: 'NoSuchKey', value: '1' }, memory)).toEqual({ status: 'NotSupported' });
    expect(memory.configuration.get('MeterValueSampleInterval')?.value).toBe('60');
  });

  it('unlocks its own connectors only and stops only the transactions it runs', () => {
    const memory = newToolMemory();
    expect(answer('UnlockConnector', { connectorId: settings.connectors })).toEqual({ status: 'Unlocked' });
    expect(answer('UnlockConnector', { connectorId: settings.connectors + 1 })).toEqual({ status: 'NotSupported' });
    recordToolTransaction(memory, 'StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 5 }, { transactionId: 42, idTagInfo: { status: 'Invalid' } });
    expect(memory.openTransactions.get(42)).toEqual({ connectorId: 1, idTag: 'T', meterStart: 5 });
    expect(answer('RemoteStopTransaction', { transactionId: 42 }, memory)).toEqual({ status: 'Accepted' });
    expect(answer('RemoteStopTransaction', { transactionId: 43 }, memory)).toEqual({ status: 'Rejected' });
    recordToolTransaction(memory, 'StopTransaction', { transactionId: 42, meterStop: 5, timestamp: '' }, {});
    expect(memory.openTransactions.size).toBe(0);
  });
});

describe('post-condition with the CSMS under test', () => {
  it('ends the transactions a case left running, so the CSMS has none open', { timeout: 20_000 }, async () => {
    let csms: StandaloneCsms | undefined;
    const leaveItRunning = defineCase({
      id: 'TC_LEAVE_RUNNING_CSMS',
      title: 'A case that leaves a transaction running',
      version: '1.6',
      sut: 'csms',
      profile: 'Core',
      specRefs: ['test'],
      proof: { behaviour: 'rejects-boot' },
      async run(t) {
        await booted(t);
        await csmsCharging(t);
      },
    });
    const report = await runConformance(
      { version: '1.6', sut: 'csms', simulate: true },
      {
        cases: [leaveItRunning],
        simulators: {
          csms: async ({ settings: s, version, timeScale }) => {
            csms = new StandaloneCsms({ host: '127.0.0.1', port: 0 });
            csms.updateSettings(csmsSettingsFor(s, version, timeScale));
            const { url } = await csms.start();
            return { url, operator: new TableDriver({}), stop: () => csms!.stop() };
          },
        },
      },
    );
    expect(report.cases[0]?.verdict).toBe('pass');
    const transactions = csms!.state(settings.chargePointId)?.transactions ?? [];
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toMatchObject({ state: 'ended' });
    // The stop is among the case's frames, and its report says why.
    expect(report.cases[0]?.frames.some((f) => f.text.includes('"StopTransaction"'))).toBe(true);
    expect(report.cases[0]?.steps.at(-1)?.text).toMatch(/^Post-condition: the charger ends transaction \d+, which the case left running/);
  });
});

describe('manual actions on the built-in CSMS', () => {
  const clearCache = defineCase({
    id: 'TC_CLEAR_CACHE_CSMS',
    title: 'The CSMS sends ClearCache',
    version: '1.6',
    sut: 'csms',
    profile: 'Core',
    specRefs: ['test'],
    proof: { behaviour: 'no-command:ClearCache' },
    async run(t) {
      await booted(t);
      await csmsSends(t, 'ClearCache', { words: 'Make the CSMS send ClearCache', payload: {} });
    },
  });

  it('are done by the CSMS, and a refusal fails the operator step at once with the reason', { timeout: 20_000 }, async () => {
    const run = (behaviour?: string) =>
      runConformance({ version: '1.6', sut: 'csms', simulate: true, ...(behaviour !== undefined ? { behaviour } : {}) }, { cases: [clearCache], simulators: { csms: simulatedCsms } });
    expect((await run()).cases[0]?.verdict).toBe('pass');
    const started = performance.now();
    const failed = (await run('no-command:ClearCache')).cases[0]!;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(failed.verdict).toBe('fail');
    const step = failed.steps.find((s) => s.verdict === 'fail');
    expect(step?.text).toBe('Operator: Make the CSMS send ClearCache');
    expect(step?.actual).toMatch(/cannot send ClearCache \(faulty behaviour no-command:ClearCache\)/);
  });
});
