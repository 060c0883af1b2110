import type { Verdict } from '../../../api/conformance';

export const VERDICT_LABEL: Record<Verdict | 'info', string> = {
  pass: 'pass',
  fail: 'fail',
  inconclusive: 'inconclusive',
  notApplicable: 'not applicable',
  info: '',
};

export const VERDICT_MARK: Record<Verdict | 'info', string> = { pass: '✓', fail: '✗', inconclusive: '?', notApplicable: '–', info: '•' };

export const verdictTone = (v: Verdict | 'info'): string => (v === 'pass' ? 'ok' : v === 'fail' ? 'bad' : v === 'inconclusive' ? 'warn' : 'off');
