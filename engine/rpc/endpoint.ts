// One side of an OCPP-J connection over a WebSocket: sends CALLs and awaits their answers,
// dispatches incoming CALLs to a handler, and answers broken input with the CALLERROR the
// version requires. Used by the CSMS, the simulator, the conformance harness and replay.
//
// Rules: OCPP-J 1.6 §4.1.1 (one outstanding CALL per direction), §4.2.3 (CALLERROR);
// 2.0.1 Part 4 §4.2.3 ("-1" when the message id cannot be read), §4.4 (unknown message
// type → MessageTypeNotSupported); 2.1 Part 4 §4.1.3 (unknown message types are ignored),
// §4.2.4 (SEND is never answered).
import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import type { Direction, Finding, OcppVersion } from '../../api/model';
import { parseFrame, serializeFrame, type CallFrame, type Frame } from '../ocpp/frames';
import { judgePayload } from '../ocpp/schemas';
import { actionInfo, mayTravel } from '../ocpp/catalog';
import { VERSIONS } from '../ocpp/versions';
import type { LiveSession } from '../traffic/recorder';

export type Side = 'charger' | 'csms';

export interface IncomingCall {
  action: string;
  payload: Record<string, unknown>;
  messageId: string;
  /** Seq of the recorded frame in its session, when recording. */
  seq?: number;
}

/** How to answer an incoming CALL. */
export type CallAnswer =
  | { result: Record<string, unknown>; allowInvalid?: boolean }
  | { error: { code: string; description?: string; details?: Record<string, unknown> } }
  /** Send nothing at all (a faulty or deliberately silent peer). */
  | { noAnswer: true };

/** requestSeq / responseSeq: seqs of the recorded frames in their session, when recording. */
export type CallOutcome =
  | { kind: 'result'; messageId: string; payload: Record<string, unknown>; findings: Finding[]; latencyMs: number; requestSeq?: number; responseSeq?: number }
  | { kind: 'error'; messageId: string; code: string; description: string; details: unknown; latencyMs: number; requestSeq?: number; responseSeq?: number };

export class CallTimeoutError extends Error {
  constructor(
    readonly action: string,
    readonly messageId: string,
    readonly timeoutMs: number,
  ) {
    super(`No answer to ${action} (message id ${messageId}) within ${timeoutMs} ms`);
    this.name = 'CallTimeoutError';
  }
}

export class ConnectionClosedError extends Error {
  constructor(readonly action: string) {
    super(`The connection closed before ${action} was answered`);
    this.name = 'ConnectionClosedError';
  }
}

export class InvalidPayloadError extends Error {
  constructor(
    readonly action: string,
    readonly findings: Finding[],
  ) {
    super(`${action} payload is not valid: ${findings.map((f) => f.message).join('; ')}`);
    this.name = 'InvalidPayloadError';
  }
}

export interface CallOptions {
  timeoutMs?: number;
  /** Send even if the payload fails its schema (on purpose, to test the peer). */
  allowInvalid?: boolean;
  /** Use this message id instead of a fresh one (faulty behaviours, replay). */
  messageId?: string;
  /** Do not wait for earlier calls to be answered (breaks §4.1.1 on purpose). */
  skipQueue?: boolean;
}

export interface EndpointOptions {
  ws: WebSocket;
  version: OcppVersion;
  /** The side this endpoint plays. */
  side: Side;
  /** Records every frame in and out (after it is sent / as it arrives). */
  session?: LiveSession;
  callTimeoutMs?: number;
  onCall?: (call: IncomingCall) => Promise<CallAnswer> | CallAnswer;
  /** 2.1 SEND messages from the peer. */
  onSend?: (message: IncomingCall) => void;
  /** Every frame that arrives, parsed, before it is handled (observers, conformance). */
  onFrame?: (frame: Frame | undefined, text: string) => void;
  /** Answer incoming CALLs that fail their schema with a CALLERROR (default) or hand them on. */
  rejectInvalidCalls?: boolean;
  newMessageId?: () => string;
}

