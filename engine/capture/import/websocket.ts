// WebSocket framing (RFC 6455 §5): push one direction's bytes in, get messages and control
// frames out. Handles 7-, 16- and 64-bit payload lengths, masking (§5.3), fragmented
// messages with control frames between their fragments (§5.4), and close frames (§5.5.1).
// Compressed messages (RSV1, permessage-deflate, RFC 7692) are reported, not read. Pure.

export type WsEvent =
  | { type: 'message'; binary: boolean; data: Buffer; time: number }
  | { type: 'ping' | 'pong'; data: Buffer; time: number }
  | { type: 'close'; code?: number; reason?: string; time: number }
  | { type: 'problem'; message: string; time: number };

export class WsDecoder {
  private buf: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentBinary = false;
  private fragmenting = false;
  private compressed = false;
  /** Set once the stream cannot be read any further (a framing error). */
  broken = false;

  push(chunk: Buffer, time: number): WsEvent[] {
    if (this.broken) return [];
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: WsEvent[] = [];
    for (;;) {
      const frame = this.next();
      if (frame === undefined) break;
      if ('problem' in frame) {
        this.broken = true;
        out.push({ type: 'problem', message: frame.problem, time });
        break;
      }
      this.handle(frame, time, out);
    }
    return out;
  }

  /** Bytes of an unfinished frame or message left when the stream ended. */
  get leftover(): number {
    return this.buf.length + this.fragments.reduce((n, f) => n + f.length, 0);
  }

  private next(): { fin: boolean; rsv1: boolean; opcode: number; payload: Buffer } | { problem: string } | undefined {
    const b = this.buf;
    if (b.length < 2) return undefined;
    const fin = (b[0]! & 0x80) !== 0;
    const rsv1 = (b[0]! & 0x40) !== 0;
    const opcode = b[0]! & 0x0f;
    const masked = (b[1]! & 0x80) !== 0;
    let length = b[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return undefined;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return undefined;
      const big = b.readBigUInt64BE(2);
      if (big > BigInt(256 * 1024 * 1024)) return { problem: `a frame claims ${big} bytes: not a WebSocket stream, or a corrupt one` };
      length = Number(big);
      offset = 10;
    }
    if (![0, 1, 2, 8, 9, 10].includes(opcode)) return { problem: `a frame with the reserved opcode ${opcode} (RFC 6455 §5.2)` };
    const maskAt = offset;
    if (masked) offset += 4;
    if (b.length < offset + length) return undefined;
    const payload = Buffer.from(b.subarray(offset, offset + length));
    if (masked) {
      const key = b.subarray(maskAt, maskAt + 4);
      for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ key[i & 3]!;
    }
    this.buf = b.subarray(offset + length);
    return { fin, rsv1, opcode, payload };
  }

  private handle(f: { fin: boolean; rsv1: boolean; opcode: number; payload: Buffer }, time: number, out: WsEvent[]): void {
    switch (f.opcode) {
      case 8: {
        const event: WsEvent = { type: 'close', time };
        if (f.payload.length >= 2) {
          event.code = f.payload.readUInt16BE(0);
          const reason = f.payload.subarray(2).toString('utf8');
          if (reason !== '') event.reason = reason;
        }
        out.push(event);
        return;
      }
      case 9:
      case 10:
        out.push({ type: f.opcode === 9 ? 'ping' : 'pong', data: f.payload, time });
        return;
      case 0:
        if (!this.fragmenting) {
          out.push({ type: 'problem', message: 'a continuation frame without a message to continue (RFC 6455 §5.4); skipped', time });
          return;
        }
        this.fragments.push(f.payload);
        break;
      default:
        if (this.fragmenting) out.push({ type: 'problem', message: 'a new message began before the fragmented one ended (RFC 6455 §5.4); the unfinished one is dropped', time });
        this.fragments = [f.payload];
        this.fragmentBinary = f.opcode === 2;
        this.fragmenting = true;
        this.compressed = f.rsv1;
    }
    if (!f.fin) return;
    const data = this.fragments.length === 1 ? this.fragments[0]! : Buffer.concat(this.fragments);
    this.fragments = [];
    this.fragmenting = false;
    if (this.compressed) {
      out.push({ type: 'problem', message: `a compressed message (permessage-deflate, RFC 7692) of ${data.length} bytes cannot be read; skipped`, time });
      return;
    }
    out.push({ type: 'message', binary: this.fragmentBinary, data, time });
  }
}
