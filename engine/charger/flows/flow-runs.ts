// Runs of a flow that reports its progress as status notifications (firmware: OCPP 1.6 §4.5,
// 2.0.1 L01; diagnostics and logs: 1.6 §4.4, N01). Only the newest run of a kind may speak:
// a new request supersedes the running one (answered AcceptedCanceled: security whitepaper
// L01.FR.26 and N01.FR.11; 2.0.1 Part 5 C-57, C-60), and powering down supersedes every run.
import type { ModelContext } from '../model';

/** What the UI shows of a flow: its last status (the station keeps it). */
export interface FlowState {
  status: string;
}

/** A diagnostics or log upload's state. */
export interface UploadState extends FlowState {
  busy: boolean;
  requestId?: number;
}

export interface FlowRun {
  /** Records a status, tells the UI and sends it; false when this run has been superseded. */
  report(status: string): Promise<boolean>;
  /** Still the newest run of its kind. */
  readonly current: boolean;
}

export class FlowRuns {
  private latest = 0;

  constructor(private readonly ctx: ModelContext) {}

  /** Starts a run; `send` puts one status on the wire in the version's message. */
  start(state: FlowState, send: (status: string) => Promise<unknown>): FlowRun {
    const run = ++this.latest;
    const isCurrent = () => run === this.latest;
    return {
      report: async (status) => {
        if (!isCurrent()) return false;
        state.status = status;
        this.ctx.changed();
        await send(status);
        return isCurrent();
      },
      get current() {
        return isCurrent();
      },
    };
  }

  /** Every run so far stops at its next step. */
  supersede(): void {
    this.latest++;
  }
}
