import { describe, expect, it } from 'vitest';
import { compareMessages, compareValues, comparisonRules, IdMap, isDateTime } from './compare';
import { shiftDateTime } from './rewrite';

const rules = comparisonRules();
const cmp = (a: unknown, b: unknown, r = rules, ids = new IdMap()) => compareValues(a, b, 'response', r, ids);

describe('compareValues', () => {
  it('equal modulo the default volatile fields: currentTime, timestamp, any date-time', () => {
    expect(cmp({ status: 'Accepted', currentTime: '2025-01-01T00:00:00Z', interval: 300 }, { status: 'Accepted', currentTime: '2026-05-05T10:10:10.123Z', interval: 300 })).toEqual([]);
    expect(cmp({ idTagInfo: { status: 'Accepted', expiryDate: '2025-01-01T00:00:00Z' } }, { idTagInfo: { status: 'Accepted' } })).toEqual([]);
  });

  it('names each change by JSON Pointer, recorded (left) against live (right)', () => {
    expect(cmp({ idTagInfo: { status: 'Accepted' }, a: [1, 2], gone: true }, { idTagInfo: { status: 'Blocked' }, a: [1, 3], 'new/key': 1 })).toEqual([
      { part: 'response', path: '/idTagInfo/status', change: 'changed', left: 'Accepted', right: 'Blocked' },
      { part: 'response', path: '/a/1', change: 'changed', left: 2, right: 3 },
      { part: 'response', path: '/gone', change: 'removed', left: true },
      { part: 'response', path: '/new~1key', change: 'added', right: 1 },
    ]);
  });

  it('volatile entries: names, pointers with *, none at all', () => {
    const payload = (v: string) => ({ meterValue: [{ sampledValue: [{ value: v, unit: 'Wh' }] }], note: v });
    expect(cmp(payload('1'), payload('2'), comparisonRules({ volatile: ['/meterValue/*/sampledValue/*/value'] }))).toEqual([{ part: 'response', path: '/note', change: 'changed', left: '1', right: '2' }]);
    expect(cmp(payload('1'), payload('2'), comparisonRules({ volatile: ['value', 'note'] }))).toEqual([]);
    expect(cmp({ currentTime: 'a' }, { currentTime: 'b' }, comparisonRules({ volatile: [] }))).toHaveLength(1);
  });

  it('correlated ids may differ consistently, not inconsistently', () => {
    const ids = new IdMap();
    expect(cmp({ transactionId: 1 }, { transactionId: 42 }, rules, ids)).toEqual([]);
    expect(cmp({ transactionId: 1 }, { transactionId: 42 }, rules, ids)).toEqual([]);
    expect(cmp({ transactionId: 1 }, { transactionId: 43 }, rules, ids)).toEqual([{ part: 'response', path: '/transactionId', change: 'changed', left: 1, right: 43 }]);
    // 42 already stands for 1: recorded 2 cannot be live 42 too.
    expect(cmp({ transactionId: 2 }, { transactionId: 42 }, rules, ids)).toHaveLength(1);
    expect(ids.remapped()).toEqual({ transactionId: [{ recorded: 1, live: 42 }] });
    // Without learning, a trial leaves the map as it was.
    const trial = ids.clone();
    compareValues({ requestId: 5 }, { requestId: 6 }, 'request', rules, trial, false);
    expect(trial.toLive('requestId', 5)).toBeUndefined();
  });

  it('payloads of different shapes and CALLERRORs', () => {
    expect(cmp([1], { a: 1 })).toEqual([{ part: 'response', path: '', change: 'changed', left: [1], right: { a: 1 } }]);
    const err = (code: string, description: string) => ({ kind: 'CALLERROR' as const, id: 'x', code, description, details: {} });
    expect(compareMessages(err('NotSupported', 'a'), err('NotSupported', 'b'), 'response', rules, new IdMap())).toEqual([]);
    expect(compareMessages(err('NotSupported', 'a'), err('InternalError', 'a'), 'response', rules, new IdMap())).toEqual([
      { part: 'response', path: '/errorCode', change: 'changed', left: 'NotSupported', right: 'InternalError' },
    ]);
    expect(compareMessages({ kind: 'CALLRESULT', id: 'x', payload: {} }, err('NotSupported', ''), 'response', rules, new IdMap())).toEqual([
      { part: 'response', path: '', change: 'kind', left: 'CALLRESULT', right: 'CALLERROR NotSupported' },
    ]);
  });
});

describe('date-times', () => {
  it('recognises RFC 3339 date-times only', () => {
    expect(['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.123456+02:00', '2025-01-01t00:00:00z'].every(isDateTime)).toBe(true);
    expect(['2025-01-01', '12:00:00', 'Accepted', '2025-13-45T99:00:00Z'].some(isDateTime)).toBe(false);
  });

  it('shifts keeping the number of fraction digits, in UTC', () => {
    expect(shiftDateTime('2025-01-01T00:00:00Z', 1500)).toBe('2025-01-01T00:00:01Z');
    expect(shiftDateTime('2025-01-01T00:00:00.000Z', 1500)).toBe('2025-01-01T00:00:01.500Z');
    expect(shiftDateTime('2025-01-01T00:00:00.100000Z', -100)).toBe('2025-01-01T00:00:00.000000Z');
    expect(shiftDateTime('2025-01-01T02:00:00+02:00', 0)).toBe('2025-01-01T00:00:00Z');
  });
});
