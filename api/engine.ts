// Commands and events about the engine itself and its traffic store (sessions and
// frames from every source: live proxy, CSMS, simulator, or an opened capture).
import type { FrameDetail, FrameSummary, OcppVersion, SessionSummary, ValidationReport } from './model';

export interface EngineInfo {
  tool: string;
  version: string;
  /** OCPP versions the engine speaks. */
  ocppVersions: OcppVersion[];
}

export interface FrameQuery {
  /** Only frames of this session. */
  session?: string;
  /** A filter expression (engine/filter); empty or absent matches everything. */
  filter?: string;
  offset?: number;
  limit?: number;
}

export interface FramePage {
  /** Frames matching the query in the whole store. */
  total: number;
  offset: number;
  frames: FrameSummary[];
}

export interface CaptureOpened {
  path: string;
  sessions: number;
  frames: number;
  warnings: string[];
  millis: number;
}

export interface EngineCommands {
  'engine.info': { args: Record<string, never>; result: EngineInfo };
  'sessions.list': { args: Record<string, never>; result: SessionSummary[] };
  'frames.query': { args: FrameQuery; result: FramePage };
  'frames.detail': { args: { index: number }; result: FrameDetail };
  /** Clears the store (live roles keep running and keep adding). */
  'traffic.clear': { args: Record<string, never>; result: { cleared: number } };
  /** Loads a capture into the store (replacing what it held), judging every frame. */
  'capture.open': { args: { path: string; version?: OcppVersion }; result: CaptureOpened };
  /** Judges a capture; with `filter`, reports the findings of the matching frames only. */
  'capture.validate': { args: { path: string; version?: OcppVersion; filter?: string }; result: ValidationReport };
}

export interface EngineEvents {
  /** New frames in the store, batched (tens of batches per second at most). */
  'traffic.frames': { frames: FrameSummary[] };
  /** Sessions that opened, changed state or counts. */
  'traffic.sessions': { sessions: SessionSummary[] };
  /** The store was cleared or replaced (e.g. a capture was opened). */
  'traffic.reset': { reason: string };
  /** A problem the user must see (recording stopped, listener failed…). */
  'engine.alert': { severity: 'error' | 'warning' | 'info'; message: string; source: string };
}
