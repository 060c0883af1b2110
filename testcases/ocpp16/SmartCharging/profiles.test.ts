// The composite-schedule check of the Smart Charging cases: periods placed in time by x, and
// the first difference named in words.
import { describe, expect, it } from 'vitest';
import { nobody } from '../../../engine/conformance/drivers';
import { Harness } from '../../../engine/conformance/harness';
import type { Link } from '../../../engine/conformance/links';
import { mergeSettings } from '../../../engine/conformance/settings';
import { newToolMemory } from '../../../engine/conformance/tool-responders';
import { checkPeriods, checkScheduleStart, type Composite } from './profiles';

function harness(settings: Record<string, unknown> = {}): Harness {
  return new Harness({ caseId: 'TC_TEST_CS', version: '1.6', bench: 'csms', settings: mergeSettings(settings), link: {} as Link, memory: newToolMemory(), operator: nobody, timeScale: 1, simulated: true, now: () => performance.now() });
}

const origin = Date.parse('2030-01-01T00:00:00.000Z');
/** A composite starting 5.2 s after the profiles, with these [startPeriod, limit] periods. */
const composite = (periods: Array<[number, number]>, scheduleStart: string | null = '2030-01-01T00:00:05.200Z'): Composite => ({
  answer: { status: 'Accepted', ...(scheduleStart !== null ? { scheduleStart } : {}), chargingSchedule: { duration: 400, chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })) } },
  receivedAt: origin + 5300,
});
// TC_066_CS: 0 → 8, (50 − x) → 10, (200 − x) → 6, (240 − x) → 10.
const expected = [
  { at: 0, limit: 8 },
  { at: 50, limit: 10 },
  { at: 200, limit: 6 },
  { at: 240, limit: 10 },
];
const check = (t: Harness, periods: Array<[number, number]>) => {
  const ok = checkPeriods(t, composite(periods), expected, { at: origin, words: "the profiles' startSchedule" });
  return { ok, step: t.steps.at(-1)! };
};

describe('checkPeriods', () => {
  it('places the periods by x and passes a schedule within a second of them, also one split into equal periods', () => {
    const { ok, step } = check(harness(), [[0, 8], [45, 10], [135, 10], [195, 6], [235, 10]]);
    expect(ok).toBe(true);
    expect(step.text).toBe("Check: the composite schedule's periods are 0 s: 8 A, 50 − x = 44.8 s: 10 A, 200 − x = 194.8 s: 6 A, 240 − x = 234.8 s: 10 A (x = 5.2 s, from the profiles' startSchedule to scheduleStart)");
  });

  it('names the first difference: a limit, a start, a period too many or missing', () => {
    expect(check(harness(), [[0, 8], [45, 11], [195, 6], [235, 10]]).step.actual).toBe('period 2 has limit 11 A where 10 A is due (it sent 0 s: 8 A, 45 s: 11 A, 195 s: 6 A, 235 s: 10 A)');
    expect(check(harness(), [[0, 8], [50, 10], [195, 6], [235, 10]]).step.actual).toMatch(/^period 2 starts at 50 s where 44.8 s \(± 1 s\) is due/);
    expect(check(harness(), [[0, 8], [45, 10], [195, 6], [235, 10], [255, 8]]).step.actual).toMatch(/^period 5 \(255 s: 8 A\) is one too many/);
    expect(check(harness(), [[0, 8], [45, 10], [195, 6]]).step.actual).toMatch(/^period 4 \(240 − x s: 10 A\) is missing/);
    expect(check(harness(), [[0, 8], [45, 10], [195, 6]]).ok).toBe(false);
  });

  it('needs a scheduleStart to place the periods; the start must be within the max time deviation', () => {
    const t = harness();
    expect(checkPeriods(t, composite([[0, 8]], null), expected, { at: origin, words: 'the start' })).toBe(false);
    expect(t.steps.at(-1)!.actual).toBe('the answer gives no scheduleStart');
    expect(checkScheduleStart(t, composite([[0, 8]]))).toBe(true);
    expect(checkScheduleStart(t, { ...composite([[0, 8]]), receivedAt: origin + 12_000 })).toBe(false);
    expect(t.steps.at(-1)!.text).toBe('Check: scheduleStart is at most 5 s from the current time — it is 6.8 s off');
  });

  it('speaks the configured unit', () => {
    const t = harness({ smartCharging: { chargingRateUnit: 'W' } });
    checkPeriods(t, composite([[0, 8000]]), [{ at: 0, limit: 8000 }], { at: origin, words: 'the start' });
    expect(t.steps.at(-1)!.text).toContain('0 s: 8000 W');
  });
});
