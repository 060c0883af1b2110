// Charging profiles: storage, the limit a profile sets at an instant, and the composite
// schedule, shared by the 1.6 and 2.x models (which translate their wire shapes to these).
//
// OCPP 1.6 §3.13.1 (purposes; TxProfile overrules TxDefaultProfile for its transaction; a
// connector-specific TxDefaultProfile replaces the connector-0 one for that connector),
// §3.13.2 (the highest stackLevel valid at an instant prevails; a profile that has ended
// falls back to lower levels, errata 3.43), §3.13.3 (composite = minimum of the purposes),
// §5.16.3/5.16.4 (same id, or same stackLevel + purpose, replaces), errata 3.8 (a new
// TxDefaultProfile applies to running transactions without a TxProfile);
// 2.0.1 Part 2 K01–K08 (the same with ChargingStationMaxProfile and evse ids).

export type PurposeKind = 'max' | 'txDefault' | 'tx' | 'external';

export interface SchedulePeriod {
  /** Seconds from the start of the schedule. */
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

export interface Schedule {
  /** Wall-clock ms. */
  startSchedule?: number;
  /** Seconds. */
  duration?: number;
  unit: 'A' | 'W';
  periods: SchedulePeriod[];
  minChargingRate?: number;
}

export interface Profile {
  id: number;
  /** 1.6 connector id / 2.x evse id; 0 = the whole charger. */
  connectorId: number;
  stackLevel: number;
  kind: PurposeKind;
  /** The purpose as spelled on the wire. */
  purpose: string;
  profileKind: 'Absolute' | 'Recurring' | 'Relative';
  recurrency?: 'Daily' | 'Weekly';
  validFrom?: number;
  validTo?: number;
  transactionId?: string;
  /** Wall-clock ms when the charger installed it (behaviour txdefault-spares-running-transaction). */
  installedAt?: number;
  schedules: Schedule[];
  /** The profile as received, for reports. */
  raw: Record<string, unknown>;
}

export interface Limit {
  /** In the unit asked for. */
  limit: number;
  numberPhases?: number;
}

export interface CompositePeriod extends Limit {
  startPeriod: number;
}

const VOLTS = 230;
const DEFAULT_PHASES = 3;

/**
 * A limit with one decimal that passes the schemas' `multipleOf: 0.1` as JSON-Schema
 * validators compute it (value / 0.1 must be an integer in floating point: 15.9 is not),
 * rounding down to whole units when it would not. Rounding a maximum down stays within it.
 */
export function tenths(value: number): number {
  const r = Math.round(value * 10) / 10;
  const q = r / 0.1;
  return q === Math.trunc(q) ? r : Math.floor(r);
}

export function convert(limit: number, from: 'A' | 'W', to: 'A' | 'W', phases = DEFAULT_PHASES): number {
  if (from === to) return limit;
  return from === 'A' ? limit * VOLTS * phases : limit / (VOLTS * phases);
}

function recurrenceMs(p: Profile): number | undefined {
  if (p.profileKind !== 'Recurring') return undefined;
  return (p.recurrency === 'Weekly' ? 7 : 1) * 86_400_000;
}

/** Where the schedule in effect at `t` starts, or undefined if it does not apply. */
function scheduleStartAt(p: Profile, s: Schedule, t: number, txStart: number | undefined, fallbackStart: number): number | undefined {
  if (p.profileKind === 'Relative') return txStart ?? fallbackStart;
  const base = s.startSchedule ?? p.validFrom ?? fallbackStart;
  const every = recurrenceMs(p);
  if (every === undefined) return base;
  return base + Math.floor((t - base) / every) * every;
}

/** The limit a profile sets at instant `t` (native unit), or undefined where it sets none. */
export function profileLimitAt(p: Profile, t: number, txStart: number | undefined, fallbackStart: number): (Limit & { unit: 'A' | 'W' }) | undefined {
  if (p.validFrom !== undefined && t < p.validFrom) return undefined;
  if (p.validTo !== undefined && t >= p.validTo) return undefined;
  const s = p.schedules[0];
  if (s === undefined) return undefined;
  const start = scheduleStartAt(p, s, t, txStart, fallbackStart);
  if (start === undefined || t < start) return undefined;
  const offset = (t - start) / 1000;
  if (s.duration !== undefined && offset >= s.duration) return undefined;
  let found: SchedulePeriod | undefined;
  for (const period of s.periods) if (period.startPeriod <= offset) found = period;
  if (found === undefined) return undefined;
  return { limit: found.limit, unit: s.unit, ...(found.numberPhases !== undefined ? { numberPhases: found.numberPhases } : {}) };
}

/** Instants in [from, to) where the profile's limit may change. */
function breakpoints(p: Profile, from: number, to: number, txStart: number | undefined, fallbackStart: number): number[] {
  const out: number[] = [];
  const add = (t: number) => {
    if (t > from && t < to) out.push(t);
  };
  if (p.validFrom !== undefined) add(p.validFrom);
  if (p.validTo !== undefined) add(p.validTo);
  const s = p.schedules[0];
  if (s === undefined) return out;
  const every = recurrenceMs(p);
  const starts: number[] = [];
  if (every === undefined) {
    const start = scheduleStartAt(p, s, from, txStart, fallbackStart);
    if (start !== undefined) starts.push(start);
  } else {
    const first = scheduleStartAt(p, s, from, txStart, fallbackStart);
    if (first !== undefined) for (let t = first; t < to; t += every) starts.push(t);
  }
  for (const start of starts) {
    add(start);
    for (const period of s.periods) add(start + period.startPeriod * 1000);
    if (s.duration !== undefined) add(start + s.duration * 1000);
  }
  return out;
}

export interface CompositeRequest {
  connectorId: number;
  /** Wall-clock ms. */
  from: number;
  durationS: number;
  unit: 'A' | 'W';
  /** The running transaction on the connector, if any. */
  transaction?: { id: string; startedAt: number };
  /** The charger's own limit when no profile applies (native unit given). */
  localLimit: { limit: number; unit: 'A' | 'W'; numberPhases?: number };
  /** Behaviour stacks-profiles-wrongly: the lowest stack level wins. */
  lowestStackWins?: boolean;
  /** Behaviours txdefault-ignored, txprofile-ignored: profiles of these purposes limit nothing. */
  ignoredKinds?: readonly PurposeKind[];
  /** Behaviour txprofile-falls-back-to-txdefault: where the TxProfile sets no limit, the TxDefaultProfile does. */
  txDefaultAfterTxProfile?: boolean;
  /**
   * Behaviour txdefault-spares-running-transaction: a TxDefaultProfile installed after the transaction started does not limit it.
   * Installed in the same wall-clock millisecond counts as after: the start was handled first (one message at a time).
   */
  txDefaultSparesRunningTransaction?: boolean;
}

export class ProfileStore {
  private list: Profile[] = [];

