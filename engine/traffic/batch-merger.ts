// Puts the batches of a split capture load into the traffic store in file order. Each part
// sends its own records in line order, and every line belongs to one part, so the store
// receives the next record by line among the parts' heads — once every part has read past
// it (a part that has not may still send an earlier line).
import { FrameColumnsReader } from './frame-batch';
import type { LoadBatch, SessionEvent } from './load-part';
import type { TrafficStore } from './store';

interface PartQueue {
  batches: LoadBatch[];
  /** Reads batches[0]'s frames. */
  reader: FrameColumnsReader | undefined;
  /** Position in batches[0]: next frame, next event. */
  frame: number;
  event: number;
  /** Every record of the part before this line has arrived. */
  upTo: number;
}

export class BatchMerger {
  private readonly queues: PartQueue[];
  frames = 0;
  private stopped = false;
  private readonly sessionIds: string[] = [];

  get sessions(): number {
    return this.sessionIds.length;
  }

  constructor(
    private readonly store: TrafficStore,
    private readonly path: string,
    parts: number,
  ) {
    this.queues = Array.from({ length: parts }, () => ({ batches: [], reader: undefined, frame: 0, event: 0, upTo: 0 }));
  }

  /** The load was abandoned: batches still arriving are dropped. */
  stop(): void {
    this.stopped = true;
    for (const q of this.queues) q.batches = [];
  }

  add(part: number, batch: LoadBatch): void {
    if (this.stopped) return;
    const q = this.queues[part]!;
    q.batches.push(batch);
    q.upTo = batch.upTo;
    this.drain();
  }

  /** Applies the events of the sessions' ends, after every batch, and announces the sessions. */
  end(events: SessionEvent[]): void {
    this.drain();
    for (const e of events) this.apply(e);
    for (const id of this.sessionIds) this.store.updateSession(id, {});
  }

  private drain(): void {
    let safe = Infinity;
    for (const q of this.queues) if (q.upTo < safe) safe = q.upTo;
    for (;;) {
      let next: PartQueue | undefined;
      let nextLine = safe;
      for (const q of this.queues) {
        const line = this.headLine(q);
        if (line < nextLine) {
          nextLine = line;
          next = q;
        }
      }
      if (next === undefined) return;
      this.step(next);
    }
  }

  /** Line of the part's next record, or Infinity when none has arrived. */
  private headLine(q: PartQueue): number {
    for (;;) {
      const b = q.batches[0];
      if (b === undefined) return Infinity;
      const event = b.events[q.event];
      if (event !== undefined && event.at <= q.frame) return event.line;
      if (q.frame < b.frames.count) return (q.reader ??= new FrameColumnsReader(b.frames)).line(q.frame);
      if (event !== undefined) return event.line;
      q.batches.shift();
      q.reader = undefined;
      q.frame = 0;
      q.event = 0;
    }
  }

  /** Applies the part's next record (headLine has just found it). */
  private step(q: PartQueue): void {
    const b = q.batches[0]!;
    const event = b.events[q.event];
    if (event !== undefined && (event.at <= q.frame || q.frame >= b.frames.count)) {
      q.event++;
      this.apply(event);
      return;
    }
    this.addFrame(q.reader!, q.frame++);
  }

  private addFrame(reader: FrameColumnsReader, i: number): void {
    const conn = reader.conn(i);
    // The session's own id string, not the batch's copy.
    const session = this.store.session(conn)?.summary.id ?? conn;
    const findings = reader.findings(i);
    const index = this.store.addFrame({ summary: reader.summary(i, session, findings), findings, source: this.path, offset: reader.offset(i), length: reader.length(i) }, false);
    this.frames++;
    const requestSeq = reader.requestSeq(i);
    if (requestSeq >= 0) {
      const request = this.store.indexOf(session, requestSeq);
      if (request !== undefined) this.store.linkPair(request, index);
    }
  }

  private apply(e: SessionEvent): void {
    switch (e.kind) {
      case 'session':
        this.store.addSession(e.summary);
        this.sessionIds.push(e.summary.id);
        break;
      case 'update':
        this.store.updateSession(e.conn, e.patch);
        break;
      case 'late':
        this.store.addLateFinding(e.conn, e.seq, e.finding, false);
        break;
    }
  }
}
