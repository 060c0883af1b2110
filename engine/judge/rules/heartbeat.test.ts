import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf } from '../testing/playbook';

const beat = { currentTime: '2025-01-01T00:00:00Z' };

describe('timing.heartbeat-late', () => {
  it('flags silence longer than the interval plus tolerance, on the last frame before it (live tick)', () => {
    const p = booted(playbook('1.6'), 60);
    p.at(10).exchange('cp', 'Heartbeat', {}, beat);
    p.at(84).tick();
    expect(ofRule(p.found, 'timing.heartbeat-late')).toHaveLength(0);
    // 60 s interval + 15 s tolerance after the heartbeat at 10 s.
    p.at(86).tick();
    expect(ofRule(p.found, 'timing.heartbeat-late')).toMatchObject([{ seq: 2, late: true, severity: 'warning' }]);
  });

  it('follows an interval changed by SetVariables, and reports one finding per silence', () => {
    const p = booted(playbook('2.0.1'), 300);
    p.at(1).exchange(
      'csms',
      'SetVariables',
      { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '20' }] },
      { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
    );
    const found = p.finish(100);
    expect(ofRule(found, 'timing.heartbeat-late')).toMatchObject([{ seq: 3 }]);
  });

  it('counts any message and WebSocket pings from the charger as signs of life', () => {
    const p = booted(playbook('1.6'), 60);
    p.at(50).exchange('cp', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    p.at(100).activity('cp');
    p.at(150).exchange('cp', 'Heartbeat', {}, beat);
    expect(rulesOf(p.finish(200))).not.toContain('timing.heartbeat-late');
  });
});

describe('timing.heartbeat-early', () => {
  it('flags heartbeats much faster than the configured interval', () => {
    const p = booted(playbook('1.6'), 300);
    p.at(10).exchange('cp', 'Heartbeat', {}, beat);
    p.at(70).exchange('cp', 'Heartbeat', {}, beat);
    expect(ofRule(p.finish(71), 'timing.heartbeat-early')).toMatchObject([{ seq: 4 }]);
  });

  it('accepts heartbeats at the interval, within tolerance, and a triggered one', () => {
    const p = booted(playbook('2.0.1'), 60);
    p.at(10).exchange('cp', 'Heartbeat', {}, beat);
    p.at(65).exchange('cp', 'Heartbeat', {}, beat);
    p.at(66).exchange('csms', 'TriggerMessage', { requestedMessage: 'Heartbeat' }, { status: 'Accepted' });
    p.at(67).exchange('cp', 'Heartbeat', {}, beat);
    expect(rulesOf(p.finish(68))).not.toContain('timing.heartbeat-early');
  });
});

describe('heartbeat rules under a time scale', () => {
  // A simulator with --time-scale 0.05 heartbeats every 3 s for an interval of 60 s.
  it('judge scaled intervals as on time when told the scale, and as early when not', () => {
    const run = (timeScale?: number) => {
      const p = booted(playbook('1.6', timeScale === undefined ? {} : { behaviour: { timeScale } }), 60);
      for (let t = 3; t <= 30; t += 3) p.at(t).exchange('cp', 'Heartbeat', {}, beat);
      return rulesOf(p.finish(31));
    };
    expect(run(0.05)).not.toContain('timing.heartbeat-early');
    expect(run()).toContain('timing.heartbeat-early');
  });

  it('still flags a scaled charger that falls silent for longer than the scaled interval', () => {
    const p = booted(playbook('1.6', { behaviour: { timeScale: 0.05, heartbeatMinSlackMs: 500 } }), 60);
    p.at(3).exchange('cp', 'Heartbeat', {}, beat);
    expect(ofRule(p.finish(20), 'timing.heartbeat-late')).toHaveLength(1);
  });
});
