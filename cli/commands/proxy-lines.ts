// The proxy's terminal lines: one per frame (time, charge point, direction, message type,
// action, latency of a response, findings, marks) and one per connection change.
import type { FindingCounts, SessionSummary } from '../../api/model';
import type { ProxyEvents, ProxyFrame } from '../../api/proxy';
import { arrow, clockTime, pad } from '../format';

function findingsText(c: FindingCounts): string {
  const total = c.error + c.warning + c.info;
  if (total === 0) return '0 findings';
  const parts = [
    c.error > 0 ? `${c.error} error${c.error === 1 ? '' : 's'}` : '',
    c.warning > 0 ? `${c.warning} warning${c.warning === 1 ? '' : 's'}` : '',
    c.info > 0 ? `${c.info} info` : '',
  ].filter((p) => p !== '');
  return `${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')})`;
}

export function formatFrameLine({ chargePointId, frame }: ProxyFrame): string {
  const latency = frame.latencyMs !== undefined ? `${frame.latencyMs.toFixed(1)} ms` : '';
  const marks = frame.marks !== undefined && frame.marks.length > 0 ? `  [${frame.marks.join(', ')}]` : '';
  return [
    clockTime(frame.time),
    pad(chargePointId, 16),
    arrow(frame.dir),
    pad(frame.kind ?? 'INVALID', 15),
    pad(frame.action ?? '-', 34),
    pad(latency, 11),
    `${findingsText(frame.findings)}${marks}`,
  ].join(' ');
}

export function formatConnectionLine(change: 'opened' | 'failed' | 'closed', s: SessionSummary): string {
  const when = clockTime(change === 'opened' ? s.opened : (s.closed ?? s.opened));
  const who = pad(s.chargePointId, 16);
  switch (change) {
    case 'opened':
      return `${when} ${who} connected${s.subprotocol !== undefined ? ` (${s.subprotocol})` : ' (no subprotocol)'}${s.remoteAddress !== undefined ? ` from ${s.remoteAddress}` : ''}`;
    case 'failed':
      return `${when} ${who} refused: ${s.reason ?? 'unknown reason'}`;
    case 'closed':
      return `${when} ${who} ${s.reason ?? 'closed'}; ${s.frames} frames, ${findingsText(s.findings)}`;
  }
}

export function formatPressureLine(e: ProxyEvents['proxy.pressure']): string {
  const slow = e.dir === 'cp2csms' ? 'the CSMS' : 'the charger';
  const reader = e.dir === 'cp2csms' ? 'the charger' : 'the CSMS';
  const kb = `${(e.bufferedBytes / 1024).toFixed(0)} KB waiting`;
  return e.paused
    ? `${clockTime(new Date().toISOString())} ${pad(e.chargePointId, 16)} ${slow} is not keeping up: paused reading ${reader} (${kb})`
    : `${clockTime(new Date().toISOString())} ${pad(e.chargePointId, 16)} ${slow} caught up: reading ${reader} again`;
}
