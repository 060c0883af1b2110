import { describe, expect, it } from 'vitest';
import { meterSeries, scheduleSeries } from './series';

describe('chart series', () => {
  it('reads energy and power from 1.6 and 2.x meter values, in Wh and W', () => {
    const series = meterSeries([
      { timestamp: '2026-01-01T10:00:10Z', sampledValue: [{ value: '1.5', unit: 'kWh', measurand: 'Energy.Active.Import.Register' }, { value: '7.2', unit: 'kW', measurand: 'Power.Active.Import' }] },
      { timestamp: '2026-01-01T10:00:00Z', sampledValue: [{ value: '1000' }, { value: '230', measurand: 'Voltage' }] },
      { timestamp: '2026-01-01T10:00:20Z', sampledValue: [{ value: 2, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh' } }, { value: 5, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 3 } }] },
    ]);
    expect(series.energyWh.map((p) => p.y)).toEqual([1000, 1500, 2000]);
    expect(series.powerW.map((p) => p.y)).toEqual([7200, 5000]);
  });

  it('reads the steps of a 1.6 profile and a 2.x schedule list', () => {
    expect(
      scheduleSeries({ chargingSchedule: { duration: 3600, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 600, limit: 10 }, { startPeriod: 0, limit: 16 }] } }),
    ).toEqual({ unit: 'A', end: 3600, points: [{ x: 0, y: 16 }, { x: 600, y: 10 }] });
    expect(scheduleSeries({ chargingSchedule: [{ id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] }] })?.points).toEqual([{ x: 0, y: 11000 }]);
    expect(scheduleSeries({ nothing: true })).toBeUndefined();
  });
});
