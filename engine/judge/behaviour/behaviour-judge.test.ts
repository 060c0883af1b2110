import { describe, expect, it } from 'vitest';
import { BehaviourJudge } from './behaviour-judge';
import { Timers } from './timers';
import type { Observation, RuleModule } from './types';

const rule = { id: 'sequence.test', severity: 'error', group: 'sequence', versions: ['1.6'], specRefs: { '1.6': 'test' }, explanation: 'A test rule.' } as const;

function obs(seq: number, mono: number, action = 'Heartbeat'): Observation {
  return { seq, mono, dir: 'cp2csms', kind: 'CALL', id: `m${seq}`, action, payload: {}, schemaValid: true };
}

describe('the behaviour judge', () => {
  it('dispatches by action, fires timers on the session\'s time line, and places findings on earlier frames', () => {
    const seen: string[] = [];
    const module: RuleModule = {
      name: 'test',
      rules: [rule],
      actions: ['Heartbeat'],
      create: (ctx) => ({
        frame(o) {
          seen.push(o.action);
          if (o.seq === 0) ctx.at(o.mono + 1000, () => ctx.report(rule.id, o, 'one second passed'));
        },
      }),
    };
    const judge = new BehaviourJudge('1.6', { modules: [module] });
    expect(judge.observe(obs(0, 0)).late).toEqual([]);
    judge.observe(obs(1, 10, 'StatusNotification'));
    expect(seen).toEqual(['Heartbeat']);
    expect(judge.tick(999)).toEqual([]);
    const late = judge.tick(1000);
    expect(late).toMatchObject([{ seq: 0, finding: { rule: 'sequence.test', severity: 'error', specRef: 'test' } }]);
    expect(judge.finish(5000)).toEqual([]);
    // Finished: nothing more.
    expect(judge.observe(obs(2, 6000)).current).toEqual([]);
  });

  it('skips modules whose rules do not apply to the version', () => {
    const module: RuleModule = { name: 'test', rules: [rule], actions: '*', create: () => ({ frame: () => undefined }) };
    expect(new BehaviourJudge('2.0.1', { modules: [module] }).ruleIds()).toEqual([]);
    expect(new BehaviourJudge('1.6', { modules: [module] }).ruleIds()).toEqual(['sequence.test']);
  });

  it('switches a failing module off for the session and says so once', () => {
    const module: RuleModule = {
      name: 'broken',
      rules: [rule],
      actions: '*',
      create: () => ({
        frame() {
          throw new Error('boom');
        },
      }),
    };
    const judge = new BehaviourJudge('1.6', { modules: [module] });
    expect(judge.observe(obs(0, 0)).current).toMatchObject([{ rule: 'judge.rule-error', severity: 'info', message: expect.stringContaining('boom') }]);
    expect(judge.observe(obs(1, 1)).current).toEqual([]);
  });
});

describe('timers', () => {
  it('fire in time order, once, unless cancelled', () => {
    const timers = new Timers();
    const fired: string[] = [];
    timers.add(30, () => fired.push('c'));
    const b = timers.add(20, () => fired.push('b'));
    timers.add(10, () => fired.push('a'));
    timers.add(10, () => fired.push('a2'));
    b.cancel();
    timers.run(25);
    expect(fired).toEqual(['a', 'a2']);
    timers.run(100);
    timers.run(200);
    expect(fired).toEqual(['a', 'a2', 'c']);
    expect(timers.next).toBe(Infinity);
  });
});
