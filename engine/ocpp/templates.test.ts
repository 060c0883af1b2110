import { describe, expect, it } from 'vitest';
import { OCPP_VERSIONS } from '../../api/model';
import { actionsOf } from './catalog';
import { judgePayload, schemaName, validatorFor } from './schemas';
import { payloadTemplate } from './templates';

describe('every action of every version', () => {
  for (const version of OCPP_VERSIONS) {
    for (const info of actionsOf(version)) {
      const roles = info.unconfirmed === true ? (['request'] as const) : (['request', 'response'] as const);
      for (const role of roles) {
        it(`${version} ${info.action} ${role}: schema compiles and its template validates`, () => {
          expect(schemaName(version, info.action, role), 'the schema exists').toBeDefined();
          expect(validatorFor(version, info.action, role)).toBeTypeOf('function');
          const template = payloadTemplate(version, info.action, role);
          expect(template).toBeTypeOf('object');
          expect(judgePayload(version, info.action, role, template)).toEqual([]);
        });
      }
    }
  }
});

describe('catalogue', () => {
  it('lists every action that has a schema, and no action without one', async () => {
    // The package's own index, as an independent listing of what exists.
    const { OCPP16, OCPP20, OCPP21 } = await import('typed-ocpp');
    const sets = { '1.6': OCPP16.schemas, '2.0.1': OCPP20.schemas, '2.1': OCPP21.schemas } as const;
    for (const version of OCPP_VERSIONS) {
      const fromSchemas = new Set(Object.keys(sets[version]).map((k) => k.replace(/(Request|Response)$/, '')));
      const fromCatalog = new Set(actionsOf(version).map((a) => a.action));
      expect([...fromCatalog].sort(), version).toEqual([...fromSchemas].sort());
    }
  });

  it('knows the sizes of each version (1.6 with security extension: 39; 2.0.1: 64; 2.1: 91)', () => {
    expect(actionsOf('1.6')).toHaveLength(39);
    expect(actionsOf('2.0.1')).toHaveLength(64);
    expect(actionsOf('2.1')).toHaveLength(91);
  });

  it('puts every 1.6 action in a feature profile and every 2.x action in a block', () => {
    for (const a of actionsOf('1.6')) expect(['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger', 'Security']).toContain(a.group);
    for (const a of actionsOf('2.0.1')) expect(a.group).toMatch(/^[A-P]$/);
    for (const a of actionsOf('2.1')) expect(a.group).toMatch(/^[A-S]$/);
  });
});
