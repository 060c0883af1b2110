// Several simulated chargers started together (`--count N`, load tests): ids from a pattern,
// one recorder (one capture, the engine's traffic store), findings tallied per charger.
import type { FindingCounts } from '../../api/model';
import type { SimChargerState } from '../../api/sim';
import type { CaptureWriter, CaptureWriteError } from '../capture/writer';
import { JudgeSettings } from '../judge/settings';
import { LiveRecorder } from '../traffic/recorder';
import type { TrafficStore } from '../traffic/store';
import { newId } from '../util/ids';
import { SimulatedCharger, type SimulatedChargerOptions } from './charger';

export class IdPatternError extends Error {
  override name = 'IdPatternError';
}

/**
 * Charger ids for `count` chargers: `{n}` is replaced by 1, 2, …; `{n:3}` pads to three
 * digits (001…); a pattern without `{n}` gets `-1`, `-2`, … appended (one charger keeps it).
 */
export function expandIds(pattern: string, count: number): string[] {
  if (pattern.trim() === '') throw new IdPatternError('The charger id (pattern) is empty');
  const placeholder = /\{n(?::(\d+))?\}/g;
  const has = placeholder.test(pattern);
  if (!has && count === 1) return [pattern];
  const ids = Array.from({ length: count }, (_, i) =>
    has ? pattern.replace(/\{n(?::(\d+))?\}/g, (_m, width: string | undefined) => String(i + 1).padStart(width === undefined ? 0 : Number(width), '0')) : `${pattern}-${i + 1}`,
  );
  if (new Set(ids).size !== ids.length) throw new IdPatternError(`The pattern "${pattern}" gives the same id to several chargers`);
  const tooLong = ids.find((id) => id.length > 48);
  if (tooLong !== undefined) throw new IdPatternError(`Charger id "${tooLong}" is longer than 48 characters`);
  return ids;
}

export interface FleetOptions {
  idPattern: string;
  count: number;
  /** Everything a charger needs except its id and recorder. */
  charger: Omit<SimulatedChargerOptions, 'id' | 'recorder' | 'onChange'>;
  store?: TrafficStore;
  capture?: CaptureWriter;
  keepCredentials?: boolean;
  onChange?: (id: string) => void;
  /** Recording failed: the caller stops the fleet and tells the user. */
  onCaptureError?: (err: CaptureWriteError) => void;
  /** Milliseconds between two chargers' starts (spreads the connection storm); default 5. */
  staggerMs?: number;
}

type Tally = FindingCounts & { byRule: Record<string, number> };

export class Fleet {
  readonly id = newId('sim');
  readonly chargers = new Map<string, SimulatedCharger>();
  readonly recorder: LiveRecorder;
  private readonly tallies = new Map<string, Tally>();
  private startTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: FleetOptions) {
    const ids = expandIds(options.idPattern, options.count);
    this.recorder = new LiveRecorder({
      source: 'sim',
      ...(options.store !== undefined ? { store: options.store } : {}),
      ...(options.capture !== undefined ? { capture: options.capture } : {}),
      ...(options.onCaptureError !== undefined ? { onCaptureError: options.onCaptureError } : {}),
      ...(options.keepCredentials === true ? { keepCredentials: true } : {}),
      // Scaled timers (--time-scale) must not look like timing faults to the judge.
      ...(options.charger.timeScale !== undefined && options.charger.timeScale !== 1
        ? { judging: new JudgeSettings({ ...(options.store?.judging.profile !== undefined ? { profile: options.store.judging.profile } : {}), options: { ...(options.store?.judging.options ?? {}), timeScale: options.charger.timeScale } }) }
        : {}),
      onJudged: (j) => {
        if (j.verdict.findings.length === 0) return;
        const tally = this.tally(j.session.info.chargePointId);
        for (const f of j.verdict.findings) {
          tally[f.severity]++;
          tally.byRule[f.rule] = (tally.byRule[f.rule] ?? 0) + 1;
        }
      },
    });
    for (const id of ids) {
      this.chargers.set(
        id,
        new SimulatedCharger({
          ...options.charger,
          id,
          recorder: this.recorder,
          ...(options.onChange !== undefined ? { onChange: () => options.onChange!(id) } : {}),
        }),
      );
    }
  }

  private tally(id: string): Tally {
    let t = this.tallies.get(id);
    if (t === undefined) {
      t = { error: 0, warning: 0, info: 0, byRule: {} };
      this.tallies.set(id, t);
    }
    return t;
  }

  /** Starts every charger, a few milliseconds apart. */
  start(): void {
    const list = [...this.chargers.values()];
    const stagger = this.options.staggerMs ?? 5;
    let i = 0;
    const next = () => {
      this.startTimer = undefined;
      const batch = stagger === 0 ? list.length : 1;
      for (let k = 0; k < batch && i < list.length; k++) list[i++]!.start();
      if (i < list.length) this.startTimer = setTimeout(next, stagger);
    };
    next();
  }

  state(id: string): SimChargerState | undefined {
    const c = this.chargers.get(id);
    if (c === undefined) return undefined;
    const t = this.tally(id);
    return c.state({ ...t, byRule: { ...t.byRule } });
  }

  /** Stops chargers (all when `ids` is omitted) and returns their final states (findings judged). */
  async stop(ids?: readonly string[]): Promise<SimChargerState[]> {
    if (ids === undefined && this.startTimer !== undefined) clearTimeout(this.startTimer);
    const targets = ids === undefined ? [...this.chargers.keys()] : ids.filter((id) => this.chargers.has(id));
    await Promise.all(targets.map((id) => this.chargers.get(id)!.stop()));
    await this.recorder.settled();
    const states = targets.map((id) => this.state(id)!);
    for (const id of targets) this.chargers.delete(id);
    if (this.chargers.size === 0) await this.recorder.close();
    return states;
  }
}
