// How replay and diff outcomes read: a tone per outcome (the colours the runner's verdicts
// use), and values short enough for a table cell.
import type { ExchangeDiff, ReplayOutcome, ReplayVerdict } from '../../../api/replay';

export const OUTCOME_TONE: Record<ReplayOutcome, 'ok' | 'bad' | 'warn'> = {
  match: 'ok',
  differs: 'bad',
  missing: 'warn',
  unexpected: 'warn',
  timeout: 'bad',
  closed: 'bad',
};

export const OUTCOME_ORDER: readonly ReplayOutcome[] = ['match', 'differs', 'missing', 'unexpected', 'timeout', 'closed'];

export const OUTCOME_LABEL: Record<ReplayOutcome, string> = {
  match: 'matched',
  differs: 'different',
  missing: 'missing',
  unexpected: 'unexpected',
  timeout: 'timed out',
  closed: 'closed',
};

export const VERDICT_TONE: Record<ReplayVerdict, 'ok' | 'bad'> = { match: 'ok', differs: 'bad', failed: 'bad' };

export const DIFF_STATUS_TONE: Record<ExchangeDiff['status'], 'bad' | 'warn'> = { changed: 'bad', missing: 'warn', extra: 'warn' };

/** A value in a change: JSON, shortened; `undefined` is a field that is not there. */
export function shortValue(value: unknown, max = 120): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a comparison left out, in one line. */
export function comparisonText(c: { volatile: readonly string[]; correlated: readonly string[] }): string {
  return `Ignored: ${c.volatile.join(', ') || 'nothing'} · correlated ids: ${c.correlated.join(', ') || 'none'}`;
}

/** Frame numbers of an exchange as `#4 → #5` (request, answer). */
export function seqPair(ref: { requestSeq?: number; responseSeq?: number } | undefined): string {
  if (ref === undefined) return '';
  const request = ref.requestSeq !== undefined ? `#${ref.requestSeq}` : '–';
  return ref.responseSeq !== undefined ? `${request} → #${ref.responseSeq}` : request;
}
