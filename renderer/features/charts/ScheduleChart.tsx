import { Chart } from '../../components/charts/Chart';
import { scheduleSeries } from './series';

/** A charging profile's (or composite schedule's) limit as steps over time from its start. */
export function ScheduleChart({ profile, label }: { profile: Record<string, unknown>; label: string }) {
  const series = scheduleSeries(profile);
  if (series === undefined || series.points.length === 0) return <p className="dim">This profile has no schedule periods to plot.</p>;
  return (
    <div data-testid="schedule-chart">
      <Chart
        label={label}
        shape="step"
        x="seconds"
        unit={series.unit}
        {...(series.end !== undefined ? { xEnd: series.end } : {})}
        series={[{ name: `limit (${series.unit})${series.start !== undefined ? ` from ${series.start}` : ''}`, points: series.points }]}
        height={140}
      />
    </div>
  );
}
