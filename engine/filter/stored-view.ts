// The filter's view of a frame in the traffic store. One instance is reused for every
// frame of a query (no allocation per frame); the text comes from memory for live frames
// and from the capture file for opened ones.
import type { Finding } from '../../api/model';
import type { StoredFrame, StoredSession } from '../traffic/store';
import type { FrameFacts, FrameView } from './view';

export interface FrameTextSource {
  /** The frame's exact text, reading it from its capture file if need be. */
  textOf(frame: StoredFrame): string | undefined;
}

export class StoredFrameView implements FrameView {
  summary!: FrameFacts;
  findings!: readonly Finding[];
  chargePointId: string | undefined;
  private frame!: StoredFrame;

  constructor(private readonly source?: FrameTextSource) {}

  of(frame: StoredFrame, session: StoredSession | undefined): this {
    this.frame = frame;
    this.summary = frame.summary;
    this.findings = frame.findings;
    this.chargePointId = session?.summary.chargePointId;
    return this;
  }

  text(): string | undefined {
    const frame = this.frame;
    if (frame.text !== undefined) return frame.text;
    if (frame.source === undefined) return undefined;
    return this.source?.textOf(frame);
  }
}
