// Commands that write captures from captures (engine/capture). Reading and judging a
// capture (`capture.open`, `capture.validate`) are engine commands (api/engine.ts).
import type { OcppVersion } from './model';

export interface CaptureExportArgs {
  /** The capture to read. */
  path: string;
  /** The capture to write (replaced if it exists; never the source itself). */
  out: string;
  /** Keep only frames matching this filter expression (engine/filter), and the sessions they belong to. */
  filter?: string;
  /** Keep only this session (connection id). */
  session?: string;
  /** Judge every session as this version (filter terms on findings, action, latency…). */
  version?: OcppVersion;
}

export interface CaptureExported {
  out: string;
  /** Frames written. */
  frames: number;
  /** Sessions whose records were written. */
  sessions: number;
  /** Problems with the source file (torn last line, corrupt lines…). */
  warnings: string[];
}

export interface CaptureCommands {
  /** Writes a new capture with the matching frames of another, byte for byte, and their sessions' records. */
  'capture.export': { args: CaptureExportArgs; result: CaptureExported };
}
