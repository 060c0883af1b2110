import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf } from '../testing/playbook';
import { sameValue } from './configuration';

const OCPP = { name: 'OCPPCommCtrlr' };
const INTERVAL = { name: 'HeartbeatInterval' };

describe('state.configuration-disagrees', () => {
  it('flags a 1.6 GetConfiguration that contradicts an accepted ChangeConfiguration', () => {
    const p = booted(playbook('1.6'));
    p.exchange('csms', 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }, { status: 'Accepted' });
    p.exchange('csms', 'GetConfiguration', { key: ['MeterValueSampleInterval'] }, { configurationKey: [{ key: 'MeterValueSampleInterval', readonly: false, value: '300' }] });
    expect(ofRule(p.finish(1), 'state.configuration-disagrees')).toMatchObject([{ seq: 5, path: '/configurationKey/0/value' }]);
  });

  it('flags a 2.x GetVariables and NotifyReport that contradict an accepted SetVariables', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('csms', 'SetVariables', { setVariableData: [{ component: OCPP, variable: INTERVAL, attributeValue: '60' }] }, { setVariableResult: [{ attributeStatus: 'Accepted', component: OCPP, variable: INTERVAL }] });
    p.exchange('csms', 'GetVariables', { getVariableData: [{ component: OCPP, variable: INTERVAL }] }, { getVariableResult: [{ attributeStatus: 'Accepted', component: OCPP, variable: INTERVAL, attributeValue: '300' }] });
    p.exchange('cp', 'NotifyReport', { requestId: 1, generatedAt: '2025-01-01T00:00:00Z', seqNo: 0, reportData: [{ component: OCPP, variable: INTERVAL, variableAttribute: [{ value: '300' }] }] });
    expect(ofRule(p.finish(1), 'state.configuration-disagrees').map((f) => [f.seq, f.path])).toEqual([
      [5, '/getVariableResult/0/attributeValue'],
      [6, '/reportData/0/variableAttribute/0/value'],
    ]);
  });

  it('accepts equal values written differently, RebootRequired changes and rejected ones', () => {
    const p = booted(playbook('1.6'));
    p.exchange('csms', 'ChangeConfiguration', { key: 'LocalAuthorizeOffline', value: 'true' }, { status: 'Accepted' });
    p.exchange('csms', 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '60' }, { status: 'RebootRequired' });
    p.exchange('csms', 'ChangeConfiguration', { key: 'ConnectionTimeOut', value: '9999' }, { status: 'Rejected' });
    p.exchange(
      'csms',
      'GetConfiguration',
      {},
      {
        configurationKey: [
          { key: 'LocalAuthorizeOffline', readonly: false, value: 'True' },
          { key: 'HeartbeatInterval', readonly: false, value: '300' },
          { key: 'ConnectionTimeOut', readonly: false, value: '60' },
        ],
      },
    );
    expect(rulesOf(p.finish(1))).not.toContain('state.configuration-disagrees');
  });

  it('compares numbers, booleans and lists leniently', () => {
    expect(sameValue('60', '60.0')).toBe(true);
    expect(sameValue('TRUE', 'true')).toBe(true);
    expect(sameValue('Energy.Active.Import.Register, Power.Active.Import', 'Power.Active.Import,Energy.Active.Import.Register')).toBe(true);
    expect(sameValue('60', '61')).toBe(false);
    expect(sameValue('abc', 'ABC')).toBe(false);
  });
});
