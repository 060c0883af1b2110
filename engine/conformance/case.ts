// A conformance case: metadata plus a script against the harness. Case modules live under
// testcases/<version>/<profile or block>/ and export `defineCase({...})`.
import type { CaseInfo, SystemUnderTest } from '../../api/conformance';
import type { OcppVersion } from '../../api/model';
import type { Harness } from './harness';
import type { SutSettings } from './settings';

export interface CaseDefinition {
  /** Official OCTT id where one corresponds (TC_003_CS, TC_E_04_CSMS). */
  id: string;
  title: string;
  version: OcppVersion;
  sut: SystemUnderTest;
  /** 1.6 feature profile or 2.x functional block. */
  profile: string;
  /** Document and section, e.g. "OCTT 1.6 TC_003_CS", "OCPP 1.6 §4.9". */
  specRefs: string[];
  /** What the SUT must have, in words (shown in listings and reports). */
  requires?: string[];
  /**
   * Whether the case applies to this SUT; return a reason when it does not (e.g. a
   * feature the SUT does not declare). The feature profile is checked by the runner.
   */
  applies?: (settings: SutSettings) => true | string;
  /**
   * The case is (also) about a SUT that does NOT implement the case's profile (OCTT
   * TC_043_1_CS: "does not support the Local Auth List Management feature profile"): the
   * runner runs it whatever profiles the SUT declares, and `applies` alone decides.
   */
  runsWithoutProfile?: boolean;
  /** Needs a human at a real SUT (operator actions or observations). */
  manual?: boolean;
  /** Overall limit in spec seconds (scaled); default settings.timeouts.case. */
  timeout?: number;
  description?: string;
  /**
   * How the project's own tests prove the case can fail: the built-in SUT with this named
   * faulty behaviour fails it, at the first failing step whose text contains `step` (if
   * given). A case that cannot fail is a defect. `settings`: SUT settings for both proof
   * runs (the conformant one and the faulty one), e.g. a feature the case needs declared.
   */
  proof: { behaviour: string; step?: string; settings?: Record<string, unknown> };
  run(t: Harness): Promise<void>;
}

export function defineCase(definition: CaseDefinition): CaseDefinition {
  if (!/^TC_[A-Z0-9_]+$/.test(definition.id)) throw new Error(`Case id "${definition.id}" is not of the form TC_…`);
  return definition;
}

export function caseInfo(c: CaseDefinition): CaseInfo {
  const info: CaseInfo = {
    id: c.id,
    title: c.title,
    version: c.version,
    sut: c.sut,
    profile: c.profile,
    specRefs: c.specRefs,
    requires: c.requires ?? [],
    manual: c.manual ?? false,
  };
  if (c.description !== undefined) info.description = c.description;
  return info;
}

/** Case ids or globs (`*`, `?`, `[…]`) against an id. */
export function matchesPattern(id: string, patterns: readonly string[] | undefined): boolean {
  if (patterns === undefined || patterns.length === 0) return true;
  return patterns.some((p) => globToRegExp(p).test(id));
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[' || ch === ']') re += ch;
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}
