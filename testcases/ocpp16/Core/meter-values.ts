// Tool validations shared by the 1.6 meter value cases (TC_070_CS, TC_071_CS, TC_036_CS):
// the spacing of MeterValue timestamps, clock alignment, the reading context and the
// measurands configured. OCPP 1.6 §3.16 (metering data), §7.31 (Measurand), §7.35
// (ReadingContext), §7.43 (SampledValue: an omitted context is Sample.Periodic, an omitted
// measurand Energy.Active.Import.Register), §9.1 (the metering keys).
//
// Time in scaled runs: the built-in simulator runs its timers on the run's time scale f and
// stamps payloads with the real clock, so "x seconds apart" shows as f·x real seconds and
// "on multiples of x from midnight" as multiples of f·x real seconds from midnight (UTC) —
// the grid engine/charger/v16/sessions.ts aligns to. These checks use the same scale
// (`t.ms`), so at scale 1 they are exactly the document's.
import type { Harness, Received } from '../../../engine/conformance/harness';

export const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';
const PHASES = ['L1', 'L2', 'L3', 'N', 'L1-N', 'L2-N', 'L3-N'];

interface SampledValue {
  value: string;
  context?: string;
  measurand?: string;
  phase?: string;
}

interface MeterValue {
  timestamp: string;
  sampledValue: SampledValue[];
}

/** A measurand list key's value (e.g. MeterValuesSampledData) as measurand and phase; empty means the energy register. */
export function configuredMeasurands(value: string | undefined): Array<{ measurand: string; phase?: string }> {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (entries.length === 0) return [{ measurand: DEFAULT_MEASURAND }];
  return entries.map((entry) => {
    const dot = entry.lastIndexOf('.');
    const suffix = entry.slice(dot + 1);
    return dot > 0 && PHASES.includes(suffix) ? { measurand: entry.slice(0, dot), phase: suffix } : { measurand: entry };
  });
}

function meterValuesOf(messages: readonly Received[]): MeterValue[] {
  return messages.flatMap((m) => (m.payload['meterValue'] as MeterValue[] | undefined) ?? []);
}

/**
 * How far a timestamp may be off, in real ms: the 1 s resolution of real chargers'
 * timestamps; in a scaled run no less than 100 ms, what timers hold on a loaded machine.
 */
export function toleranceMs(t: Harness): number {
  return Math.max(t.ms(1), 100);
}

const fmt = (ms: number, t: Harness) => `${(ms / t.ms(1)).toFixed(1)} s`;

/** Consecutive MeterValue timestamps are `seconds` apart. */
export function checkSpacing(t: Harness, messages: readonly Received[], seconds: number): boolean {
  const times = meterValuesOf(messages).map((mv) => Date.parse(mv.timestamp));
  const gaps = times.slice(1).map((time, i) => time - times[i]!);
  const off = gaps.filter((gap) => !Number.isFinite(gap) || Math.abs(gap - t.ms(seconds)) > toleranceMs(t));
  return t.check(
    `the meter values are ${seconds} s apart (MeterValue.timestamp)`,
    times.length >= 2 && off.length === 0,
    times.length < 2 ? `only ${times.length} timestamp(s)` : `intervals: ${gaps.map((g) => fmt(g, t)).join(', ')}`,
  );
}

/** Every MeterValue timestamp sits on a multiple of `seconds` counted from midnight. */
export function checkClockAligned(t: Harness, messages: readonly Received[], seconds: number): boolean {
  const period = t.ms(seconds);
  const stamps = meterValuesOf(messages).map((mv) => mv.timestamp);
  const off = stamps.filter((stamp) => {
    const time = Date.parse(stamp);
    if (!Number.isFinite(time)) return true;
    const sinceMidnight = time - Date.UTC(new Date(time).getUTCFullYear(), new Date(time).getUTCMonth(), new Date(time).getUTCDate());
    const phase = sinceMidnight % period;
    return Math.min(phase, period - phase) > toleranceMs(t);
  });
  return t.check(`every timestamp is clock-aligned: on a multiple of ${seconds} s from midnight`, stamps.length > 0 && off.length === 0, `not aligned: ${off.join(', ')}`);
}

/** Every sampled value has this context (an omitted context means Sample.Periodic, §7.43). */
export function checkContext(t: Harness, messages: readonly Received[], context: 'Sample.Periodic' | 'Sample.Clock'): boolean {
  const contexts = meterValuesOf(messages).flatMap((mv) => mv.sampledValue.map((sv) => sv.context ?? 'Sample.Periodic'));
  const wrong = contexts.filter((c) => c !== context);
  return t.check(`every sampledValue.context is ${context}`, contexts.length > 0 && wrong.length === 0, `contexts: ${[...new Set(contexts)].join(', ')}`);
}

/** Every MeterValue has a sampled value for each configured measurand (an omitted measurand is the energy register, §7.43). */
export function checkMeasurands(t: Harness, messages: readonly Received[], key: string, wanted: ReadonlyArray<{ measurand: string; phase?: string }>): boolean {
  const names = wanted.map((w) => (w.phase !== undefined ? `${w.measurand}.${w.phase}` : w.measurand));
  const missing = meterValuesOf(messages).flatMap((mv) =>
    wanted
      .filter((w) => !mv.sampledValue.some((sv) => (sv.measurand ?? DEFAULT_MEASURAND) === w.measurand && (w.phase === undefined || sv.phase === w.phase)))
      .map((w) => `${w.phase !== undefined ? `${w.measurand}.${w.phase}` : w.measurand} at ${mv.timestamp}`),
  );
  return t.check(`every meter value has a sampled value for each measurand of ${key}: ${names.join(', ')}`, missing.length === 0, `missing: ${missing.join('; ')}`);
}
