// What a filter sees of a frame. Stored frames (the frame table), the validate loop and
// capture export each provide this small view, so one compiled filter serves them all.
import type { Direction, Finding, FindingCounts, FrameMark, MessageKind } from '../../api/model';

/** The summary fields filters read; a FrameSummary is one (stored-view.ts relies on it). */
export interface FrameFacts {
  session: string;
  seq: number;
  dir: Direction;
  time: string;
  kind?: MessageKind;
  action?: string;
  messageId?: string;
  latencyMs?: number;
  size: number;
  findings: FindingCounts;
  marks?: readonly FrameMark[];
}

export interface FrameView {
  readonly summary: FrameFacts;
  readonly findings: readonly Finding[];
  /** The charge point of the frame's session, when known. */
  readonly chargePointId: string | undefined;
  /** The exact frame text (undefined for binary frames). May read the disk: called lazily, at most once per evaluation. */
  text(): string | undefined;
}

/**
 * Per-evaluation cache of what is costly to derive from a frame: its text (maybe read from
 * a capture file) and its JSON, each computed at most once however many terms ask.
 */
export class FrameMemo {
  private view: FrameView | undefined;
  private textRead = false;
  private textValue: string | undefined;
  private parsed = false;
  private messageValue: readonly unknown[] | undefined;

  reset(view: FrameView): void {
    this.view = view;
    this.textRead = false;
    this.textValue = undefined;
    this.parsed = false;
    this.messageValue = undefined;
  }

  text(): string | undefined {
    if (!this.textRead) {
      this.textValue = this.view?.text();
      this.textRead = true;
    }
    return this.textValue;
  }

  /** The frame parsed as a JSON array, or undefined when it is not one. */
  message(): readonly unknown[] | undefined {
    if (!this.parsed) {
      this.parsed = true;
      const text = this.text();
      if (text !== undefined) {
        try {
          const value: unknown = JSON.parse(text);
          if (Array.isArray(value)) this.messageValue = value;
        } catch {
          // Not JSON: payload terms are false for it (its framing findings say why).
        }
      }
    }
    return this.messageValue;
  }

  /**
   * The payload by message type number (element 0), read from the JSON itself so a frame the
   * judge rejected can still be searched: CALL and SEND carry it at 3, CALLRESULT at 2, and
   * CALLERROR / CALLRESULTERROR their error details at 4 (OCPP-J 1.6 §4.2; 2.0.1 and 2.1
   * Part 4 §4.2).
   */
  payload(): unknown {
    const m = this.message();
    switch (m?.[0]) {
      case 2:
      case 6:
        return m[3];
      case 3:
        return m[2];
      case 4:
      case 5:
        return m[4];
      default:
        return undefined;
    }
  }

  /** The error code of a CALLERROR or CALLRESULTERROR (element 2). */
  errorCode(): string | undefined {
    const m = this.message();
    if (m === undefined || (m[0] !== 4 && m[0] !== 5)) return undefined;
    return typeof m[2] === 'string' ? m[2] : undefined;
  }
}
