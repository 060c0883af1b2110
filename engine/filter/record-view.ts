// The filter's view of a frame record read from a capture (validate, export), with the
// verdict its session's judge gave it. Reused across records: set() then match.
import type { Finding } from '../../api/model';
import type { FrameRecord } from '../capture/format';
import type { Verdict } from '../judge/session-judge';
import { frameSummary } from '../traffic/frame-summary';
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
    this.summary = frameSummary(record.conn, record, verdict);
    return this;
  }

  text(): string | undefined {
    return this.record.text;
  }
}
