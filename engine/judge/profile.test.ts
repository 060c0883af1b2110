import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/model';
import { applyProfile, parseProfile, pointerPattern, profileApplies, ProfileError, summarize } from './profile';
import { booted, ofRule, playbook } from './testing/playbook';

const YAML = `# ACME Wallbox, firmware 1.4
name: ACME Wallbox fw 1.4
description: Known deviations of the 1.4 firmware
match:
  chargePointId: ["ACME-*"]
  vendor: ACME
options:
  responseTimeoutMs: 60000
deviations:
  - rule: schema.*
    actions: MeterValues
    paths: ["/meterValue/*/sampledValue/**"]
    severity: warning
    reason: sends unit "kWh " with a trailing space
  - rule: correlation.response-timeout
    severity: silenced
  - rule: timing.*
    severity: info
`;

function problems(text: string, file = 'p.yaml'): string[] {
  try {
    parseProfile(text, file);
  } catch (err) {
    if (err instanceof ProfileError) return err.problems;
    throw err;
  }
  return [];
}

const finding = (rule: string, severity: Finding['severity'], path?: string): Finding => ({
  rule,
  severity,
  group: rule.startsWith('schema.') ? 'schema' : 'timing',
  message: 'm',
  ...(path !== undefined ? { path } : {}),
});

