import { Chart } from '../../components/charts/Chart';
import { meterSeries, type MeterSample } from './series';

/** Energy register (kWh) and, when reported, power (kW) over a transaction. */
export function MeterChart({ samples, label }: { samples: readonly MeterSample[]; label: string }) {
  const { energyWh, powerW } = meterSeries(samples);
  if (energyWh.length === 0 && powerW.length === 0) return <p className="dim">No energy or power readings in this transaction's meter values.</p>;
  return (
    <div className="chart-pair" data-testid="meter-chart">
      {energyWh.length > 0 && <Chart label={`${label}: energy`} shape="line" x="time" unit="kWh" series={[{ name: 'Energy.Active.Import.Register', points: energyWh.map((p) => ({ x: p.x, y: p.y / 1000 })) }]} />}
      {powerW.length > 0 && <Chart label={`${label}: power`} shape="step" x="time" unit="kW" series={[{ name: 'Power.Active.Import', points: powerW.map((p) => ({ x: p.x, y: p.y / 1000 })), color: 'var(--csms)' }]} />}
    </div>
  );
}
