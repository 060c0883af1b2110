// Playbooks for judge tests: a session written as frames with times, judged by a
// SessionJudge, read back as findings (STYLE.md item 6: no sockets, no clock).
//
//   const p = playbook('1.6');
//   const boot = p.at(0).call('cp', 'BootNotification', {...});
//   p.at(0.1).result('csms', boot, { status: 'Accepted', ... });
//   expect(rulesOf(p.finish(100))).toEqual([...]);
import type { Direction, Finding, OcppVersion } from '../../../api/model';
import { SessionJudge, type LateFinding, type SessionJudgeOptions } from '../session-judge';

export interface Found {
  /** Seq of the frame the finding is attached to. */
  seq: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  path?: string;
  /** Reported after its frame was judged (by a later frame, a tick, or finish). */
  late: boolean;
  finding: Finding;
}

const START = Date.parse('2025-01-01T00:00:00.000Z');

type Side = 'cp' | 'csms';

function dirOf(side: Side): Direction {
  return side === 'cp' ? 'cp2csms' : 'csms2cp';
}

export class Playbook {
  readonly judge: SessionJudge;
  readonly found: Found[] = [];
  private seq = 0;
  private mono = 0;
  private ids = 0;

  constructor(
    readonly version: OcppVersion,
    options: SessionJudgeOptions = {},
  ) {
    this.judge = new SessionJudge(version, options);
  }

  /** Moves the session's clock to `seconds` after its start. */
  at(seconds: number): this {
    this.mono = seconds * 1000;
    return this;
  }

  /** Sends a CALL from one side; returns its message id. */
  call(side: Side, action: string, payload: object, id = `m${++this.ids}`): string {
    this.raw(side, JSON.stringify([2, id, action, payload]));
    return id;
  }

  result(side: Side, id: string, payload: object = {}): this {
    return this.raw(side, JSON.stringify([3, id, payload]));
  }

  error(side: Side, id: string, code: string, description = ''): this {
    return this.raw(side, JSON.stringify([4, id, code, description, {}]));
  }

  /** A CALL from `side` answered at once by the other side with `answer`. */
  exchange(side: Side, action: string, payload: object, answer: object = {}): string {
    const id = this.call(side, action, payload);
    this.result(side === 'cp' ? 'csms' : 'cp', id, answer);
    return id;
  }

  raw(side: Side, text: string): this {
    const seq = this.seq++;
    const verdict = this.judge.judge({ text, dir: dirOf(side), seq, mono: this.mono, time: new Date(START + this.mono).toISOString() });
    for (const finding of verdict.findings) this.add(seq, finding, false);
    this.addLate(verdict.late);
    return this;
  }

  /** A WebSocket ping/pong from one side. */
  activity(side: Side): this {
    this.addLate(this.judge.activity(dirOf(side), this.mono));
    return this;
  }

  /** A live tick at the current time. */
  tick(): this {
    this.addLate(this.judge.tick(this.mono));
    return this;
  }

  /** Ends the session at `seconds` (default: now) and returns every finding. */
  finish(seconds?: number): Found[] {
    if (seconds !== undefined) this.at(seconds);
    this.addLate(this.judge.finish(this.mono));
    return this.found;
  }

  /** Seq the next frame will get. */
  get nextSeq(): number {
    return this.seq;
  }

  private addLate(late: LateFinding[] | undefined): void {
    for (const l of late ?? []) this.add(l.seq, l.finding, true);
  }

  private add(seq: number, finding: Finding, late: boolean): void {
    const f: Found = { seq, rule: finding.rule, severity: finding.severity, message: finding.message, late, finding };
    if (finding.path !== undefined) f.path = finding.path;
    this.found.push(f);
  }
}

export function playbook(version: OcppVersion, options: SessionJudgeOptions = {}): Playbook {
  return new Playbook(version, options);
}

/** The rule ids found, in order. */
export function rulesOf(found: readonly Found[]): string[] {
  return found.map((f) => f.rule);
}

/** The findings of one rule. */
export function ofRule(found: readonly Found[], rule: string): Found[] {
  return found.filter((f) => f.rule === rule);
}

// Payload builders for well-formed traffic, so a test shows only what it is about.

export const boot16 = { chargePointVendor: 'ACME', chargePointModel: 'Wallbox' };
export const boot2x = { chargingStation: { vendorName: 'ACME', model: 'Wallbox' }, reason: 'PowerUp' };
export const accepted = (interval = 300) => ({ status: 'Accepted', currentTime: '2025-01-01T00:00:00Z', interval });
export const pending = (interval = 30) => ({ status: 'Pending', currentTime: '2025-01-01T00:00:00Z', interval });
export const rejected = (interval = 30) => ({ status: 'Rejected', currentTime: '2025-01-01T00:00:00Z', interval });

/** Boots a playbook's charger and has it accepted; returns the playbook. */
export function booted(p: Playbook, interval = 300): Playbook {
  const boot = p.call('cp', 'BootNotification', p.version === '1.6' ? boot16 : boot2x);
  p.result('csms', boot, accepted(interval));
  return p;
}

export function status16(connectorId: number, status: string): object {
  return { connectorId, errorCode: 'NoError', status };
}

export function status2x(evseId: number, connectorStatus: string, connectorId = 1): object {
  return { timestamp: '2025-01-01T00:00:00Z', connectorStatus, evseId, connectorId };
}

export function txEvent(
  eventType: 'Started' | 'Updated' | 'Ended',
  seqNo: number,
  triggerReason: string,
  transactionId = 'tx-1',
  extra: Record<string, unknown> = {},
): object {
  const { transactionInfo, ...rest } = extra;
  return {
    eventType,
    timestamp: new Date(START + seqNo * 1000).toISOString(),
    triggerReason,
    seqNo,
    transactionInfo: { transactionId, ...(transactionInfo as object | undefined) },
    evse: { id: 1, connectorId: 1 },
    ...rest,
  };
}