describe('deviation profile files', () => {
  it('reads YAML with every field', () => {
    const profile = parseProfile(YAML, 'acme.yaml');
    expect(summarize(profile)).toEqual({
      name: 'ACME Wallbox fw 1.4',
      path: 'acme.yaml',
      description: 'Known deviations of the 1.4 firmware',
      deviations: 3,
      match: { chargePointId: ['ACME-*'], vendor: 'ACME' },
    });
    expect(profile.options).toEqual({ responseTimeoutMs: 60000 });
    expect(profile.deviations[0]).toMatchObject({ rule: 'schema.*', actions: ['MeterValues'], severity: 'warning', reason: 'sends unit "kWh " with a trailing space' });
  });

  it('reads JSON too', () => {
    const profile = parseProfile(JSON.stringify({ name: 'J', deviations: [{ rule: 'sequence.boot-first', severity: 'info' }] }), 'j.json');
    expect(profile.deviations).toHaveLength(1);
  });

  it('names file and line of an unknown rule, a bad severity and unknown fields', () => {
    const found = problems(`name: X
deviations:
  - rule: sequence.boot-last
    severity: warning
  - rule: timing.heartbeat-late
    severity: error
  - rule: security.*
    severity: info
    colour: red
`);
    expect(found).toEqual([
      'p.yaml:3: unknown rule "sequence.boot-last" (see `ocpp-bench rules`)',
      'p.yaml:6: "severity" must be warning, info or silenced (a profile only downgrades)',
      'p.yaml:9: unknown field "colour" (expected rule, actions, paths, severity, reason)',
    ]);
  });

  it('names file, line and column of bad YAML', () => {
    const found = problems('name: X\ndeviations:\n  - rule: [unclosed\n', 'bad.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^bad\.yaml:\d+:\d+: /);
  });

  it('requires a name and a deviations list, and checks options and paths', () => {
    expect(problems('description: nothing')).toEqual([
      'p.yaml:1: "name" must be a non-empty string naming the charger model or vendor',
      'p.yaml:1: "deviations" must be a list of entries with rule and severity',
    ]);
    expect(problems('name: X\noptions:\n  responseTimeout: 5\ndeviations:\n  - rule: "*"\n    severity: info\n    paths: meterValue\n')).toEqual([
      'p.yaml:3: unknown option "responseTimeout" (expected responseTimeoutMs, followUpTimeoutMs, remoteStartTimeoutMs, heartbeatTolerance, heartbeatMinSlackMs, clockToleranceMs)',
      'p.yaml:7: "paths" must be a JSON Pointer ("/a/*/b", "/a/**") or a list of them',
    ]);
  });
});

describe('applying a profile', () => {
  const profile = parseProfile(YAML, 'acme.yaml');

  it('downgrades a matching finding, records the deviation and keeps the rest', () => {
    const findings = [finding('schema.enum', 'error', '/meterValue/0/sampledValue/2/unit'), finding('schema.required', 'error', '/connectorId')];
    const out = applyProfile(profile, findings, 'MeterValues');
    expect(out[0]).toMatchObject({ severity: 'warning', deviation: { profile: 'ACME Wallbox fw 1.4', originalSeverity: 'error', reason: 'sends unit "kWh " with a trailing space' } });
    expect(out[1]).toBe(findings[1]);
    // The input is not modified.
    expect(findings[0]!.severity).toBe('error');
  });

  it('scopes entries to actions and paths', () => {
    expect(applyProfile(profile, [finding('schema.enum', 'error', '/meterValue/0/sampledValue/2/unit')], 'StatusNotification')[0]!.deviation).toBeUndefined();
    expect(applyProfile(profile, [finding('schema.enum', 'error', '/meterValue/0/timestamp')], 'MeterValues')[0]!.deviation).toBeUndefined();
  });

  it('silences: severity info, marked silenced, kept', () => {
    const [out] = applyProfile(profile, [finding('correlation.response-timeout', 'error')], 'Reset');
    expect(out).toMatchObject({ severity: 'info', deviation: { originalSeverity: 'error', silenced: true } });
  });

  it('never upgrades: an entry above the rule\'s severity keeps it, but records the deviation', () => {
    const p = parseProfile('name: P\ndeviations:\n  - rule: timing.heartbeat-late\n    severity: warning\n', 'p.yaml');
    expect(applyProfile(p, [finding('timing.heartbeat-late', 'info')], undefined)[0]).toMatchObject({ severity: 'info', deviation: { originalSeverity: 'info' } });
  });

  it('applies to chargers matching its charge point ids, vendor and model', () => {
    expect(profileApplies(profile, { chargePointId: 'ACME-7', vendor: 'ACME' })).toBe(true);
    expect(profileApplies(profile, { chargePointId: 'OTHER-7', vendor: 'ACME' })).toBe(false);
    expect(profileApplies(profile, { chargePointId: 'ACME-7' })).toBe(false);
  });

  it('matches JSON Pointer patterns segment by segment', () => {
    expect(pointerPattern('/a/*/b').test('/a/3/b')).toBe(true);
    expect(pointerPattern('/a/*/b').test('/a/3/4/b')).toBe(false);
    expect(pointerPattern('/a/**').test('/a')).toBe(true);
    expect(pointerPattern('/a/**').test('/a/1/2')).toBe(true);
    expect(pointerPattern('/a.b').test('/aXb')).toBe(false);
  });
});

describe('a SessionJudge with a profile', () => {
  it('downgrades behaviour findings, late ones included, once the charger\'s vendor is known', () => {
    const profile = parseProfile(
      'name: ACME\nmatch:\n  vendor: ACME\ndeviations:\n  - rule: correlation.response-timeout\n    actions: Reset\n    severity: silenced\n  - rule: state.connector-transition\n    severity: info\n',
      'acme.yaml',
    );
    const p = booted(playbook('1.6', { profile }));
    p.at(1).exchange('cp', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    p.at(2).exchange('cp', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Finishing' });
    p.at(3).call('csms', 'Reset', { type: 'Soft' });
    const found = p.finish(100);
    expect(ofRule(found, 'state.connector-transition')).toMatchObject([{ severity: 'info', finding: { deviation: { profile: 'ACME', originalSeverity: 'warning' } } }]);
    expect(ofRule(found, 'correlation.response-timeout')).toMatchObject([{ late: true, severity: 'info', finding: { deviation: { silenced: true } } }]);
  });

  it('leaves other chargers alone', () => {
    const profile = parseProfile('name: ACME\nmatch:\n  vendor: OTHER\ndeviations:\n  - rule: "*"\n    severity: silenced\n', 'p.yaml');
    const p = booted(playbook('1.6', { profile }));
    p.at(3).call('csms', 'Reset', { type: 'Soft' });
    expect(ofRule(p.finish(100), 'correlation.response-timeout')).toMatchObject([{ severity: 'error' }]);
  });
});
