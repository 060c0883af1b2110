// The replay's live connection: a WebSocket whose every frame goes through the live
// recorder like any other live traffic — sent first, then recorded (the bench's own frames
// marked `replayed`, with the recorded frame they come from), judged off the hot path.
import type WebSocket from 'ws';
import type { Direction } from '../../api/model';
import type { LiveSession } from '../traffic/recorder';
import type { ReplayWire } from './player';

export class SocketWire implements ReplayWire {
  private readonly frameListeners: Array<(text: string, seq: number | undefined) => void> = [];
  private readonly closeListeners: Array<(code: number, reason: string) => void> = [];
  private closing = false;
  private ended = false;
  readonly closed: Promise<void>;

  constructor(
    private readonly ws: WebSocket,
    private readonly session: LiveSession,
    private readonly out: Direction,
    /** The `why` of a replayed frame, from the recorded frame's seq (-1: none). */
    private readonly why: (recordedSeq: number) => string,
  ) {
    const incoming: Direction = out === 'cp2csms' ? 'csms2cp' : 'cp2csms';
    const peer = out === 'cp2csms' ? 'csms' : 'charger';
    let markClosed: () => void = () => undefined;
    this.closed = new Promise((resolve) => (markClosed = resolve));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        session.frame(incoming, data);
        return;
      }
      const text = data.toString('utf8');
      const seq = session.frame(incoming, text);
      for (const l of this.frameListeners) l(text, seq);
    });
    ws.on('ping', (data: Buffer) => session.event(incoming, 'ping', data));
    ws.on('pong', (data: Buffer) => session.event(incoming, 'pong', data));
    ws.on('error', () => undefined);
    ws.on('close', (code: number, reason: Buffer) => {
      this.ended = true;
      const text = reason.toString();
      session.close(this.closing ? 'bench' : peer, code === 1006 ? 'abrupt' : 'clean', { code, ...(text !== '' ? { reason: text } : {}) });
      for (const l of this.closeListeners) l(code, text);
      markClosed();
    });
  }

  get isOpen(): boolean {
    return !this.ended && this.ws.readyState === this.ws.OPEN;
  }

  send(text: string, recordedSeq: number): number | undefined {
    if (!this.isOpen) return undefined;
    this.ws.send(text);
    return this.session.frame(this.out, text, { marks: ['replayed'], why: this.why(recordedSeq) });
  }

  onFrame(listener: (text: string, seq: number | undefined) => void): void {
    this.frameListeners.push(listener);
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  close(code: number, reason: string): void {
    if (this.ended) return;
    this.closing = true;
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  /** Closes cleanly and waits for the close handshake (dropping the socket after `ms`). */
  async finish(ms = 1000): Promise<void> {
    this.close(1000, 'replay finished');
    const timer = setTimeout(() => this.ws.terminate(), ms);
    await this.closed;
    clearTimeout(timer);
  }
}
