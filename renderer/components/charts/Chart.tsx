// A small SVG chart for the few shapes the bench needs: a value over time as a line
// (meter readings) or as steps (charging schedule limits). Drawn by hand: a chart library
// would weigh more than the whole UI for two shapes.
import { useState } from 'react';
import { linear, niceDomain, niceTicks, shortNumber } from './scale';
import { useWidth } from './use-width';
import './chart.css';

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  name: string;
  points: readonly ChartPoint[];
  /** A CSS colour; the palette's next one by default. */
  color?: string;
}

export interface ChartProps {
  series: readonly ChartSeries[];
  shape: 'line' | 'step';
  /** Unit of the y values, for the axis and the readout. */
  unit: string;
  /** How x values read: a time of day (ms since the epoch) or an offset in seconds. */
  x: 'time' | 'seconds';
  /** For step charts: where the last step ends (otherwise it runs to the right edge). */
  xEnd?: number;
  height?: number;
  label: string;
  testId?: string;
}

const PALETTE = ['var(--accent)', 'var(--csms)', 'var(--cp)', 'var(--warning)', 'var(--error)'];
const M = { top: 10, right: 14, bottom: 22, left: 52 };

export function Chart({ series, shape, unit, x: xKind, xEnd, height = 170, label, testId }: ChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | undefined>();
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x).concat(xEnd !== undefined ? [xEnd] : []);
  const xDomain: [number, number] = xs.length === 0 ? [0, 1] : [Math.min(...xs), Math.max(...xs) === Math.min(...xs) ? Math.min(...xs) + 1 : Math.max(...xs)];
  const yDomain = niceDomain(all.map((p) => p.y));
  const x = linear(xDomain, [M.left, Math.max(M.left + 10, width - M.right)]);
  const y = linear(yDomain, [height - M.bottom, M.top]);

  const paths = series.map((s) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (pts.length === 0) return '';
    if (shape === 'line') return pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join('');
    let d = `M${x(pts[0]!.x).toFixed(1)},${y(pts[0]!.y).toFixed(1)}`;
    for (let i = 1; i < pts.length; i++) d += `H${x(pts[i]!.x).toFixed(1)}V${y(pts[i]!.y).toFixed(1)}`;
    return d + `H${x(xEnd ?? xDomain[1]).toFixed(1)}`;
  });

  const xTicks = niceTicks(xDomain[0], xDomain[1], Math.max(2, Math.floor(width / 110)));
  const yTicks = niceTicks(yDomain[0], yDomain[1], 4);
  const readout = hover === undefined ? undefined : nearest(series, x, hover);

  return (
    <div ref={ref} className="chart" data-testid={testId} role="img" aria-label={label}>
      <svg width={width} height={height} onMouseMove={(e) => setHover(e.clientX - e.currentTarget.getBoundingClientRect().left)} onMouseLeave={() => setHover(undefined)}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="chart-grid" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text className="chart-tick" x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {shortNumber(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} className="chart-tick" x={x(t)} y={height - 6} textAnchor="middle">
            {xKind === 'time' ? clock(t) : seconds(t - xDomain[0])}
          </text>
        ))}
        <text className="chart-unit" x={4} y={M.top + 2} dy="0.7em">
          {unit}
        </text>
        {paths.map((d, i) => (
          <path key={series[i]!.name} d={d} className="chart-line" style={{ stroke: series[i]!.color ?? PALETTE[i % PALETTE.length] }} />
        ))}
        {readout !== undefined && (
          <g>
            <line className="chart-cursor" x1={x(readout.point.x)} x2={x(readout.point.x)} y1={M.top} y2={height - M.bottom} />
            <circle cx={x(readout.point.x)} cy={y(readout.point.y)} r={3} style={{ fill: readout.color }} />
          </g>
        )}
      </svg>
      <div className="chart-legend">
        {series.map((s, i) => (
          <span key={s.name}>
            <i style={{ background: s.color ?? PALETTE[i % PALETTE.length] }} /> {s.name}
          </span>
        ))}
        {readout !== undefined && (
          <span className="chart-readout">
            {xKind === 'time' ? clock(readout.point.x) : seconds(readout.point.x - xDomain[0])}: {shortNumber(readout.point.y)} {unit}
          </span>
        )}
      </div>
    </div>
  );
}

function nearest(series: readonly ChartSeries[], x: (v: number) => number, px: number): { point: ChartPoint; color: string } | undefined {
  let best: { point: ChartPoint; color: string; d: number } | undefined;
  series.forEach((s, i) => {
    for (const p of s.points) {
      const d = Math.abs(x(p.x) - px);
      if (best === undefined || d < best.d) best = { point: p, color: s.color ?? PALETTE[i % PALETTE.length]!, d };
    }
  });
  return best;
}

const pad = (n: number) => String(n).padStart(2, '0');
function clock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
function seconds(s: number): string {
  if (s >= 3600) return `${Number((s / 3600).toFixed(2))} h`;
  if (s >= 60) return `${Number((s / 60).toFixed(1))} min`;
  return `${Number(s.toFixed(1))} s`;
}
