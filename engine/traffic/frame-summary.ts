// One frame's summary, built the same way by the live recorder and the capture loader.
//
// Every field is present from the start (absent ones as undefined): a million-frame store
// keeps a million of these, and an object that gains properties after its literal grows an
// out-of-object property array (~75 bytes each, and more for the garbage collector to trace).
// JSON drops the undefined fields on the wire.
import type { Direction, Finding, FindingCounts, FrameMark, FrameSummary, MessageKind } from '../../api/model';
import type { FrameRecord } from '../capture/format';
import type { Verdict } from '../judge/session-judge';
import { intern } from '../util/intern';

/** Shared by every frame without findings (most of them); never mutated — see TrafficStore.addLateFinding. */
const NO_FINDINGS: FindingCounts = Object.freeze({ error: 0, warning: 0, info: 0 });

export function countFindings(findings: readonly Finding[]): FindingCounts {
  if (findings.length === 0) return NO_FINDINGS;
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A frame record's size on the wire in bytes: its text, or its binary payload decoded. */
export function recordSize(record: FrameRecord): number {
  return record.text !== undefined ? Buffer.byteLength(record.text) : Buffer.byteLength(record.binary ?? '', 'base64');
}

/**
 * The summary of a judged frame record. `session` should be the session's own id string
 * (shared), not the record's copy of it.
 */
export function frameSummary(session: string, record: FrameRecord, verdict: Verdict): FrameSummary {
  return summaryOf(
    session,
    record.seq,
    record.dir,
    record.time,
    record.mono,
    verdict.kind,
    verdict.action === undefined ? undefined : intern(verdict.action),
    verdict.messageId,
    verdict.latencyMs,
    recordSize(record),
    countFindings(verdict.findings),
    record.marks,
  );
}

/** The one place a summary is built, so every summary in a store has the same shape. */
export function summaryOf(
  session: string,
  seq: number,
  dir: Direction,
  time: string,
  mono: number,
  kind: MessageKind | undefined,
  action: string | undefined,
  messageId: string | undefined,
  latencyMs: number | undefined,
  size: number,
  findings: FindingCounts,
  marks: FrameMark[] | undefined,
): FrameSummary {
  return { index: -1, session, seq, dir, time, mono, kind, action, messageId, latencyMs, pair: undefined, size, findings, marks };
}
