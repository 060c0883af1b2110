// Smart Charging with the charger under test: the charging profiles the bench sends (OCTT 1.6
// §2.22 and its memory state SetChargingProfile, §2.26 Table 116), the composite schedule it
// asks for, and the check of that schedule against the document's expected periods — which
// names the first difference, so a report says what the charger got wrong.
// OCPP 1.6 §3.13 (purposes, stacking, combining), §5.5, §5.7, §5.16, §6.43, §7.8, §7.13,
// §7.14; errata 3.57 (the composite's start is scheduleStart, not chargingSchedule.startSchedule).
import type { Harness } from '../../../engine/conformance/harness';
import { fmtSeconds } from '../../../engine/conformance/harness';
import { oneOf } from '../../../engine/conformance/matchers';

export type Purpose = 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';

/** A limit of the document in the configured unit: its profiles are written in A, × 1000 in W. */
export function limitOf(t: Harness, amps: number): number {
  return t.settings.smartCharging.chargingRateUnit === 'W' ? amps * 1000 : amps;
}

/** "6 A" / "6000 W". */
export function showLimit(t: Harness, limit: number): string {
  return `${limit} ${t.settings.smartCharging.chargingRateUnit}`;
}

/**
 * When the document's profiles start: "<current dateTime - <Configured max time deviation>
 * seconds>", so they have begun even on a charger whose clock is that much behind.
 */
export function profileStart(t: Harness): number {
  return Date.now() - t.settings.smartCharging.maxTimeDeviation * 1000;
}

