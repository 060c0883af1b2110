// The filter's view of a frame record read from a capture (validate, export), with the
// verdict its session's judge gave it. Reused across records: set() then match.
import type { Finding } from '../../api/model';
import type { FrameRecord } from '../capture/format';
import type { Verdict } from '../judge/session-judge';
import { countFindings, recordSize } from '../traffic/frame-summary';
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
      size: recordSize(record),
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
