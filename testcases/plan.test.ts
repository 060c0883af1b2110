// The plan proves itself (issue #5, "Proof that cases can fail"): every case passes
// against the built-in SUT behaving conformantly, and fails — at the expected step —
// against the named faulty behaviour its `proof` declares. A case that cannot fail is a defect.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../api/conformance';
import type { OcppVersion } from '../api/model';
import { PROFILES_16 } from '../engine/ocpp/catalog';
import { behaviourInfo } from '../engine/charger/behaviours';
import { checkBehaviours } from '../engine/csms/behaviours';
import type { CaseDefinition } from '../engine/conformance/case';
import { runConformance } from '../engine/conformance/runner';
import { builtInSimulators } from '../engine/conformance/sut-simulated';
import { allCases } from './index';

const here = fileURLToPath(new URL('.', import.meta.url));

function caseFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return caseFiles(path);
    return /^TC_[A-Z0-9_]+\.ts$/.test(name) ? [name.replace(/\.ts$/, '')] : [];
  });
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

async function runGroup(version: OcppVersion, sut: 'charger' | 'csms', cases: CaseDefinition[], behaviour?: string): Promise<Map<string, CaseResult>> {
  const settings = cases[0]!.proof.settings;
  const report = await runConformance(
    {
      version,
      sut,
      simulate: true,
      cases: cases.map((c) => c.id),
      ...(behaviour !== undefined ? { behaviour } : {}),
      ...(settings !== undefined ? { settings } : {}),
    },
    { cases, simulators: builtInSimulators() },
  );
  return new Map(report.cases.map((c) => [c.id, c]));
}

function explain(c: CaseResult | undefined): string {
  if (c === undefined) return 'the case did not run';
  const failed = c.steps.filter((s) => s.verdict === 'fail' || s.verdict === 'inconclusive');
  return `${c.id} ${c.verdict}: ${c.reason ?? ''}\n${failed.map((s) => `  ${s.text} | expected ${s.expected ?? '-'} | actual ${s.actual ?? '-'}`).join('\n')}`;
}

describe('the case modules', () => {
  it('are all in the plan, once each, with usable metadata', () => {
    const files = caseFiles(here).sort();
    const ids = allCases.map((c) => c.id).sort();
    expect(ids).toEqual(files);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of allCases) {
      expect(c.specRefs.length, c.id).toBeGreaterThan(0);
      expect(c.title.length, c.id).toBeGreaterThan(5);
      if (c.version === '1.6') expect(PROFILES_16 as readonly string[], c.id).toContain(c.profile);
      expect(c.id.endsWith(c.sut === 'charger' ? '_CS' : '_CSMS'), `${c.id} id matches its side`).toBe(true);
    }
  });

  it('name faulty behaviours that exist', () => {
    for (const c of allCases) {
      const names = c.proof.behaviour.split('+');
      if (c.sut === 'charger') for (const n of names) expect(behaviourInfo(n.split(':')[0]!), `${c.id}: simulator behaviour "${n}"`).toBeDefined();
      else expect(checkBehaviours(names), `${c.id}: CSMS behaviour "${c.proof.behaviour}"`).toBeUndefined();
    }
  });
});

for (const version of ['1.6'] as const) {
  for (const sut of ['charger', 'csms'] as const) {
    const cases = allCases.filter((c) => c.version === version && c.sut === sut);
    if (cases.length === 0) continue;
    const side = sut === 'charger' ? 'the built-in simulator' : 'the built-in CSMS';

    describe(`OCPP ${version} with the ${sut} under test (${cases.length} cases)`, () => {
      it(`every case passes against ${side} behaving conformantly`, { timeout: 300_000 }, async () => {
        const started = performance.now();
        const failures: string[] = [];
        for (const group of groupBy(cases, (c) => JSON.stringify(c.proof.settings ?? {})).values()) {
          const results = await runGroup(version, sut, group);
          for (const c of group) if (results.get(c.id)?.verdict !== 'pass') failures.push(explain(results.get(c.id)));
        }
        process.stderr.write(`${version} ${sut}: ${cases.length} cases against ${side} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        expect(failures, failures.join('\n')).toEqual([]);
      });

      it(`every case fails against its named faulty behaviour, at the expected step`, { timeout: 300_000 }, async () => {
        const failures: string[] = [];
        for (const group of groupBy(cases, (c) => `${c.proof.behaviour}|${JSON.stringify(c.proof.settings ?? {})}`).values()) {
          const behaviour = group[0]!.proof.behaviour;
          const results = await runGroup(version, sut, group, behaviour).catch((err: unknown) => {
            failures.push(`${group.map((c) => c.id).join(', ')}: ${err instanceof Error ? err.message : String(err)}`);
            return new Map<string, CaseResult>();
          });
          for (const c of group) {
            const r = results.get(c.id);
            if (r === undefined) continue;
            const failedStep = r.steps.find((s) => s.verdict === 'fail');
            if (r.verdict !== 'fail') failures.push(`${c.id} should fail with "${behaviour}" but: ${explain(r)}`);
            else if (c.proof.step !== undefined && !(failedStep?.text ?? r.reason ?? '').includes(c.proof.step)) {
              failures.push(`${c.id} failed with "${behaviour}" but not at the step with "${c.proof.step}": ${explain(r)}`);
            }
          }
        }
        expect(failures, failures.join('\n')).toEqual([]);
      });
    });
  }
}
