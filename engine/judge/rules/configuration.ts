// Configuration agrees with itself: a value the charger accepted to set (1.6
// ChangeConfiguration, 2.x SetVariables) is the value it reports later (1.6
// GetConfiguration, 2.x GetVariables and NotifyReport), until something changes it again.
// Values are compared leniently: numbers as numbers, booleans without case, lists as sets.
import { arr, obj, status, str, type Json } from '../behaviour/read';
import type { Observation, RuleModule } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const CONFIGURATION_DISAGREES = defineRule({
  id: 'state.configuration-disagrees',
  severity: 'error',
  group: 'state',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §5.3, §5.8',
    '2.0.1': 'OCPP 2.0.1 B05, B06, B07 (Part 6 TC_B_02_CS steps 3–6)',
    '2.1': 'OCPP 2.1 B05, B06, B07 (as 2.0.1)',
  },
  explanation: 'A configuration value the charger accepted to set (status Accepted, effective at once) is the value it reports afterwards in GetConfiguration, GetVariables or NotifyReport.',
});

/** True when two configuration values say the same thing. */
export function sameValue(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  if (x !== '' && y !== '' && Number.isFinite(Number(x)) && Number.isFinite(Number(y))) return Number(x) === Number(y);
  const lx = x.toLowerCase();
  const ly = y.toLowerCase();
  if ((lx === 'true' || lx === 'false') && lx === ly) return true;
  if (x.includes(',') || y.includes(',')) {
    const list = (s: string) => s.split(',').map((e) => e.trim()).filter((e) => e !== '').sort();
    const lxs = list(x);
    const lys = list(y);
    return lxs.length === lys.length && lxs.every((e, i) => e === lys[i]);
  }
  return false;
}

interface Expected {
  value: string;
  /** The accepting answer. */
  seq: number;
  /** For messages: `Key` or `Component.Variable`. */
  name: string;
}

/** 2.x: component, EVSE, variable and attribute type identify one value. */
function variableKey(component: Json | undefined, variable: Json | undefined, type: string | undefined): { key: string; name: string } | undefined {
  const c = str(component?.['name']);
  const v = str(variable?.['name']);
  if (c === undefined || v === undefined) return undefined;
  const evse = obj(component?.['evse']);
  const ci = str(component?.['instance']) ?? '';
  const vi = str(variable?.['instance']) ?? '';
  const key = [c, ci, String(evse?.['id'] ?? ''), String(evse?.['connectorId'] ?? ''), v, vi, type ?? 'Actual'].join('|');
  const name = `${c}${ci !== '' ? `[${ci}]` : ''}.${v}${vi !== '' ? `[${vi}]` : ''}${type !== undefined && type !== 'Actual' ? ` (${type})` : ''}`;
  return { key, name };
}

export const configurationRules: RuleModule = {
  name: 'configuration',
  rules: [CONFIGURATION_DISAGREES],
  actions: ['ChangeConfiguration', 'GetConfiguration', 'SetVariables', 'GetVariables', 'NotifyReport'],
  create(ctx) {
    const expected = new Map<string, Expected>();

    const compare = (obs: Observation, key: string, reported: string, path: string): void => {
      const want = expected.get(key);
      if (want === undefined || sameValue(want.value, reported)) return;
      ctx.report(CONFIGURATION_DISAGREES.id, obs, `${want.name} is reported as "${reported}", but the charger accepted "${want.value}" at seq ${want.seq}`, { path });
    };

    const changed = (obs: Observation, request: Json | undefined): void => {
      const key = str(request?.['key']);
      const value = str(request?.['value']);
      if (key === undefined) return;
      const s = status(obs.payload);
      if (s === 'Accepted' && value !== undefined) expected.set(key.toLowerCase(), { value, seq: obs.seq, name: key });
      else if (s === 'RebootRequired') expected.delete(key.toLowerCase());
    };

    const got = (obs: Observation): void => {
      arr(obs.payload?.['configurationKey'])?.forEach((item, i) => {
        const entry = obj(item);
        const key = str(entry?.['key']);
        const value = str(entry?.['value']);
        if (key !== undefined && value !== undefined) compare(obs, key.toLowerCase(), value, `/configurationKey/${i}/value`);
      });
    };

    const set = (obs: Observation, request: Json | undefined): void => {
      const data = (arr(request?.['setVariableData']) ?? []).map(obj);
      for (const item of arr(obs.payload?.['setVariableResult']) ?? []) {
        const result = obj(item);
        const type = str(result?.['attributeType']);
        const id = variableKey(obj(result?.['component']), obj(result?.['variable']), type);
        if (id === undefined) continue;
        const s = str(result?.['attributeStatus']);
        if (s === 'RebootRequired') {
          expected.delete(id.key);
          continue;
        }
        if (s !== 'Accepted') continue;
        const asked = data.find((d) => variableKey(obj(d?.['component']), obj(d?.['variable']), str(d?.['attributeType']))?.key === id.key);
        const value = str(asked?.['attributeValue']);
        if (value !== undefined) expected.set(id.key, { value, seq: obs.seq, name: id.name });
      }
    };

    const gotVariables = (obs: Observation): void => {
      arr(obs.payload?.['getVariableResult'])?.forEach((item, i) => {
        const result = obj(item);
        if (str(result?.['attributeStatus']) !== 'Accepted') return;
        const value = str(result?.['attributeValue']);
        const id = variableKey(obj(result?.['component']), obj(result?.['variable']), str(result?.['attributeType']));
        if (id !== undefined && value !== undefined) compare(obs, id.key, value, `/getVariableResult/${i}/attributeValue`);
      });
    };

    const report = (obs: Observation): void => {
      arr(obs.payload?.['reportData'])?.forEach((item, i) => {
        const data = obj(item);
        arr(data?.['variableAttribute'])?.forEach((a, j) => {
          const attribute = obj(a);
          const value = str(attribute?.['value']);
          const id = variableKey(obj(data?.['component']), obj(data?.['variable']), str(attribute?.['type']));
          if (id !== undefined && value !== undefined) compare(obs, id.key, value, `/reportData/${i}/variableAttribute/${j}/value`);
        });
      });
    };

    return {
      frame(obs) {
        if (obs.kind === 'CALL') {
          if (obs.action === 'NotifyReport' && fromCharger(obs)) report(obs);
          return;
        }
        if (obs.kind !== 'CALLRESULT' || obs.request === undefined || !fromCharger(obs)) return;
        switch (obs.action) {
          case 'ChangeConfiguration':
            return changed(obs, obs.request.payload);
          case 'GetConfiguration':
            return got(obs);
          case 'SetVariables':
            return set(obs, obs.request.payload);
          case 'GetVariables':
            return gotVariables(obs);
        }
      },
    };
  },
};