  all(): readonly Profile[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** Installs a profile, replacing one with the same id, or the same connector, purpose and stack level. */
  install(p: Profile): void {
    this.list = this.list.filter((q) => q.id !== p.id && !(q.connectorId === p.connectorId && q.purpose === p.purpose && q.stackLevel === p.stackLevel));
    this.list.push(p);
  }

  /** Whether installing `p` adds a profile (rather than replacing one). */
  wouldAdd(p: { id: number; connectorId: number; purpose: string; stackLevel: number }): boolean {
    return !this.list.some((q) => q.id === p.id || (q.connectorId === p.connectorId && q.purpose === p.purpose && q.stackLevel === p.stackLevel));
  }

  /** Removes the profiles matching `match`; returns how many. */
  remove(match: (p: Profile) => boolean): number {
    const before = this.list.length;
    this.list = this.list.filter((p) => !match(p));
    return before - this.list.length;
  }

  /** The profiles that shape the given connector, by layer. */
  private layers(req: CompositeRequest): Array<Profile[]> {
    const started = req.transaction?.startedAt;
    const counts = (p: Profile) =>
      req.ignoredKinds?.includes(p.kind) !== true &&
      !(req.txDefaultSparesRunningTransaction === true && p.kind === 'txDefault' && started !== undefined && p.installedAt !== undefined && p.installedAt >= started);
    const profiles = this.list.filter(counts);
    const max = profiles.filter((p) => (p.kind === 'max' || p.kind === 'external') && (p.connectorId === 0 || p.connectorId === req.connectorId));
    if (req.connectorId === 0) return [max];
    const tx = req.transaction === undefined ? [] : profiles.filter((p) => p.kind === 'tx' && p.connectorId === req.connectorId && (p.transactionId === undefined || p.transactionId === req.transaction!.id));
    const own = profiles.filter((p) => p.kind === 'txDefault' && p.connectorId === req.connectorId);
    const defaults = own.length > 0 ? own : profiles.filter((p) => p.kind === 'txDefault' && p.connectorId === 0);
    // A TxProfile overrules TxDefaultProfile for the whole transaction (§3.13.1); a faulty
    // charger falls back to the default where the TxProfile sets no limit (layerLimit ranks tx first).
    const txLayer = tx.length === 0 ? defaults : req.txDefaultAfterTxProfile === true ? [...tx, ...defaults] : tx;
    return [max, txLayer];
  }

  /** The limit in force at `t` (request unit), or undefined if no profile sets one. */
  limitAt(req: CompositeRequest, t: number): Limit | undefined {
    let best: Limit | undefined;
    for (const layer of this.layers(req)) {
      const l = this.layerLimit(layer, req, t);
      if (l !== undefined && (best === undefined || l.limit < best.limit)) best = l;
    }
    return best;
  }

  private layerLimit(layer: Profile[], req: CompositeRequest, t: number): Limit | undefined {
    // The prevailing profile of a layer is the highest stack level that sets a limit at t.
    // (A layer holds one purpose, except TxProfiles over their fall-back TxDefaultProfiles: those rank first.)
    const rank = (p: Profile) => (p.kind === 'tx' ? 0 : 1);
    const ordered = [...layer].sort((a, b) => rank(a) - rank(b) || (req.lowestStackWins === true ? a.stackLevel - b.stackLevel : b.stackLevel - a.stackLevel));
    for (const p of ordered) {
      const l = profileLimitAt(p, t, req.transaction?.startedAt, req.from);
      if (l !== undefined) {
        const phases = l.numberPhases ?? DEFAULT_PHASES;
        return { limit: convert(l.limit, l.unit, req.unit, phases), ...(l.numberPhases !== undefined ? { numberPhases: l.numberPhases } : {}) };
      }
    }
    return undefined;
  }

  /** The composite schedule over [from, from + duration), periods relative to `from` in whole seconds. */
  composite(req: CompositeRequest): CompositePeriod[] {
    const to = req.from + req.durationS * 1000;
    const instants = new Set<number>([req.from]);
    for (const layer of this.layers(req)) for (const p of layer) for (const t of breakpoints(p, req.from, to, req.transaction?.startedAt, req.from)) instants.add(t);
    const local = req.localLimit;
    const localLimit: Limit = { limit: convert(local.limit, local.unit, req.unit, local.numberPhases ?? DEFAULT_PHASES), ...(local.numberPhases !== undefined ? { numberPhases: local.numberPhases } : {}) };
    const periods: CompositePeriod[] = [];
    for (const t of [...instants].sort((a, b) => a - b)) {
      const fromProfiles = this.limitAt(req, t);
      const l = fromProfiles === undefined || fromProfiles.limit > localLimit.limit ? localLimit : fromProfiles;
      const startPeriod = Math.round((t - req.from) / 1000);
      const limit = tenths(l.limit);
      let last = periods.at(-1);
      if (last !== undefined && last.startPeriod === startPeriod) {
        periods.pop();
        last = periods.at(-1);
      }
      if (last !== undefined && last.limit === limit && last.numberPhases === l.numberPhases) continue;
      periods.push({ startPeriod, limit, ...(l.numberPhases !== undefined ? { numberPhases: l.numberPhases } : {}) });
    }
    return periods;
  }
}
