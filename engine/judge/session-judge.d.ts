import type { Direction, Finding, MessageKind, OcppVersion } from '../../api/model';
import { type Frame } from '../ocpp/frames';
export interface FrameInput {
    text: string;
    dir: Direction;
    /** Sequence number of the frame in its session. */
    seq: number;
    /** Monotonic milliseconds. */
    mono: number;
}
export interface Verdict {
    frame?: Frame;
    kind?: MessageKind;
    /** For a CALL/SEND its action; for a response the action of the CALL it answers. */
    action?: string;
    messageId?: string;
    findings: Finding[];
    /** For a response: the seq of the CALL it answers, and the time since it. */
    requestSeq?: number;
    latencyMs?: number;
}
interface Outstanding {
    action: string;
    seq: number;
    mono: number;
}
export declare function opposite(dir: Direction): Direction;
export declare class SessionJudge {
    readonly version: OcppVersion;
    /** Outstanding CALLs by the direction they travelled in. */
    private readonly outstanding;
    /** Recently answered CALLs by the direction their CALLRESULT travelled in. */
    private readonly answered;
    constructor(version: OcppVersion);
    judge(input: FrameInput): Verdict;
    /** CALLs still waiting for an answer, by the direction they travelled in. */
    pending(dir: Direction): ReadonlyMap<string, Readonly<Outstanding>>;
    private remember;
    private uncorrelated;
    private wrongDirection;
}
export {};
