// JUnit XML from the canonical JSON report: one testsuite per profile, one testcase per
// case; failures carry the expectation that broke; not-applicable cases are skipped.
// Written with xmlbuilder2 (escaping and well-formedness are solved problems).
import { create } from 'xmlbuilder2';
import type { CaseResult, ConformanceReport } from '../../../api/conformance';

export function renderJUnit(report: ConformanceReport): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `OCPP ${report.ocppVersion} conformance (${report.sut} under test: ${report.sutName})`,
    tests: report.summary.total,
    failures: report.summary.fail,
    errors: 0,
    skipped: report.summary.notApplicable + report.summary.inconclusive,
    time: seconds(report.durationMs),
    timestamp: report.startedAt,
  });
  const byProfile = new Map<string, CaseResult[]>();
  for (const c of report.cases) byProfile.set(c.profile, [...(byProfile.get(c.profile) ?? []), c]);
  for (const [profile, cases] of byProfile) {
    const suite = root.ele('testsuite', {
      name: `${report.ocppVersion} ${report.sut} ${profile}`,
      tests: cases.length,
      failures: cases.filter((c) => c.verdict === 'fail').length,
      errors: 0,
      skipped: cases.filter((c) => c.verdict === 'notApplicable' || c.verdict === 'inconclusive').length,
      time: seconds(cases.reduce((n, c) => n + c.durationMs, 0)),
    });
    for (const c of cases) {
      const tc = suite.ele('testcase', { classname: `ocpp${report.ocppVersion}.${report.sut}.${profile}`, name: `${c.id} ${c.title}`, time: seconds(c.durationMs) });
      if (c.verdict === 'fail') {
        const failing = c.steps.find((s) => s.verdict === 'fail');
        tc.ele('failure', { message: c.reason ?? 'failed', type: 'ConformanceFailure' }).txt(
          failing === undefined ? (c.reason ?? '') : `${failing.text}\nexpected: ${failing.expected ?? '-'}\nactual: ${failing.actual ?? '-'}`,
        );
      } else if (c.verdict === 'notApplicable') {
        tc.ele('skipped', { message: `not applicable: ${c.reason ?? ''}` });
      } else if (c.verdict === 'inconclusive') {
        tc.ele('skipped', { message: `inconclusive: ${c.reason ?? ''}` });
      }
      tc.ele('system-out').txt(c.steps.map((s) => `${'  '.repeat(s.depth)}[${s.verdict}] ${s.text}${s.actual !== undefined ? ` — ${s.actual}` : ''}`).join('\n'));
    }
  }
  return root.end({ prettyPrint: true });
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
