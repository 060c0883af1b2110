// Small helpers for writing rule definitions and modules.
import type { Direction, OcppVersion } from '../../../api/model';
import type { Observation, RuleDefinition } from '../behaviour/types';

export const ALL_VERSIONS: readonly OcppVersion[] = ['1.6', '2.0.1', '2.1'];
export const V16: readonly OcppVersion[] = ['1.6'];
export const V2X: readonly OcppVersion[] = ['2.0.1', '2.1'];

export function defineRule(rule: RuleDefinition): RuleDefinition {
  if (!rule.id.startsWith(`${rule.group}.`)) throw new Error(`rule ${rule.id} must start with its group "${rule.group}."`);
  for (const v of rule.versions) {
    if (rule.specRefs[v] === undefined) throw new Error(`rule ${rule.id} has no spec reference for OCPP ${v}`);
  }
  return Object.freeze(rule);
}

export function fromCharger(obs: Observation): boolean {
  return obs.dir === 'cp2csms';
}

export function fromCsms(obs: Observation): boolean {
  return obs.dir === 'csms2cp';
}

export function sideOf(dir: Direction): string {
  return dir === 'cp2csms' ? 'charger' : 'CSMS';
}

/** "frame seq 12" — how findings point at another frame of the same session. */
export function frameRef(obs: Observation): string {
  return `seq ${obs.seq}`;
}

export function isResponse(obs: Observation): boolean {
  return obs.kind === 'CALLRESULT' || obs.kind === 'CALLERROR';
}
