// The electrical meter of one connector: a monotonic energy register fed by the power
// drawn, and instantaneous readings of the measurands the simulator supports. Times are
// simulated: the register advances by power × (real elapsed / time scale), so a run with a
// small time scale shows realistic energy figures.
//
// Measurand names: OCPP 1.6 §7.31 and 2.0.1 MeasurandEnumType (same spellings).

/** Measurands this simulator can measure. Others are refused in configuration (1.6 §3.16.4). */
export const SUPPORTED_MEASURANDS = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Power.Offered',
  'Current.Import',
  'Current.Offered',
  'Voltage',
  'Frequency',
  'SoC',
  'Temperature',
] as const;

export type Measurand = (typeof SUPPORTED_MEASURANDS)[number];

export const NOMINAL_VOLTAGE = 230;
export const PHASES = 3;

export interface Reading {
  measurand: Measurand;
  value: number;
  unit: 'Wh' | 'W' | 'A' | 'V' | 'Hz' | 'Percent' | 'Celsius';
  phase?: 'L1' | 'L2' | 'L3' | 'L1-N' | 'L2-N' | 'L3-N';
  location?: 'Outlet' | 'EV' | 'Body';
}

/** Parses a measurand list entry (`Current.Import` or `Current.Import.L1`); undefined if unsupported. */
export function parseMeasurand(entry: string): { measurand: Measurand; phase?: string } | undefined {
  const trimmed = entry.trim();
  if ((SUPPORTED_MEASURANDS as readonly string[]).includes(trimmed)) return { measurand: trimmed as Measurand };
  const m = /^(.*)\.(L1|L2|L3|N|L1-N|L2-N|L3-N)$/.exec(trimmed);
  if (m !== null && (SUPPORTED_MEASURANDS as readonly string[]).includes(m[1]!)) return { measurand: m[1] as Measurand, phase: m[2]! };
  return undefined;
}

/** Splits a comma separated measurand list; returns the unsupported entries too. */
export function parseMeasurandList(csl: string): { ok: Array<{ measurand: Measurand; phase?: string }>; unsupported: string[] } {
  const ok: Array<{ measurand: Measurand; phase?: string }> = [];
  const unsupported: string[] = [];
  for (const entry of csl.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const parsed = parseMeasurand(entry);
    if (parsed === undefined) unsupported.push(entry);
    else ok.push(parsed);
  }
  return { ok, unsupported };
}

export class ConnectorMeter {
  /** Energy register in Wh, never decreasing (unless a faulty behaviour says so). */
  registerWh: number;
  /** Power drawn now, W. */
  powerW = 0;
  /** Power offered to the EV now, W. */
  offeredW: number;
  socPercent = 20;
  private lastMono: number | undefined;

  constructor(
    startWh: number,
    readonly maxPowerW: number,
    private readonly timeScale: number,
    /** Behaviour meter-goes-backwards: the register runs down instead of up. */
    private readonly backwards = false,
  ) {
    this.registerWh = startWh;
    this.offeredW = maxPowerW;
  }

  /** Brings the register up to `monoMs` (real monotonic milliseconds). */
  accrue(monoMs: number): void {
    if (this.lastMono !== undefined && monoMs > this.lastMono && this.powerW > 0) {
      const simulatedHours = (monoMs - this.lastMono) / Math.max(this.timeScale, 1e-9) / 3_600_000;
      const wh = this.powerW * simulatedHours;
      this.registerWh = Math.max(0, this.registerWh + (this.backwards ? -wh : wh));
      // A 60 kWh battery, for a plausible state of charge.
      this.socPercent = Math.min(100, this.socPercent + (wh / 60_000) * 100);
    }
    this.lastMono = monoMs;
  }

  /** Sets the power drawn from now on (accruing what was drawn until now first). */
  setPower(monoMs: number, powerW: number, offeredW: number): void {
    this.accrue(monoMs);
    this.powerW = Math.max(0, powerW);
    this.offeredW = Math.max(0, offeredW);
  }

  /** Register reading rounded to whole Wh, as transmitted. */
  get registerWhInt(): number {
    return Math.round(this.registerWh);
  }

  /** The readings for the given measurands, as they are now. */
  read(monoMs: number, wanted: ReadonlyArray<{ measurand: Measurand; phase?: string }>): Reading[] {
    this.accrue(monoMs);
    const out: Reading[] = [];
    const perPhaseA = this.powerW / (NOMINAL_VOLTAGE * PHASES);
    const offeredA = this.offeredW / (NOMINAL_VOLTAGE * PHASES);
    for (const { measurand, phase } of wanted) {
      switch (measurand) {
        case 'Energy.Active.Import.Register':
          out.push({ measurand, value: this.registerWhInt, unit: 'Wh', location: 'Outlet' });
          break;
        case 'Power.Active.Import':
          out.push({ measurand, value: round(this.powerW, 0), unit: 'W', location: 'Outlet' });
          break;
        case 'Power.Offered':
          out.push({ measurand, value: round(this.offeredW, 0), unit: 'W', location: 'Outlet' });
          break;
        case 'Current.Offered':
          out.push({ measurand, value: round(offeredA, 1), unit: 'A', location: 'Outlet' });
          break;
        case 'Current.Import':
          // All phases when none is asked for (OCPP 1.6 §3.16.3).
          for (const p of phase !== undefined ? [phase] : ['L1', 'L2', 'L3']) {
            out.push({ measurand, value: round(perPhaseA, 1), unit: 'A', phase: p as Reading['phase'] & string, location: 'Outlet' });
          }
          break;
        case 'Voltage':
          for (const p of phase !== undefined ? [phase] : ['L1-N', 'L2-N', 'L3-N']) {
            out.push({ measurand, value: NOMINAL_VOLTAGE, unit: 'V', phase: p as Reading['phase'] & string, location: 'Outlet' });
          }
          break;
        case 'Frequency':
          out.push({ measurand, value: 50, unit: 'Hz', location: 'Outlet' });
          break;
        case 'SoC':
          out.push({ measurand, value: round(this.socPercent, 0), unit: 'Percent', location: 'EV' });
          break;
        case 'Temperature':
          out.push({ measurand, value: 25, unit: 'Celsius', location: 'Body' });
          break;
      }
    }
    return out;
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
