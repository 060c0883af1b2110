// Charts of one session, where people would rather look than read: energy and power per
// transaction, and the charging schedules that were set or reported.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/Panel';
import { useFrameWindow, useSessions } from '../../stores/hooks';
import { meterByTransaction, schedulesOf } from './frame-series';
import { MeterChart } from './MeterChart';
import { ScheduleChart } from './ScheduleChart';
import { MAX_FRAMES, useChartFrames } from './use-chart-frames';
import './session-charts.css';

export function SessionCharts() {
  const session = useFrameWindow((s) => s.query.session);
  if (session === undefined) return <EmptyState title="Choose a session">Charts show one session: pick it in the list on the left.</EmptyState>;
  return <ChartsOf session={session} />;
}

function ChartsOf({ session }: { session: string }) {
  const [reload, setReload] = useState(0);
  const chargePoint = useSessions((s) => s.byId.get(session)?.chargePointId ?? session);
  const { frames, truncated, error, loading } = useChartFrames(session, reload);
  if (error !== undefined) return <EmptyState title="Charts could not be drawn">{error}</EmptyState>;
  if (loading || frames === undefined) return <p className="dim pad">Reading meter values and schedules…</p>;
  const transactions = meterByTransaction(frames);
  const schedules = schedulesOf(frames);
  return (
    <div className="session-charts" data-testid="session-charts">
      <div className="charts-bar">
        <span className="dim">
          {chargePoint}: {describeGroups(transactions.map((t) => t.id))}, {schedules.length} schedule{schedules.length === 1 ? '' : 's'}
          {truncated > 0 ? ` (first ${MAX_FRAMES} frames; ${truncated} more not read)` : ''}
        </span>
        <Button small variant="ghost" onClick={() => setReload((n) => n + 1)}>
          Refresh
        </Button>
      </div>
      {transactions.length === 0 && schedules.length === 0 && <EmptyState title="Nothing to chart">This session has no meter values and no charging schedules.</EmptyState>}
      {transactions.map((t) => (
        <section key={t.id} className="chart-section">
          <h3>
            {t.id.startsWith('connector') ? t.id : `Transaction ${t.id}`} <span className="dim">· {t.samples.length} readings</span>
          </h3>
          <MeterChart samples={t.samples} label={`Meter values of ${t.id}`} />
        </section>
      ))}
      {schedules.map((s) => (
        <section key={s.index} className="chart-section">
          <h3>{s.label}</h3>
          <ScheduleChart profile={s.profile} label={s.label} />
        </section>
      ))}
    </div>
  );
}

function describeGroups(ids: readonly string[]): string {
  const outside = ids.filter((id) => id.startsWith('connector')).length;
  const inside = ids.length - outside;
  const parts = [`${inside} transaction${inside === 1 ? '' : 's'} with meter values`];
  if (outside > 0) parts.push(`readings outside transactions on ${outside} connector${outside === 1 ? '' : 's'}`);
  return parts.join(', ');
}
