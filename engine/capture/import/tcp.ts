// TCP stream reassembly per connection and direction (RFC 9293 §3.4, §3.10.7): bytes are
// delivered in sequence-number order, once. Retransmissions and overlaps are trimmed,
// segments that arrive early wait for the gap before them, sequence numbers wrap at 2^32.
// The client of a connection is the side that sent the SYN; without a handshake in the
// capture, the first side heard from is taken as the client, and the stream is marked
// `midstream`. Pure: segments in, events out.
import { endpoint, type TcpSegment } from './link';

export type Side = 'client' | 'server';

export type StreamEvent =
  | { type: 'data'; stream: TcpStream; side: Side; data: Buffer; time: number }
  | { type: 'end'; stream: TcpStream; side: Side; how: 'fin' | 'rst'; time: number };

export interface TcpStream {
  /** `client → server`, e.g. `10.0.0.5:51234 → 10.0.0.1:9000`. */
  name: string;
  client: { address: string; port: number };
  server: { address: string; port: number };
  /** No SYN was seen: the capture started after the connection did. */
  midstream: boolean;
  /** Bytes the receiver got (by side that sent them). */
  delivered: Record<Side, number>;
}

interface Half {
  /** Next sequence number expected; undefined until the first segment. */
  next?: number;
  /** Segments ahead of `next`, by sequence number. */
  early: Map<number, { data: Buffer; time: number }>;
  /** Sequence number of the FIN, once seen. */
  fin?: number;
  ended: boolean;
}

interface Connection {
  stream: TcpStream;
  halves: Record<Side, Half>;
}

/** seq a − seq b in 32-bit sequence space (RFC 9293 §3.4: modulo 2^32 comparisons). */
function diff(a: number, b: number): number {
  return ((a - b) | 0);
}

export class TcpReassembler {
  private readonly connections = new Map<string, Connection>();

  /** Feeds one segment; returns what it makes readable, in order. */
  segment(s: TcpSegment, time: number): StreamEvent[] {
    const from = endpoint(s.src, s.srcPort);
    const to = endpoint(s.dst, s.dstPort);
    const key = from < to ? `${from}|${to}` : `${to}|${from}`;
    let conn = this.connections.get(key);
    if (conn !== undefined && conn.halves.client.ended && conn.halves.server.ended && s.syn && !s.ackFlag) {
      // The same addresses and ports again: a new connection.
      this.connections.delete(key);
      conn = undefined;
    }
    if (conn === undefined) {
      // The SYN's sender is the client; a SYN-ACK's sender is the server; else the first heard.
      const clientIsSender = !(s.syn && s.ackFlag);
      const client = clientIsSender ? { address: s.src, port: s.srcPort } : { address: s.dst, port: s.dstPort };
      const server = clientIsSender ? { address: s.dst, port: s.dstPort } : { address: s.src, port: s.srcPort };
      conn = {
        stream: { name: `${endpoint(client.address, client.port)} → ${endpoint(server.address, server.port)}`, client, server, midstream: !s.syn, delivered: { client: 0, server: 0 } },
        halves: { client: { early: new Map(), ended: false }, server: { early: new Map(), ended: false } },
      };
      this.connections.set(key, conn);
    }
    const side: Side = s.src === conn.stream.client.address && s.srcPort === conn.stream.client.port ? 'client' : 'server';
    const half = conn.halves[side];
    const events: StreamEvent[] = [];
    if (half.ended) return events;
    if (s.rst) {
      // An abortive close ends both directions (RFC 9293 §3.10.7.3).
      conn.halves.client.ended = true;
      conn.halves.server.ended = true;
      events.push({ type: 'end', stream: conn.stream, side, how: 'rst', time });
      return events;
    }
    if (s.syn) {
      half.next = (s.seq + 1) >>> 0;
      half.early.clear();
    } else if (half.next === undefined) {
      half.next = s.seq;
    }
    const start = s.syn ? (s.seq + 1) >>> 0 : s.seq;
    if (s.payload.length > 0) this.accept(half, start, s.payload, time);
    if (s.fin) half.fin = (start + s.payload.length) >>> 0;
    this.drain(conn, side, time, events);
    return events;
  }

  /** Streams whose bytes stopped at a gap the capture never filled, and how many bytes wait behind it. */
  gaps(): Array<{ stream: TcpStream; side: Side; waiting: number }> {
    const out: Array<{ stream: TcpStream; side: Side; waiting: number }> = [];
    for (const c of this.connections.values()) {
      for (const side of ['client', 'server'] as const) {
        const waiting = [...c.halves[side].early.values()].reduce((n, e) => n + e.data.length, 0);
        if (waiting > 0) out.push({ stream: c.stream, side, waiting });
      }
    }
    return out;
  }

  private accept(half: Half, seq: number, data: Buffer, time: number): void {
    const next = half.next!;
    const offset = diff(seq, next);
    if (offset + data.length <= 0) return; // All of it was delivered already: a retransmission.
    const existing = half.early.get(seq);
    if (existing === undefined || existing.data.length < data.length) half.early.set(seq, { data, time });
  }

  private drain(conn: Connection, side: Side, time: number, events: StreamEvent[]): void {
    const half = conn.halves[side];
    for (;;) {
      let progressed = false;
      for (const [seq, piece] of half.early) {
        const offset = diff(seq, half.next!);
        if (offset > 0) continue;
        half.early.delete(seq);
        const fresh = piece.data.subarray(-offset);
        if (fresh.length === 0) continue;
        half.next = (half.next! + fresh.length) >>> 0;
        conn.stream.delivered[side] += fresh.length;
        // Bytes become readable when the segment that completes them arrives.
        events.push({ type: 'data', stream: conn.stream, side, data: fresh, time: Math.max(time, piece.time) });
        progressed = true;
      }
      if (!progressed) break;
    }
    if (half.fin !== undefined && half.early.size === 0 && diff(half.fin, half.next!) <= 0 && !half.ended) {
      half.ended = true;
      events.push({ type: 'end', stream: conn.stream, side, how: 'fin', time });
    }
  }
}
