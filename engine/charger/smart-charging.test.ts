import { describe, expect, it } from 'vitest';
import { ProfileStore, type Profile } from './smart-charging';

const T0 = Date.UTC(2026, 0, 1, 12);

function txDefault(installedAt: number): Profile {
  return {
    id: 1,
    connectorId: 1,
    stackLevel: 0,
    kind: 'txDefault',
    purpose: 'TxDefaultProfile',
    profileKind: 'Absolute',
    installedAt,
    schedules: [{ startSchedule: T0, unit: 'A', periods: [{ startPeriod: 0, limit: 6 }] }],
    raw: {},
  };
}

function firstLimit(store: ProfileStore, startedAt: number, spares: boolean): number | undefined {
  const periods = store.composite({
    connectorId: 1,
    from: T0 + 1000,
    durationS: 60,
    unit: 'A',
    localLimit: { limit: 32, unit: 'A' },
    transaction: { id: '7', startedAt },
    ...(spares ? { txDefaultSparesRunningTransaction: true } : {}),
  });
  return periods[0]?.limit;
}

describe('behaviour txdefault-spares-running-transaction', () => {
  it('a TxDefaultProfile installed in the millisecond the transaction started spares it (the start was handled first)', () => {
    const store = new ProfileStore();
    store.install(txDefault(T0 + 500));
    expect(firstLimit(store, T0 + 500, true)).toBe(32);
    expect(firstLimit(store, T0 + 400, true)).toBe(32);
  });

  it('a TxDefaultProfile installed before the transaction started still limits it, and always does without the behaviour', () => {
    const store = new ProfileStore();
    store.install(txDefault(T0 + 500));
    expect(firstLimit(store, T0 + 501, true)).toBe(6);
    expect(firstLimit(store, T0 + 500, false)).toBe(6);
  });
});
