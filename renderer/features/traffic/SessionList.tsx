import { memo, type KeyboardEvent } from 'react';
import type { SessionSummary } from '../../../api/model';
import { FindingBadges, StateDot } from '../../components/Badge';
import { useStores } from '../../stores/context';
import { useFrameWindow, useSessions } from '../../stores/hooks';
import { timeOfDay } from './format';

/** Sessions the store holds; choosing one narrows the frame table to it. */
export function SessionList() {
  const { frames } = useStores();
  const order = useSessions((s) => s.order);
  const byId = useSessions((s) => s.byId);
  const current = useFrameWindow((s) => s.query.session);
  const choose = (id: string | undefined) => void frames.getState().actions.setQuery({ session: id });
  let totalFrames = 0;
  for (const s of byId.values()) totalFrames += s.frames;

  // Up and down move through "All sessions" and the sessions, as in any list.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const ids: Array<string | undefined> = [undefined, ...order];
    const at = ids.indexOf(current);
    const next = ids[Math.max(0, Math.min(ids.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next !== current) choose(next);
  };

  return (
    <ul className="session-list" role="listbox" aria-label="Sessions" data-testid="session-list" tabIndex={0} onKeyDown={onKeyDown}>
      <li role="option" aria-selected={current === undefined} className="session-item session-all" onClick={() => choose(undefined)} data-testid="session-all">
        <div className="session-line">
          <span className="session-cp">All sessions</span>
          <span className="session-count">{totalFrames.toLocaleString('en-US')}</span>
        </div>
        <div className="session-meta dim">
          {order.length} session{order.length === 1 ? '' : 's'}
        </div>
      </li>
      {order.map((id) => {
        const session = byId.get(id);
        return session === undefined ? null : <SessionItem key={id} session={session} selected={current === id} onChoose={choose} />;
      })}
    </ul>
  );
}

const SessionItem = memo(function SessionItem({ session, selected, onChoose }: { session: SessionSummary; selected: boolean; onChoose(id: string): void }) {
  const title = [session.path, session.remoteAddress, session.reason].filter(Boolean).join('\n');
  return (
    <li role="option" aria-selected={selected} className="session-item" onClick={() => onChoose(session.id)} title={title} data-testid="session-item" data-session={session.id}>
      <div className="session-line">
        <StateDot state={session.state} />
        <span className="session-cp">{session.chargePointId}</span>
        <span className="session-count">{session.frames.toLocaleString('en-US')}</span>
      </div>
      <div className="session-meta">
        <span className="dim">
          {session.version !== undefined ? `OCPP ${session.version}` : (session.subprotocol ?? 'no subprotocol')} · {session.source} · {session.state}
        </span>
        <FindingBadges counts={session.findings} />
      </div>
      <div className="session-meta faint">
        {timeOfDay(session.opened)}
        {session.closed !== undefined ? ` – ${timeOfDay(session.closed)}` : ''}
        {session.reason !== undefined && session.state !== 'open' ? ` · ${session.reason}` : ''}
      </div>
    </li>
  );
});