interface Waiting {
  action: string;
  sentAt: number;
  requestSeq?: number;
  resolve: (o: CallOutcome) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class OcppEndpoint {
  readonly version: OcppVersion;
  readonly side: Side;
  private readonly ws: WebSocket;
  private readonly waiting = new Map<string, Waiting>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly handling = new Set<string>();
  private closedFlag = false;
  private readonly closeListeners = new Set<(code: number, reason: string) => void>();

  constructor(private readonly options: EndpointOptions) {
    this.ws = options.ws;
    this.version = options.version;
    this.side = options.side;
    this.ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    this.ws.on('close', (code: number, reason: Buffer) => this.closed(code, reason.toString()));
    this.ws.on('error', () => undefined);
  }

  get outgoing(): Direction {
    return this.side === 'charger' ? 'cp2csms' : 'csms2cp';
  }

  get incoming(): Direction {
    return this.side === 'charger' ? 'csms2cp' : 'cp2csms';
  }

  get isOpen(): boolean {
    return !this.closedFlag && this.ws.readyState === this.ws.OPEN;
  }

  get socket(): WebSocket {
    return this.ws;
  }

  onClose(listener: (code: number, reason: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /**
   * Sends a CALL and resolves with its answer. Calls wait for the previous one to be
   * answered (or time out) unless `skipQueue`. The payload is checked against its schema
   * first; an invalid one throws InvalidPayloadError unless `allowInvalid`.
   */
  call(action: string, payload: Record<string, unknown>, options: CallOptions = {}): Promise<CallOutcome> {
    if (options.allowInvalid !== true) {
      const findings = judgePayload(this.version, action, 'request', payload);
      if (findings.length > 0) return Promise.reject(new InvalidPayloadError(action, findings));
    }
    if (options.skipQueue === true) return this.sendCall(action, payload, options);
    const run = this.queue.then(
      () => this.sendCall(action, payload, options),
      () => this.sendCall(action, payload, options),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Sends a 2.1 SEND (unconfirmed) message. */
  send(action: string, payload: Record<string, unknown>, messageId = this.newId()): void {
    this.sendText(serializeFrame({ kind: 'SEND', id: messageId, action, payload }));
  }

  /** Sends text exactly as given (faulty behaviours, replay, manual frames). */
  sendRaw(text: string): void {
    this.sendText(text);
  }

  close(code = 1000, reason = ''): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  /** Drops the connection without a close frame. */
  terminate(): void {
    this.ws.terminate();
  }

  private newId(): string {
    return this.options.newMessageId?.() ?? randomUUID();
  }

  /** Sends and records; returns the recorded frame's seq (undefined when not recording). */
  private sendText(text: string): number | undefined {
    if (!this.isOpen) throw new ConnectionClosedError('a message');
    this.ws.send(text);
    return this.options.session?.frame(this.outgoing, text);
  }

  private sendCall(action: string, payload: Record<string, unknown>, options: CallOptions): Promise<CallOutcome> {
    return new Promise<CallOutcome>((resolve, reject) => {
      if (!this.isOpen) {
        reject(new ConnectionClosedError(action));
        return;
      }
      const id = options.messageId ?? this.newId();
      const timeoutMs = options.timeoutMs ?? this.options.callTimeoutMs ?? 30_000;
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new CallTimeoutError(action, id, timeoutMs));
      }, timeoutMs);
      const waiting: Waiting = { action, sentAt: performance.now(), resolve, reject, timer };
      this.waiting.set(id, waiting);
      try {
        const seq = this.sendText(serializeFrame({ kind: 'CALL', id, action, payload }));
        if (seq !== undefined) waiting.requestSeq = seq;
      } catch (err) {
        clearTimeout(timer);
        this.waiting.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (isBinary) {
      this.options.session?.frame(this.incoming, data);
      return;
    }
    const text = data.toString('utf8');
    const seq = this.options.session?.frame(this.incoming, text);
    const parsed = parseFrame(text, this.version);
    this.options.onFrame?.(parsed.frame, text);
    const frame = parsed.frame;
    if (frame === undefined) {
      this.answerBroken(parsed.kind, parsed.messageId, parsed.findings);
      return;
    }
    switch (frame.kind) {
      case 'CALL':
        void this.handleCall(frame, parsed.findings, seq);
        break;
      case 'SEND':
        this.options.onSend?.({ action: frame.action, payload: frame.payload, messageId: frame.id });
        break;
      case 'CALLRESULT':
      case 'CALLERROR': {
        const w = this.waiting.get(frame.id);
        if (w === undefined) return; // The judge reports uncorrelated answers.
        this.waiting.delete(frame.id);
        clearTimeout(w.timer);
        const latencyMs = Math.round((performance.now() - w.sentAt) * 1000) / 1000;
        const seqs = { ...(w.requestSeq !== undefined ? { requestSeq: w.requestSeq } : {}), ...(seq !== undefined ? { responseSeq: seq } : {}) };
        if (frame.kind === 'CALLRESULT') {
          w.resolve({
            kind: 'result',
            messageId: frame.id,
            payload: frame.payload,
            findings: actionInfo(this.version, w.action) === undefined ? [] : judgePayload(this.version, w.action, 'response', frame.payload),
            latencyMs,
            ...seqs,
          });
        } else {
          w.resolve({ kind: 'error', messageId: frame.id, code: frame.code, description: frame.description, details: frame.details, latencyMs, ...seqs });
        }
        break;
      }
      case 'CALLRESULTERROR':
        break;
    }
  }

  /** A frame that is not valid OCPP-J: answer what can be answered. */
  private answerBroken(kind: Frame['kind'] | undefined, messageId: string | undefined, findings: Finding[]): void {
    const first = findings[0];
    if (first === undefined) return;
    if (first.rule === 'framing.message-type') {
      // 2.1 ignores unknown message types; 2.0.1 answers MessageTypeNotSupported (§4.4).
      if (this.version === '2.1') return;
    } else if (kind !== undefined && kind !== 'CALL') {
      // Broken answers cannot be answered (2.1 could, with CALLRESULTERROR; we stay silent).
      return;
    }
    const id = messageId !== undefined && messageId.length <= 36 ? messageId : '-1';
    this.replyError(id, first.errorCode ?? VERSIONS[this.version].codes.rpcFramework, first.message);
  }

  private async handleCall(frame: CallFrame, framing: Finding[], seq: number | undefined): Promise<void> {
    const id = frame.id;
    const info = actionInfo(this.version, frame.action);
    if (info === undefined) {
      this.replyError(id, 'NotImplemented', `${frame.action} is not an action of OCPP ${this.version}`);
      return;
    }
    if (!mayTravel(info, this.incoming)) {
      this.replyError(id, 'NotSupported', `${frame.action} is not sent to the ${this.side === 'charger' ? 'charger' : 'CSMS'} in OCPP ${this.version}`);
      return;
    }
    const framingError = framing.find((f) => f.severity === 'error');
    if (framingError !== undefined) {
      this.replyError(id, framingError.errorCode ?? VERSIONS[this.version].codes.format, framingError.message);
      return;
    }
    if (this.options.rejectInvalidCalls !== false) {
      const schema = judgePayload(this.version, frame.action, 'request', frame.payload);
      if (schema.length > 0) {
        const first = schema[0]!;
        this.replyError(id, first.errorCode ?? VERSIONS[this.version].codes.format, first.message, { path: first.path ?? '' });
        return;
      }
    }
    if (this.handling.has(id)) return; // The same CALL again while we work on it: one answer only.
    const handler = this.options.onCall;
    if (handler === undefined) {
      this.replyError(id, 'NotSupported', `${frame.action} is not supported here`);
      return;
    }
    this.handling.add(id);
    let answer: CallAnswer;
    try {
      answer = await handler({ action: frame.action, payload: frame.payload, messageId: id, ...(seq !== undefined ? { seq } : {}) });
    } catch (err) {
      answer = { error: { code: 'InternalError', description: err instanceof Error ? err.message : String(err) } };
    } finally {
      this.handling.delete(id);
    }
    if (!this.isOpen) return;
    if ('noAnswer' in answer) return;
    if ('error' in answer) {
      this.replyError(id, answer.error.code, answer.error.description ?? '', answer.error.details ?? {});
      return;
    }
    if (answer.allowInvalid !== true) {
      const findings = judgePayload(this.version, frame.action, 'response', answer.result);
      if (findings.length > 0) {
        // Our own answer would break the schema: a defect here, reported to the peer as such.
        this.replyError(id, 'InternalError', `The bench built an invalid ${frame.action} response: ${findings[0]!.message}`);
        return;
      }
    }
    this.trySend(serializeFrame({ kind: 'CALLRESULT', id, payload: answer.result }));
  }

  private replyError(id: string, code: string, description: string, details: Record<string, unknown> = {}): void {
    // ErrorDescription is string[255] (2.0.1 Part 4 §4.2.3).
    this.trySend(serializeFrame({ kind: 'CALLERROR', id, code, description: description.slice(0, 255), details }));
  }

  private trySend(text: string): void {
    try {
      this.sendText(text);
    } catch {
      // Closed meanwhile: nothing to answer to.
    }
  }

  private closed(code: number, reason: string): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    for (const [id, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(new ConnectionClosedError(w.action));
      this.waiting.delete(id);
    }
    for (const listener of this.closeListeners) listener(code, reason);
  }
}
