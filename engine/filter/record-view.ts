// The filter's view of a frame record read from a capture (validate, export), with the
// verdict its session's judge gave it. Reused across records: set() then match.
import type { Finding, FindingCounts } from '../../api/model';
import type { FrameRecord } from '../capture/format';
import type { Verdict } from '../judge/session-judge';
import type { FrameFacts, FrameView } from './view';

export class RecordFrameView implements FrameView {
  summary!: FrameFacts;
  findings: readonly Finding[] = [];
  chargePointId: string | undefined;
  private record!: FrameRecord;

  set(record: FrameRecord, verdict: Verdict, chargePointId: string | undefined): this {
    this.record = record;
    this.findings = verdict.findings;
    this.chargePointId = chargePointId;
    const facts: FrameFacts = {
      session: record.conn,
      seq: record.seq,
      dir: record.dir,
      time: record.time,
      size: record.text !== undefined ? Buffer.byteLength(record.text) : Math.floor(((record.binary ?? '').length * 3) / 4),
      findings: countFindings(verdict.findings),
    };
    if (verdict.kind !== undefined) facts.kind = verdict.kind;
    if (verdict.action !== undefined) facts.action = verdict.action;
    if (verdict.messageId !== undefined) facts.messageId = verdict.messageId;
    if (verdict.latencyMs !== undefined) facts.latencyMs = verdict.latencyMs;
    if (record.marks !== undefined) facts.marks = record.marks;
    this.summary = facts;
    return this;
  }

  text(): string | undefined {
    return this.record.text;
  }
}

function countFindings(findings: readonly Finding[]): FindingCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
