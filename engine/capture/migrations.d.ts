import { type CaptureRecord } from './format';
type Step = (record: CaptureRecord) => CaptureRecord | undefined;
/** MIGRATIONS[n] turns a version-n record into a version-(n+1) record (undefined drops it). */
export declare const MIGRATIONS: Readonly<Record<number, Step>>;
export declare function migrateRecord(fromVersion: number, record: CaptureRecord): CaptureRecord | undefined;
export {};
