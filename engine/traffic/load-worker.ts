// Worker-thread entry of a split capture load: runs one PartLoader and posts its batches.
// Bundled next to each front end's own bundle (scripts/build.mjs); open-capture.ts starts
// one per part. Protocol: batches, then `ended`; the parent answers `finish` with the
// capture's last time, and the worker posts its sessions' closing findings and exits.
import { parentPort, workerData } from 'node:worker_threads';
import { describeFailure, PartLoader, type LoadPartInput } from './load-part';
import type { WorkerMessage, ParentMessage } from './load-protocol';
import { transferables } from './frame-batch';

const port = parentPort;
if (port === null) throw new Error('load-worker.ts runs as a worker thread');

const post = (message: WorkerMessage) => port.postMessage(message);
// A batch's column buffers move to the parent rather than being copied.
const loader = new PartLoader(workerData as LoadPartInput, (batch) => port.postMessage({ kind: 'batch', batch } satisfies WorkerMessage, transferables(batch.frames)));
loader.run().then(
  (end) => {
    port.once('message', (message: ParentMessage) => {
      post({ kind: 'finished', events: loader.finish(message.captureEnd) });
      port.close();
    });
    post({ kind: 'ended', end });
  },
  (err: unknown) => {
    post({ kind: 'failed', failure: describeFailure(err) });
    port.close();
  },
);
