// Two in-memory WebSocket look-alikes wired back to back, so an OcppEndpoint can run on
// each side without sockets or real time (delivery is one event-loop turn later, in order).
// Only the surface OcppEndpoint uses is implemented.
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';

export class MemorySocket extends EventEmitter {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 1;
  peer: MemorySocket | undefined;

  constructor(readonly protocol: string) {
    super();
  }

  send(text: string | Buffer): void {
    if (this.readyState !== this.OPEN) throw new Error('MemorySocket is not open');
    const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const peer = this.peer;
    // Like TCP: what was sent before a close still arrives, in order.
    setImmediate(() => {
      if (peer !== undefined && peer.readyState !== peer.CLOSED) peer.emit('message', data, false);
    });
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState >= this.CLOSING) return;
    this.readyState = this.CLOSING;
    if (this.peer !== undefined && this.peer.readyState === this.peer.OPEN) this.peer.readyState = this.peer.CLOSING;
    setImmediate(() => this.finish(code, reason));
  }

  terminate(): void {
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CLOSING;
    if (this.peer !== undefined && this.peer.readyState !== this.peer.CLOSED) this.peer.readyState = this.peer.CLOSING;
    setImmediate(() => this.finish(1006, ''));
  }

  ping(): void {}

  private finish(code: number, reason: string): void {
    for (const s of [this, this.peer]) {
      if (s === undefined || s.readyState === s.CLOSED) continue;
      s.readyState = s.CLOSED;
      s.emit('close', code, Buffer.from(reason));
    }
  }
}

/** A connected pair: [charger side, CSMS side], typed as ws WebSockets for OcppEndpoint. */
export function memorySocketPair(protocol: string): [WebSocket, WebSocket] {
  const a = new MemorySocket(protocol);
  const b = new MemorySocket(protocol);
  a.peer = b;
  b.peer = a;
  return [a as unknown as WebSocket, b as unknown as WebSocket];
}
