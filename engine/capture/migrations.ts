// Converters from older capture format versions to the current one, one step per
// version (mitmproxy's dump-format habit). Version 1 is the first; when version 2 comes,
// add `1: (record) => …` converting a version-1 record to version 2.
import { CAPTURE_VERSION, type CaptureRecord } from './format';

type Step = (record: CaptureRecord) => CaptureRecord | undefined;

/** MIGRATIONS[n] turns a version-n record into a version-(n+1) record (undefined drops it). */
export const MIGRATIONS: Readonly<Record<number, Step>> = {};

export function migrateRecord(fromVersion: number, record: CaptureRecord): CaptureRecord | undefined {
  let current: CaptureRecord | undefined = record;
  for (let v = fromVersion; v < CAPTURE_VERSION && current !== undefined; v++) {
    const step = MIGRATIONS[v];
    if (step === undefined) throw new Error(`No migration from capture format version ${v} to ${v + 1}`);
    current = step(current);
  }
  return current;
}
