// One string object per distinct action name: frames parsed from JSON each carry their own
// copy of "MeterValues", and a store of a million frames would keep a million copies.
const pool = new Map<string, string>();

export function intern(value: string): string {
  let shared = pool.get(value);
  if (shared === undefined) {
    // Bounded: only names worth sharing; a flood of distinct garbage is not kept.
    if (pool.size > 4096 || value.length > 64) return value;
    pool.set(value, value);
    shared = value;
  }
  return shared;
}
