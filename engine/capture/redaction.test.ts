import { describe, expect, it } from 'vitest';
import { redactCredentials } from './redaction';

describe('credential redaction (records only)', () => {
  it('redacts the 1.6 AuthorizationKey in ChangeConfiguration, keeping the rest byte for byte', () => {
    const text = '[2, "c1", "ChangeConfiguration", {"key": "AuthorizationKey",  "value" : "0011223344556677"}]';
    expect(redactCredentials(text)).toBe('[2, "c1", "ChangeConfiguration", {"key": "AuthorizationKey",  "value" : "<redacted>"}]');
    const other = '[2,"c2","ChangeConfiguration",{"key":"HeartbeatInterval","value":"300"}]';
    expect(redactCredentials(other)).toBe(other);
  });

  it('redacts BasicAuthPassword in SetVariables and in reports that should never carry it', () => {
    const set = JSON.stringify([2, 's1', 'SetVariables', { setVariableData: [
      { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 's3cr3t-value-1234' },
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
    ] }]);
    const out = redactCredentials(set);
    expect(out).not.toContain('s3cr3t-value-1234');
    expect(JSON.parse(out)[3].setVariableData.map((d: { attributeValue: string }) => d.attributeValue)).toEqual(['<redacted>', '300']);
    const leak = JSON.stringify([3, 'g1', { getVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'leaked-password-99' }] }]);
    expect(redactCredentials(leak)).not.toContain('leaked-password-99');
    const conf = JSON.stringify([3, 'g2', { configurationKey: [{ key: 'AuthorizationKey', readonly: false, value: 'leaked-key' }] }]);
    expect(redactCredentials(conf)).not.toContain('leaked-key');
  });

  it('redacts the 2.1 SetNetworkProfile basicAuthPassword and the APN/VPN secrets', () => {
    const text = JSON.stringify([2, 'n1', 'SetNetworkProfile', { configurationSlot: 1, connectionData: {
      ocppCsmsUrl: 'wss://csms', securityProfile: 2, basicAuthPassword: 'net-pass-123456', identity: 'CP1',
      apn: { apn: 'internet', apnPassword: 'apn-pass', apnAuthentication: 'AUTO' },
      vpn: { server: 'vpn', user: 'u', password: 'vpn-pass', key: 'vpn-key', type: 'IPSec' },
    } }]);
    const out = redactCredentials(text);
    for (const secret of ['net-pass-123456', 'apn-pass', 'vpn-pass', 'vpn-key']) expect(out).not.toContain(secret);
    expect(out).toContain('"ocppCsmsUrl":"wss://csms"');
  });

  it('re-encodes when a secret is written with escapes, and leaves non-JSON alone', () => {
    const escaped = '[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"\\u0041BC"}]';
    expect(redactCredentials(escaped)).toBe('[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"<redacted>"}]');
    expect(redactCredentials('AuthorizationKey but not JSON')).toBe('AuthorizationKey but not JSON');
  });
});
