import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isKnownRule, isKnownRulePattern, listRules, ruleMatches } from './catalogue';
import { BEHAVIOUR_RULES } from './rules';
import { renderRulesDoc } from './rules-doc';

const root = join(import.meta.dirname, '..', '..');

describe('the rule catalogue', () => {
  it('lists every rule once, with a group, versions, a spec reference and a sentence', () => {
    const rules = listRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.versions.length, r.id).toBeGreaterThan(0);
      expect(r.specRef, r.id).not.toBe('');
      expect(r.explanation, r.id).toMatch(/\.$/);
    }
    expect(BEHAVIOUR_RULES.length).toBeGreaterThanOrEqual(30);
    const v16 = BEHAVIOUR_RULES.filter((r) => r.versions.includes('1.6')).length;
    const v2x = BEHAVIOUR_RULES.filter((r) => r.versions.includes('2.0.1')).length;
    expect(v16).toBeGreaterThanOrEqual(20);
    expect(v2x).toBeGreaterThanOrEqual(20);
  });

  it('filters by version', () => {
    const v16 = listRules('1.6').map((r) => r.id);
    expect(v16).toContain('state.connector-transition');
    expect(v16).not.toContain('sequence.tx-seqno-gap');
  });

  it('knows ids, schema keywords and prefixes', () => {
    expect(isKnownRule('sequence.boot-first')).toBe(true);
    expect(isKnownRule('schema.maxLength')).toBe(true);
    expect(isKnownRule('sequence.boot-last')).toBe(false);
    expect(isKnownRulePattern('timing.*')).toBe(true);
    expect(isKnownRulePattern('nonsense.*')).toBe(false);
    expect(ruleMatches('schema.*', 'schema.enum')).toBe(true);
    expect(ruleMatches('schema.*', 'framing.not-json')).toBe(false);
  });

  it('has a positive and a negative playbook test for every behaviour rule', () => {
    // Each rule has a describe() block named after it in engine/judge/rules/*.test.ts,
    // with at least one test that expects findings and one that expects none.
    const dir = join(import.meta.dirname, 'rules');
    const sources = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const rule of [...BEHAVIOUR_RULES.map((r) => r.id), 'correlation.unknown-id']) {
      const block = sources.map((s) => blockOf(s, rule)).find((b) => b !== undefined);
      expect(block, `no describe('${rule}') in engine/judge/rules/*.test.ts`).toBeDefined();
      expect(block!, `${rule}: no negative test`).toMatch(/not\.toContain\('/);
      expect(block!, `${rule}: no positive test`).toMatch(/ofRule\(/);
    }
  });
});

describe('docs/rules.md', () => {
  it('is in step with the catalogue (UPDATE_DOCS=1 rewrites it)', () => {
    const path = join(root, 'docs', 'rules.md');
    const expected = renderRulesDoc(listRules());
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(path, expected);
    expect(existsSync(path), 'docs/rules.md is missing: run UPDATE_DOCS=1 npx vitest run engine/judge/catalogue.test.ts').toBe(true);
    expect(readFileSync(path, 'utf8'), 'docs/rules.md is stale: run UPDATE_DOCS=1 npx vitest run engine/judge/catalogue.test.ts').toBe(expected);
  });
});

/** The text of `describe('<rule>', …)` up to the next describe. */
function blockOf(source: string, rule: string): string | undefined {
  const start = source.indexOf(`describe('${rule}'`);
  if (start < 0) return undefined;
  const next = source.indexOf('\ndescribe(', start + 1);
  return source.slice(start, next < 0 ? undefined : next);
}
