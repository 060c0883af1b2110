// Test helpers over the rig, shared by the 1.6 and 2.x model tests.
import { expect } from 'vitest';
import type { OcppVersion } from '../../../api/model';
import { makeRig, type Rig } from './rig';

export type RigOptions = Parameters<typeof makeRig>[1];

/** A rig whose charger has booted (Accepted). */
export async function bootedRig(version: OcppVersion, options: RigOptions = {}): Promise<Rig> {
  const rig = makeRig(version, options);
  await rig.boot();
  return rig;
}

/** Calls the charger and returns its result; a CALLERROR, or an answer with schema findings, fails the test. */
export async function callResult(rig: Rig, action: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await rig.csms.call(action, payload);
  if (r.kind !== 'result') throw new Error(`${action} answered ${r.code}: ${r.description}`);
  expect(r.findings).toEqual([]);
  return r.payload;
}