export interface ProfileSpec {
  id: number;
  purpose: Purpose;
  stackLevel: number;
  kind?: 'Absolute' | 'Relative';
  /** Wall-clock ms of startSchedule (Absolute profiles). */
  start?: number;
  /** validFrom = start, validTo = start + this many seconds (the document's "+ 401 seconds"). */
  validFor?: number;
  /** Seconds; absent: the last period lasts until the transaction ends (§7.13). */
  duration?: number;
  /** [startPeriod in seconds, limit in the document's amps]. */
  periods: Array<[number, number]>;
  transactionId?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The csChargingProfiles (or RemoteStartTransaction chargingProfile) of a spec, in the configured unit and numberPhases. */
export function chargingProfile(t: Harness, spec: ProfileSpec): Record<string, unknown> {
  const sc = t.settings.smartCharging;
  const schedule: Record<string, unknown> = {
    ...(spec.duration !== undefined ? { duration: spec.duration } : {}),
    ...(spec.start !== undefined ? { startSchedule: iso(spec.start) } : {}),
    chargingRateUnit: sc.chargingRateUnit,
    chargingSchedulePeriod: spec.periods.map(([startPeriod, amps]) => ({ startPeriod, limit: limitOf(t, amps), numberPhases: sc.numberPhases })),
  };
  return {
    chargingProfileId: spec.id,
    ...(spec.transactionId !== undefined ? { transactionId: spec.transactionId } : {}),
    stackLevel: spec.stackLevel,
    chargingProfilePurpose: spec.purpose,
    chargingProfileKind: spec.kind ?? 'Absolute',
    ...(spec.validFor !== undefined && spec.start !== undefined ? { validFrom: iso(spec.start), validTo: iso(spec.start + spec.validFor * 1000) } : {}),
    chargingSchedule: schedule,
  };
}

/** The profile in words: "TxDefaultProfile 2 (stack level 0, 300 s from 10:00:00; 0 s: 6 A, 60 s: 10 A)". */
export function describeProfile(t: Harness, spec: ProfileSpec): string {
  const time = (ms: number) => iso(ms).slice(11, 19);
  const when = [
    spec.kind === 'Relative' ? 'relative to the transaction' : spec.start !== undefined ? `from ${time(spec.start)}` : undefined,
    spec.duration !== undefined ? `for ${fmtSeconds(spec.duration)}` : undefined,
    spec.validFor !== undefined && spec.start !== undefined ? `valid until ${time(spec.start + spec.validFor * 1000)}` : undefined,
    spec.transactionId !== undefined ? `for transaction ${spec.transactionId}` : undefined,
  ].filter((w): w is string => w !== undefined);
  const periods = spec.periods.map(([at, amps]) => `${at} s: ${showLimit(t, limitOf(t, amps))}`).join(', ');
  return `${spec.purpose} ${spec.id} (stack level ${spec.stackLevel}${when.length > 0 ? `, ${when.join(', ')}` : ''}; ${periods})`;
}

/** Sends SetChargingProfile and expects `status` (default Accepted). */
export async function setChargingProfile(t: Harness, connectorId: number, spec: ProfileSpec, status = 'Accepted'): Promise<void> {
  await t.send('SetChargingProfile', { connectorId, csChargingProfiles: chargingProfile(t, spec) }, { status }, {
    says: `Set ${describeProfile(t, spec)} on connector ${connectorId} (SetChargingProfile) and expect an answer where status is ${status}`,
  });
}

/** Memory state SetChargingProfile (§2.26 Table 116), once per profile. */
export async function memoryStateSetChargingProfile(t: Harness, profiles: Array<{ connectorId: number; spec: ProfileSpec }>): Promise<void> {
  await t.state('SetChargingProfile', async () => {
    for (const { connectorId, spec } of profiles) await setChargingProfile(t, connectorId, spec);
  });
}

export interface Composite {
  /** The answer's payload. */
  answer: Record<string, unknown>;
  /** Wall-clock ms when the answer came. */
  receivedAt: number;
}

/**
 * GetCompositeSchedule for `connectorId` over `duration` seconds in the configured unit; the
 * answer must be Accepted for that connector, duration and unit.
 */
export async function getCompositeSchedule(t: Harness, connectorId: number, duration: number): Promise<Composite> {
  const unit = t.settings.smartCharging.chargingRateUnit;
  const outcome = await t.send('GetCompositeSchedule', { connectorId, duration, chargingRateUnit: unit }, {
    status: 'Accepted',
    connectorId,
    'chargingSchedule.duration': duration,
    'chargingSchedule.chargingRateUnit': unit,
  });
  return { answer: outcome.kind === 'result' ? outcome.payload : {}, receivedAt: Date.now() };
}

/** Where the composite schedule starts: scheduleStart, or a (deprecated, errata 3.57) chargingSchedule.startSchedule. */
function scheduleStartOf(answer: Record<string, unknown>): string | undefined {
  const start = answer['scheduleStart'] ?? (answer['chargingSchedule'] as Record<string, unknown> | undefined)?.['startSchedule'];
  return typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? start : undefined;
}

/**
 * "Between startSchedule and the current time should be equal or fewer seconds than
 * <Configured Max Time Deviation>" (TC_056_CS and the like), with the composite's
 * scheduleStart (errata 3.57).
 */
export function checkScheduleStart(t: Harness, composite: Composite): boolean {
  const maxDev = t.settings.smartCharging.maxTimeDeviation;
  const start = scheduleStartOf(composite.answer);
  if (start === undefined) return t.check(`the composite schedule gives its scheduleStart, at most ${fmtSeconds(maxDev)} from the current time`, false, 'it gives no scheduleStart');
  const off = Math.abs(composite.receivedAt - Date.parse(start)) / 1000;
  return t.check(`scheduleStart is at most ${fmtSeconds(maxDev)} from the current time — it is ${fmtSeconds(round1(off))} off`, off <= maxDev, `scheduleStart is ${start}, ${fmtSeconds(round1(off))} from the current time`);
}

/** A period of the document's expectation: from `at` seconds of the profiles' schedules ("(50 - x)"), this limit. */
export interface ExpectedPeriod {
  at: number;
  limit: number;
}

/** Which startPeriods count as the same: the charger rounds to whole seconds. */
const SLACK_S = 1;

/**
 * Checks the composite's periods against the document's: period i starts at `at − x`
 * (0 for the first), where x is how far the composite's scheduleStart lies past `origin` —
 * the instant the profiles' schedules count from. (The document measures x from sending the
 * profiles, whose startSchedule it puts <Configured Max Time Deviation> earlier; measuring
 * from startSchedule itself is the same offset, exact whatever the charger's clock says.)
 * Adjacent periods with the same limit are one period (the same schedule, split).
 */
export function checkPeriods(t: Harness, composite: Composite, expected: ExpectedPeriod[], origin: { at: number; words: string }, label = "the composite schedule's periods"): boolean {
  const start = scheduleStartOf(composite.answer);
  if (start === undefined) return t.check(`${label} can be placed in time`, false, 'the answer gives no scheduleStart');
  const x = (Date.parse(start) - origin.at) / 1000;
  const wanted = expected.map((p) => ({ ...p, startPeriod: p.at === 0 ? 0 : p.at - x }));
  const words = wanted.map((p) => (p.at === 0 ? `0 s: ${showLimit(t, p.limit)}` : `${p.at} − x = ${round1(p.startPeriod)} s: ${showLimit(t, p.limit)}`)).join(', ');
  const description = `${label} are ${words} (x = ${fmtSeconds(round1(x))}, from ${origin.words} to scheduleStart)`;
  const actual = mergedPeriods(composite.answer);
  if (actual === undefined) return t.check(description, false, 'the answer has no chargingSchedule.chargingSchedulePeriod list');
  const difference = firstDifference(t, wanted, actual);
  return t.check(description, difference === undefined, difference);
}

interface Period {
  startPeriod: number;
  limit: number;
}

function mergedPeriods(answer: Record<string, unknown>): Period[] | undefined {
  const list = (answer['chargingSchedule'] as Record<string, unknown> | undefined)?.['chargingSchedulePeriod'];
  if (!Array.isArray(list)) return undefined;
  const out: Period[] = [];
  for (const p of list as Array<Record<string, unknown>>) {
    const period = { startPeriod: Number(p['startPeriod']), limit: Number(p['limit']) };
    if (out.at(-1)?.limit !== period.limit) out.push(period);
  }
  return out;
}

function firstDifference(t: Harness, wanted: Array<Period & { at: number }>, actual: Period[]): string | undefined {
  const shown = (p: Period) => `${p.startPeriod} s: ${showLimit(t, p.limit)}`;
  const all = `(it sent ${actual.map(shown).join(', ') || 'no periods'})`;
  for (let i = 0; i < Math.max(wanted.length, actual.length); i++) {
    const w = wanted[i];
    const a = actual[i];
    const n = i + 1;
    if (w === undefined) return `period ${n} (${shown(a!)}) is one too many ${all}`;
    if (a === undefined) return `period ${n} (${w.at === 0 ? 0 : `${w.at} − x`} s: ${showLimit(t, w.limit)}) is missing ${all}`;
    if (a.limit !== w.limit) return `period ${n} has limit ${showLimit(t, a.limit)} where ${showLimit(t, w.limit)} is due ${all}`;
    if (Math.abs(a.startPeriod - w.startPeriod) > SLACK_S) return `period ${n} starts at ${a.startPeriod} s where ${round1(w.startPeriod)} s (± ${SLACK_S} s) is due ${all}`;
  }
  return undefined;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Post-condition "no charging profiles installed" (OCTT 1.6 §1.3): ClearChargingProfile with
 * no criteria clears them all; Unknown if none was left.
 */
export async function clearAllProfiles(t: Harness): Promise<void> {
  await t.send('ClearChargingProfile', {}, { status: oneOf('Accepted', 'Unknown') }, {
    says: 'Post-condition: clear every charging profile (ClearChargingProfile without criteria) and expect an answer where status is Accepted or Unknown',
  });
}
