// What the charts plot, read from OCPP payloads: meter readings (1.6 MeterValue /
// 2.x MeterValueType) and charging schedules (1.6 ChargingSchedule, 2.x ChargingScheduleType).
import type { ChartPoint } from '../../components/charts/Chart';

const ENERGY = 'Energy.Active.Import.Register';
const POWER = 'Power.Active.Import';

export interface MeterSample {
  timestamp: string;
  sampledValue: ReadonlyArray<Record<string, unknown>>;
}

export interface MeterSeries {
  /** Energy register in Wh. */
  energyWh: ChartPoint[];
  /** Active power in W. */
  powerW: ChartPoint[];
}

/**
 * Energy and power over time. A sampled value without a measurand is the energy register
 * (OCPP 1.6 §7.45 and 2.0.1 SampledValueType default). Units: 1.6 `unit` (Wh, kWh, W, kW);
 * 2.x `unitOfMeasure` {unit, multiplier} (power of ten).
 */
export function meterSeries(samples: readonly MeterSample[]): MeterSeries {
  const out: MeterSeries = { energyWh: [], powerW: [] };
  for (const sample of samples) {
    const x = Date.parse(sample.timestamp);
    if (Number.isNaN(x)) continue;
    for (const sv of sample.sampledValue) {
      const measurand = typeof sv.measurand === 'string' ? sv.measurand : ENERGY;
      if (measurand !== ENERGY && measurand !== POWER) continue;
      if (sv.phase !== undefined) continue;
      const value = Number(sv.value);
      if (!Number.isFinite(value)) continue;
      const y = value * unitFactor(sv);
      (measurand === ENERGY ? out.energyWh : out.powerW).push({ x, y });
    }
  }
  out.energyWh.sort((a, b) => a.x - b.x);
  out.powerW.sort((a, b) => a.x - b.x);
  return out;
}

function unitFactor(sv: Record<string, unknown>): number {
  const uom = sv.unitOfMeasure as { unit?: unknown; multiplier?: unknown } | undefined;
  const unit = typeof sv.unit === 'string' ? sv.unit : typeof uom?.unit === 'string' ? uom.unit : '';
  const multiplier = typeof uom?.multiplier === 'number' ? 10 ** uom.multiplier : 1;
  return (unit === 'kWh' || unit === 'kW' ? 1000 : 1) * multiplier;
}

export interface ScheduleSeries {
  /** `W` or `A`, as the schedule says. */
  unit: string;
  /** Limits by seconds from the schedule's start. */
  points: ChartPoint[];
  /** Where the last period ends, in seconds, when the schedule has a duration. */
  end?: number;
  start?: string;
}

/**
 * The limit steps of a charging profile's schedule: 1.6 `chargingSchedule` is one object,
 * 2.x `chargingSchedule` a list (the first is plotted). A GetCompositeSchedule answer's
 * `chargingSchedule` (1.6) / `schedule` (2.x) has the same periods.
 */
export function scheduleSeries(profileOrSchedule: Record<string, unknown>): ScheduleSeries | undefined {
  const raw = profileOrSchedule.chargingSchedule ?? profileOrSchedule.schedule ?? profileOrSchedule;
  const schedule = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
  const periods = schedule?.chargingSchedulePeriod;
  if (schedule === undefined || !Array.isArray(periods)) return undefined;
  const points = (periods as Array<Record<string, unknown>>)
    .map((p) => ({ x: Number(p.startPeriod), y: Number(p.limit) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x);
  const result: ScheduleSeries = { unit: typeof schedule.chargingRateUnit === 'string' ? schedule.chargingRateUnit : '', points };
  if (typeof schedule.duration === 'number') result.end = schedule.duration;
  if (typeof schedule.startSchedule === 'string') result.start = schedule.startSchedule;
  return result;
}
