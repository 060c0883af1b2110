// The CSMS's terminal lines: one per frame (time, charge point, direction, message type,
// action, message id, the text shortened, findings), one per connection change, and the
// per-charger summary printed when the CSMS stops.
import type { CsmsChargerState } from '../../api/csms';
import type { Finding, FindingCounts, FrameDetail, FrameSummary, SessionSummary } from '../../api/model';
import type { Engine } from '../../engine/engine';
import { arrow, clockTime, pad } from '../format';

export { clockTime };

const TEXT_WIDTH = 140;

export function findingsText(c: FindingCounts): string {
  const parts = [
    c.error > 0 ? `${c.error} error${c.error === 1 ? '' : 's'}` : '',
    c.warning > 0 ? `${c.warning} warning${c.warning === 1 ? '' : 's'}` : '',
    c.info > 0 ? `${c.info} info` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'no findings' : parts.join(', ');
}

function firstFinding(findings: readonly Finding[]): string {
  const f = findings[0];
  if (f === undefined) return '';
  const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : '';
  return `  ${f.severity} ${f.rule}${f.path !== undefined && f.path !== '' ? ` ${f.path}` : ''}: ${f.message}${more}`;
}

export function formatFrameLine(chargePointId: string, detail: FrameDetail): string {
  const s = detail.summary;
  const raw = detail.text ?? `<binary ${s.size} bytes>`;
  const text = raw.length > TEXT_WIDTH ? `${raw.slice(0, TEXT_WIDTH - 1)}…` : raw;
  return [clockTime(s.time), pad(chargePointId, 16), arrow(s.dir), pad(s.kind ?? 'INVALID', 11), pad(s.action ?? '-', 28), text].join(' ') + firstFinding(detail.findings);
}

export function formatConnectionLine(change: 'opened' | 'failed' | 'closed', s: SessionSummary): string {
  const when = clockTime(change === 'opened' ? s.opened : (s.closed ?? s.opened));
  const who = pad(s.chargePointId === '' ? '(no id)' : s.chargePointId, 16);
  switch (change) {
    case 'opened':
      return `${when} ${who} connected with ${s.subprotocol ?? 'no subprotocol'}${s.remoteAddress !== undefined ? ` from ${s.remoteAddress}` : ''}`;
    case 'failed':
      return `${when} ${who} refused: ${s.reason ?? 'unknown reason'}`;
    case 'closed':
      return `${when} ${who} ${s.reason ?? 'closed'}`;
  }
}

/** The summary per charger: connection, boot, CALLs each way per action, findings by rule. */
export function formatSummary(chargers: readonly CsmsChargerState[], seconds: number): string {
  const out: string[] = [`Summary after ${seconds.toFixed(1)} s: ${chargers.length} charger${chargers.length === 1 ? '' : 's'}`];
  for (const c of chargers) {
    const received = Object.values(c.stats.received).reduce((a, b) => a + b, 0);
    const sent = Object.values(c.stats.sent).reduce((a, b) => a + b, 0);
    const active = c.transactions.filter((t) => t.state === 'active').length;
    out.push(
      `${c.chargePointId}  ${c.version !== undefined ? `OCPP ${c.version}` : 'no version'}, boot ${c.boot.status}, ${c.connection.connects} connection${c.connection.connects === 1 ? '' : 's'}, ` +
        `${received} CALLs received, ${sent} sent, ${c.transactions.length} transaction${c.transactions.length === 1 ? '' : 's'} (${active} running), ${findingsText(c.stats.findings)}`,
    );
    const actions = [...new Set([...Object.keys(c.stats.received), ...Object.keys(c.stats.sent)])].sort();
    if (actions.length > 0) {
      out.push(`  ${pad('action', 34)}${pad('received', 10)}sent`);
      for (const a of actions) out.push(`  ${pad(a, 34)}${pad(String(c.stats.received[a] ?? 0), 10)}${c.stats.sent[a] ?? 0}`);
    }
    const rules = Object.entries(c.stats.rules).sort((a, b) => b[1] - a[1]);
    for (const [rule, count] of rules) out.push(`  finding ${rule} ×${count}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Prints a line per connection change and per frame (with its text), in order, as the
 * engine reports them in batches. Shared by `csms` and `sim`.
 */
export function followTraffic(engine: Engine, write: (line: string) => void): void {
  const chargerOf = new Map<string, string>();
  const seen = new Map<string, SessionSummary['state']>();
  let chain = Promise.resolve();
  engine.on('traffic.sessions', ({ sessions }) => {
    for (const s of sessions) {
      chargerOf.set(s.id, s.chargePointId);
      const before = seen.get(s.id);
      if (before === s.state) continue;
      seen.set(s.id, s.state);
      if (s.state === 'open' && before === undefined) write(formatConnectionLine('opened', s));
      else if (s.state === 'failed') write(formatConnectionLine('failed', s));
      else if (s.state === 'closed') write(formatConnectionLine('closed', s));
    }
  });
  engine.on('traffic.frames', ({ frames }) => {
    const batch: FrameSummary[] = frames;
    chain = chain.then(async () => {
      for (const f of batch) {
        try {
          const detail = await engine.call('frames.detail', { index: f.index });
          write(formatFrameLine(chargerOf.get(f.session) ?? '?', detail));
        } catch {
          // The store was cleared meanwhile: nothing to print.
        }
      }
    });
  });
}
