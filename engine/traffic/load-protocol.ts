// Messages between open-capture.ts and a load worker (load-worker.ts).
import type { LoadBatch, LoadFailure, PartEnd, SessionEvent } from './load-part';

export type WorkerMessage =
  | { kind: 'batch'; batch: LoadBatch }
  | { kind: 'ended'; end: PartEnd }
  | { kind: 'finished'; events: SessionEvent[] }
  | { kind: 'failed'; failure: LoadFailure };

export interface ParentMessage {
  kind: 'finish';
  captureEnd: number;
}
