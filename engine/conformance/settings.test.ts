// SUT settings: defaults, merging and the errors that name what is wrong.
import { describe, expect, it } from 'vitest';
import { mergeSettings } from './settings';

describe('smartCharging settings (OCTT 1.6 §2.22, §3.19 "<Configured …>" values)', () => {
  it('default to a 32 A charger, and the local limit follows a W unit unless given', () => {
    expect(mergeSettings(undefined).smartCharging).toEqual({ chargingRateUnit: 'A', numberPhases: 3, stackLevel: 0, duration: 300, maxTimeDeviation: 5, localLimit: 32 });
    expect(mergeSettings({ smartCharging: { chargingRateUnit: 'W' } }).smartCharging).toMatchObject({ chargingRateUnit: 'W', localLimit: 22080, duration: 300 });
    expect(mergeSettings({ smartCharging: { chargingRateUnit: 'W', localLimit: 11000 } }).smartCharging.localLimit).toBe(11000);
    // The runner merges full settings again with a request's: a full group stays as it is.
    const once = mergeSettings({ smartCharging: { stackLevel: 2 } });
    expect(mergeSettings(once as unknown as Record<string, unknown>).smartCharging).toEqual(once.smartCharging);
  });

  it('refuse unknown fields and values out of range, naming them', () => {
    expect(() => mergeSettings({ smartCharging: { unit: 'A' } }, 'sut.yaml')).toThrow(/sut.yaml: unknown setting "smartCharging.unit"/);
    expect(() => mergeSettings({ smartCharging: { chargingRateUnit: 'kW' } })).toThrow(/chargingRateUnit must be A or W/);
    expect(() => mergeSettings({ smartCharging: { numberPhases: 4 } })).toThrow(/numberPhases must be 1, 2 or 3/);
    expect(() => mergeSettings({ smartCharging: { duration: 0 } })).toThrow(/duration must be a positive whole number/);
    expect(() => mergeSettings({ smartCharging: { localLimit: -1 } })).toThrow(/localLimit must be a positive number/);
    expect(() => mergeSettings({ smartCharging: [] })).toThrow(/smartCharging must be an object/);
  });
});
