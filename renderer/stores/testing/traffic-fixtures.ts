// Synthetic traffic for tests: frame summaries made on demand from their index, so a
// "million-frame store" costs nothing until a page is asked for.
import type { CommandArgs, CommandResult } from '../../../api/commands';
import type { FrameDetail, FrameSummary, SessionSummary } from '../../../api/model';

type FrameQuery = CommandArgs<'frames.query'>;
type FramePage = CommandResult<'frames.query'>;

const ACTIONS = ['Heartbeat', 'StatusNotification', 'MeterValues', 'Authorize'];
const START = Date.parse('2026-01-01T10:00:00.000Z');

/** Even indexes are CALLs from the charger, odd ones the CSMS's CALLRESULT to the one before. */
export function syntheticFrame(index: number, session = 'ses_1'): FrameSummary {
  const call = index % 2 === 0;
  const request = call ? index : index - 1;
  const summary: FrameSummary = {
    index,
    session,
    seq: index,
    dir: call ? 'cp2csms' : 'csms2cp',
    time: new Date(START + index * 10).toISOString(),
    mono: index * 10,
    kind: call ? 'CALL' : 'CALLRESULT',
    action: ACTIONS[(request / 2) % ACTIONS.length],
    messageId: `m${request}`,
    pair: call ? index + 1 : index - 1,
    size: 40,
    findings: { error: index % 7 === 0 ? 1 : 0, warning: 0, info: 0 },
  };
  if (!call) summary.latencyMs = 10;
  return summary;
}

export function syntheticPage(total: number, query: FrameQuery): FramePage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 500;
  const frames: FrameSummary[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) frames.push(syntheticFrame(i));
  return { total, offset, frames };
}

export function syntheticDetail(index: number): FrameDetail {
  const summary = syntheticFrame(index);
  const text =
    summary.kind === 'CALL'
      ? JSON.stringify([2, summary.messageId, summary.action, { connectorId: 1, status: 'Available', info: { vendor: 'x' } }])
      : JSON.stringify([3, summary.messageId, { currentTime: summary.time }]);
  return {
    summary,
    text,
    ...(summary.pair !== undefined ? { pair: syntheticFrame(summary.pair) } : {}),
    findings:
      summary.findings.error > 0
        ? [{ rule: 'schema.enum', severity: 'error', group: 'schema', message: 'status must be one of the allowed values', path: '/status', keyword: 'enum', specRef: 'OCPP 1.6 §7.7' }]
        : [],
  };
}

export function session(patch: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: 'ses_1',
    chargePointId: 'CP-1',
    source: 'proxy',
    state: 'open',
    subprotocol: 'ocpp1.6',
    version: '1.6',
    opened: '2026-01-01T10:00:00.000Z',
    frames: 0,
    findings: { error: 0, warning: 0, info: 0 },
    ...patch,
  };
}
