// A batch of judged frames in columns, as a load part hands them to the store: numbers in
// one Float64Array (moved, not copied, out of a worker thread), times and message ids in
// two string arrays, names (connections, actions) by number. Cloning a batch of summary
// objects between threads costs more than judging them; this costs little more than a
// memcpy, and the store builds each summary once, on its own side.
import type { Direction, Finding, FrameMark, FrameSummary, MessageKind } from '../../api/model';
import type { FrameRecord } from '../capture/format';
import type { Verdict } from '../judge/session-judge';
import { countFindings, recordSize, summaryOf } from './frame-summary';
import { intern } from '../util/intern';

const LINE = 0;
const SEQ = 1;
const MONO = 2;
const LATENCY = 3; // NaN: none
const SIZE = 4;
const OFFSET = 5;
const LENGTH = 6;
const REQUEST_SEQ = 7; // -1: not a response to a known request
const DIR = 8; // 0 cp2csms, 1 csms2cp
const KIND = 9; // index in KINDS, -1: not OCPP-J
const ACTION = 10; // name number, -1: none
const CONN = 11; // name number
const FIELDS = 12;

/** Shared by the frames without findings; the store never pushes into a findings array. */
const NO_FINDINGS: Finding[] = [];

const KINDS: readonly MessageKind[] = ['CALL', 'CALLRESULT', 'CALLERROR', 'CALLRESULTERROR', 'SEND'];

/** A batch as it crosses threads: plain data and one transferable buffer pair. */
export interface FrameColumns {
  count: number;
  numbers: Float64Array;
  times: string[];
  messageIds: (string | undefined)[];
  names: string[];
  /** Findings and marks of the frames that have any: [position in the batch, …]. */
  findings: [number, Finding[]][];
  marks: [number, FrameMark[]][];
}

/** Collects frames into columns. */
export class FrameColumnsBuilder {
  private numbers = new Float64Array(FIELDS * 1024);
  private times: string[] = [];
  private messageIds: (string | undefined)[] = [];
  private names: string[] = [];
  private readonly nameNumbers = new Map<string, number>();
  private findings: [number, Finding[]][] = [];
  private marks: [number, FrameMark[]][] = [];
  count = 0;

  add(conn: string, record: FrameRecord, verdict: Verdict, line: number, offset: number, length: number): void {
    const i = this.count++;
    if ((i + 1) * FIELDS > this.numbers.length) this.grow();
    const n = this.numbers;
    const o = i * FIELDS;
    n[o + LINE] = line;
    n[o + SEQ] = record.seq;
    n[o + MONO] = record.mono;
    n[o + LATENCY] = verdict.latencyMs ?? NaN;
    n[o + SIZE] = recordSize(record);
    n[o + OFFSET] = offset;
    n[o + LENGTH] = length;
    n[o + REQUEST_SEQ] = verdict.requestSeq ?? -1;
    n[o + DIR] = record.dir === 'cp2csms' ? 0 : 1;
    n[o + KIND] = verdict.kind === undefined ? -1 : KINDS.indexOf(verdict.kind);
    n[o + ACTION] = verdict.action === undefined ? -1 : this.name(verdict.action);
    n[o + CONN] = this.name(conn);
    this.times.push(record.time);
    this.messageIds.push(verdict.messageId);
    if (verdict.findings.length > 0) this.findings.push([i, verdict.findings]);
    if (record.marks !== undefined) this.marks.push([i, record.marks]);
  }

  /** The columns so far; the builder starts afresh. */
  take(): FrameColumns {
    const columns: FrameColumns = {
      count: this.count,
      numbers: this.numbers.slice(0, this.count * FIELDS),
      times: this.times,
      messageIds: this.messageIds,
      names: this.names,
      findings: this.findings,
      marks: this.marks,
    };
    this.count = 0;
    this.times = [];
    this.messageIds = [];
    this.names = [];
    this.nameNumbers.clear();
    this.findings = [];
    this.marks = [];
    return columns;
  }

  private name(value: string): number {
    let number = this.nameNumbers.get(value);
    if (number === undefined) {
      number = this.names.length;
      this.names.push(value);
      this.nameNumbers.set(value, number);
    }
    return number;
  }

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}

/** The buffer a batch's columns can move across threads in. */
export function transferables(columns: FrameColumns): ArrayBuffer[] {
  return [columns.numbers.buffer as ArrayBuffer];
}

/** Reads a batch's frames back, in order. */
export class FrameColumnsReader {
  private finding = 0;
  private mark = 0;
  /** Names as actions, interned (one string per action name in the whole store). */
  private readonly actions: (string | undefined)[] = [];

  constructor(readonly columns: FrameColumns) {}

  line(i: number): number {
    return this.columns.numbers[i * FIELDS + LINE]!;
  }

  conn(i: number): string {
    return this.columns.names[this.columns.numbers[i * FIELDS + CONN]!]!;
  }

  requestSeq(i: number): number {
    return this.columns.numbers[i * FIELDS + REQUEST_SEQ]!;
  }

  offset(i: number): number {
    return small(this.columns.numbers[i * FIELDS + OFFSET]!);
  }

  length(i: number): number {
    return small(this.columns.numbers[i * FIELDS + LENGTH]!);
  }

  /** Frame i's findings; frames must be read in order. */
  findings(i: number): Finding[] {
    const entry = this.columns.findings[this.finding];
    if (entry === undefined || entry[0] !== i) return NO_FINDINGS;
    this.finding++;
    return entry[1];
  }

  /** Frame i's summary (index not yet assigned), for the session with this id string; frames must be read in order. */
  summary(i: number, session: string, findings: readonly Finding[]): FrameSummary {
    const { numbers: n, names } = this.columns;
    const o = i * FIELDS;
    const kind = n[o + KIND]!;
    const action = n[o + ACTION]!;
    const latency = n[o + LATENCY]!;
    let marks: FrameMark[] | undefined;
    const mark = this.columns.marks[this.mark];
    if (mark !== undefined && mark[0] === i) {
      marks = mark[1];
      this.mark++;
    }
    return summaryOf(
      session,
      small(n[o + SEQ]!),
      (n[o + DIR] === 0 ? 'cp2csms' : 'csms2cp') satisfies Direction,
      this.columns.times[i]!,
      small(n[o + MONO]!),
      kind < 0 ? undefined : KINDS[kind],
      action < 0 ? undefined : (this.actions[action] ??= intern(names[action]!)),
      this.columns.messageIds[i],
      Number.isNaN(latency) ? undefined : small(latency),
      small(n[o + SIZE]!),
      countFindings(findings),
      marks,
    );
  }
}

/**
 * A whole number as a small integer when it is one. A number read from a Float64Array is a
 * double, and a summary field once given doubles holds every value in a box of its own (16
 * bytes a field a frame); small integers are stored in the field itself.
 */
function small(value: number): number {
  const int = value | 0;
  return int === value ? int : value;
}
