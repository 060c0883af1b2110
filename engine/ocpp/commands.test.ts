import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';

describe('ocpp.* commands', () => {
  const engine = createEngine();

  it('lists the actions of a version with who sends them', async () => {
    const actions = await engine.call('ocpp.actions', { version: '1.6' });
    expect(actions.find((a) => a.action === 'RemoteStartTransaction')).toEqual({ action: 'RemoteStartTransaction', initiator: 'csms', group: 'Core' });
    expect(actions.find((a) => a.action === 'DataTransfer')?.initiator).toBe('both');
  });

  it('gives a schema and judges a payload against it', async () => {
    const { schema } = await engine.call('ocpp.schema', { version: '1.6', action: 'Reset', role: 'request' });
    expect(schema).toMatchObject({ required: ['type'] });
    expect((await engine.call('ocpp.check', { version: '1.6', action: 'Reset', role: 'request', payload: { type: 'Hard' } })).findings).toEqual([]);
    const { findings } = await engine.call('ocpp.check', { version: '1.6', action: 'Reset', role: 'request', payload: { type: 'Warm' } });
    expect(findings[0]).toMatchObject({ rule: 'schema.enum', path: '/type' });
  });

  it('refuses an unknown action or role with a reason', async () => {
    await expect(engine.call('ocpp.schema', { version: '2.0.1', action: 'RemoteStartTransaction', role: 'request' })).rejects.toThrow('is not an action of OCPP 2.0.1');
    await expect(engine.call('ocpp.check', { version: '1.6', action: 'Reset', role: 'x' as 'request', payload: {} })).rejects.toThrow('"role"');
  });
});
