// What the console sent to this charger and how it answered, newest first.
import { useState } from 'react';
import { FindingBadges } from '../../components/Badge';
import { JsonTree } from '../../components/json/JsonTree';
import type { SentCommand } from '../../stores/csms/csms-store';
import { useCsms } from '../../stores/hooks';
import { duration, timeOfDay } from '../traffic/format';

export function SentList({ chargePointId }: { chargePointId: string }) {
  const sent = useCsms((s) => s.sent);
  const mine = sent.filter((c) => c.chargePointId === chargePointId);
  const [open, setOpen] = useState<number | undefined>();
  if (mine.length === 0) return null;
  const shown = mine.find((c) => c.id === open) ?? mine[0]!;
  return (
    <div className="sent">
      <h3>Sent</h3>
      <ul className="sent-list" data-testid="sent-list">
        {mine.map((c) => (
          <li key={c.id}>
            <button type="button" className={c.id === shown.id ? 'sent-item sent-item-open' : 'sent-item'} onClick={() => setOpen(c.id)} data-testid="sent-item" data-outcome={outcomeKind(c)}>
              <span className="dim">{timeOfDay(c.at)}</span> <b>{c.action}</b> <Outcome command={c} />
            </button>
          </li>
        ))}
      </ul>
      <SentDetail command={shown} />
    </div>
  );
}

function outcomeKind(c: SentCommand): string {
  return c.error !== undefined ? 'failed' : (c.outcome?.kind ?? 'pending');
}

function Outcome({ command }: { command: SentCommand }) {
  const { outcome, error } = command;
  if (error !== undefined) return <span className="error-text">not sent: {error.message}</span>;
  if (outcome === undefined) return <span className="dim">waiting…</span>;
  switch (outcome.kind) {
    case 'result':
      return (
        <span>
          <span className="ok-text">answered</span> in {duration(outcome.latencyMs)}{' '}
          <FindingBadges counts={{ error: outcome.findings.filter((f) => f.severity === 'error').length, warning: outcome.findings.filter((f) => f.severity === 'warning').length, info: 0 }} />
        </span>
      );
    case 'error':
      return (
        <span className="error-text">
          CALLERROR {outcome.code} in {duration(outcome.latencyMs)}
        </span>
      );
    case 'timeout':
      return <span className="error-text">no answer within {duration(outcome.timeoutMs)}</span>;
    case 'closed':
      return <span className="error-text">the connection closed first</span>;
  }
}

function SentDetail({ command }: { command: SentCommand }) {
  const { outcome } = command;
  return (
    <div className="sent-detail" data-testid="sent-detail">
      <div className="sent-columns">
        <div>
          <div className="dim">Request</div>
          <JsonTree value={command.payload} openDepth={3} />
        </div>
        <div>
          <div className="dim">Answer</div>
          {outcome?.kind === 'result' && <JsonTree value={outcome.payload} openDepth={3} />}
          {outcome?.kind === 'error' && <JsonTree value={{ code: outcome.code, description: outcome.description, details: outcome.details }} />}
          {outcome?.kind === 'result' &&
            outcome.findings.map((f, i) => (
              <div key={i} className="error-text">
                {f.path ?? ''} {f.message}
              </div>
            ))}
        </div>
      </div>
      {outcome !== undefined && outcome.notes.length > 0 && (
        <ul className="plain-list dim">
          {outcome.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
