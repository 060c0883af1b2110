// Hand-made invalid payloads: each gives the expected rule, path and error code,
// spelled per version (OCPP-J 1.6 §4.2.3; 2.0.1 / 2.1 Part 4 §4.3).
import { describe, expect, it } from 'vitest';
import type { OcppVersion } from '../../api/model';
import { judgePayload } from './schemas';

interface Case {
  name: string;
  action: string;
  role: 'request' | 'response';
  payload: unknown;
  rule: string;
  path: string;
  code: Record<OcppVersion, string> | string;
}

const occurrence = { '1.6': 'OccurenceConstraintViolation', '2.0.1': 'OccurrenceConstraintViolation', '2.1': 'OccurrenceConstraintViolation' };
const format = { '1.6': 'FormationViolation', '2.0.1': 'FormatViolation', '2.1': 'FormatViolation' };

const cases16: Case[] = [
  { name: 'missing required field', action: 'BootNotification', role: 'request', payload: { chargePointVendor: 'V' }, rule: 'schema.required', path: '/chargePointModel', code: occurrence },
  { name: 'wrong type', action: 'StatusNotification', role: 'request', payload: { connectorId: '1', errorCode: 'NoError', status: 'Available' }, rule: 'schema.type', path: '/connectorId', code: 'TypeConstraintViolation' },
  { name: 'enum outside range', action: 'StatusNotification', role: 'request', payload: { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' }, rule: 'schema.enum', path: '/status', code: 'PropertyConstraintViolation' },
  { name: 'string too long', action: 'Authorize', role: 'request', payload: { idTag: 'X'.repeat(21) }, rule: 'schema.maxLength', path: '/idTag', code: 'PropertyConstraintViolation' },
  { name: 'additional property', action: 'Heartbeat', role: 'request', payload: { extra: 1 }, rule: 'schema.additionalProperties', path: '/extra', code: format },
  { name: 'bad date-time', action: 'Heartbeat', role: 'response', payload: { currentTime: 'yesterday' }, rule: 'schema.format', path: '/currentTime', code: 'PropertyConstraintViolation' },
  { name: 'nested missing field', action: 'MeterValues', role: 'request', payload: { connectorId: 1, meterValue: [{ timestamp: '2025-01-01T00:00:00Z', sampledValue: [{}] }] }, rule: 'schema.required', path: '/meterValue/0/sampledValue/0/value', code: occurrence },
];

const cases2x: Case[] = [
  { name: 'missing required field', action: 'BootNotification', role: 'request', payload: { chargingStation: { model: 'M' } }, rule: 'schema.required', path: '/chargingStation/vendorName', code: occurrence },
  { name: 'missing required field (reason)', action: 'BootNotification', role: 'request', payload: { chargingStation: { model: 'M', vendorName: 'V' } }, rule: 'schema.required', path: '/reason', code: occurrence },
  { name: 'wrong type', action: 'StatusNotification', role: 'request', payload: { timestamp: '2025-01-01T00:00:00Z', connectorStatus: 'Available', evseId: 1, connectorId: 'one' }, rule: 'schema.type', path: '/connectorId', code: 'TypeConstraintViolation' },
  { name: 'enum outside range', action: 'StatusNotification', role: 'request', payload: { timestamp: '2025-01-01T00:00:00Z', connectorStatus: 'Charging', evseId: 1, connectorId: 1 }, rule: 'schema.enum', path: '/connectorStatus', code: 'PropertyConstraintViolation' },
  { name: 'string too long', action: 'BootNotification', role: 'request', payload: { reason: 'PowerUp', chargingStation: { model: 'M'.repeat(21), vendorName: 'V' } }, rule: 'schema.maxLength', path: '/chargingStation/model', code: 'PropertyConstraintViolation' },
  { name: 'additional property', action: 'Heartbeat', role: 'request', payload: { extra: true }, rule: 'schema.additionalProperties', path: '/extra', code: format },
  { name: 'bad date-time', action: 'Heartbeat', role: 'response', payload: { currentTime: '2025-13-45' }, rule: 'schema.format', path: '/currentTime', code: 'PropertyConstraintViolation' },
];

function check(version: OcppVersion, c: Case): void {
  const findings = judgePayload(version, c.action, c.role, c.payload);
  const match = findings.find((f) => f.rule === c.rule && f.path === c.path);
  expect(match, `${c.rule} at ${c.path} among ${JSON.stringify(findings)}`).toBeDefined();
  const code = typeof c.code === 'string' ? c.code : c.code[version];
  expect(match!.errorCode).toBe(code);
  expect(match!.severity).toBe('error');
  expect(match!.group).toBe('schema');
  expect(match!.message.length).toBeGreaterThan(10);
  expect(match!.specRef).toContain(version);
}

describe('schema findings, OCPP 1.6', () => {
  for (const c of cases16) it(c.name, () => check('1.6', c));
});

for (const version of ['2.0.1', '2.1'] as const) {
  describe(`schema findings, OCPP ${version}`, () => {
    for (const c of cases2x) it(c.name, () => check(version, c));
  });
}

describe('messages', () => {
  it('name the allowed values and the value received', () => {
    const [f] = judgePayload('1.6', 'StatusNotification', 'request', { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' });
    expect(f!.message).toContain('Available');
    expect(f!.message).toContain('"Sleeping"');
  });
  it('report every error of a payload, not just the first', () => {
    const findings = judgePayload('1.6', 'StatusNotification', 'request', { connectorId: 'x', status: 'Sleeping' });
    expect(findings.map((f) => f.rule).sort()).toEqual(['schema.enum', 'schema.required', 'schema.type']);
  });
  it('give no findings for a valid payload', () => {
    expect(judgePayload('1.6', 'Authorize', 'request', { idTag: 'ABC' })).toEqual([]);
  });
});
