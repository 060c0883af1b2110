// A small builder of packet captures for the import tests: WebSocket frames inside TCP
// segments inside IPv4/IPv6 inside Ethernet, Linux cooked (v1, v2) or BSD loopback
// headers, written as pcap or pcapng records. Checksums are left zero (the importer, like
// Wireshark by default, does not verify them).

export function wsFrame(o: { opcode: number; payload: Buffer | string; fin?: boolean; mask?: boolean; rsv1?: boolean }): Buffer {
  const payload = typeof o.payload === 'string' ? Buffer.from(o.payload, 'utf8') : o.payload;
  const first = ((o.fin ?? true) ? 0x80 : 0) | (o.rsv1 === true ? 0x40 : 0) | o.opcode;
  let head: Buffer;
  if (payload.length < 126) head = Buffer.from([first, payload.length]);
  else if (payload.length < 65536) {
    head = Buffer.alloc(4);
    head[0] = first;
    head[1] = 126;
    head.writeUInt16BE(payload.length, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = first;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  if (o.mask !== true) return Buffer.concat([head, payload]);
  head[1] = head[1]! | 0x80;
  const key = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i] = masked[i]! ^ key[i & 3]!;
  return Buffer.concat([head, key, masked]);
}

export interface Addr {
  ip: string;
  port: number;
}

function ipBytes(ip: string): Buffer {
  if (!ip.includes(':')) return Buffer.from(ip.split('.').map(Number));
  const [left, right] = ip.split('::') as [string, string | undefined];
  const l = left === '' ? [] : left.split(':');
  const r = right === undefined || right === '' ? [] : right.split(':');
  const groups = [...l, ...new Array<string>(8 - l.length - r.length).fill('0'), ...r];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

export function tcp(o: { src: Addr; dst: Addr; seq: number; ack: number; flags: string; payload?: Buffer }): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(o.src.port, 0);
  h.writeUInt16BE(o.dst.port, 2);
  h.writeUInt32BE(o.seq >>> 0, 4);
  h.writeUInt32BE(o.ack >>> 0, 8);
  h[12] = 5 << 4;
  let f = 0;
  if (o.flags.includes('F')) f |= 0x01;
  if (o.flags.includes('S')) f |= 0x02;
  if (o.flags.includes('R')) f |= 0x04;
  if (o.flags.includes('P')) f |= 0x08;
  if (o.flags.includes('A')) f |= 0x10;
  h[13] = f;
  h.writeUInt16BE(65535, 14);
  return Buffer.concat([h, o.payload ?? Buffer.alloc(0)]);
}

export function ip(src: string, dst: string, payload: Buffer): Buffer {
  if (src.includes(':')) {
    const h = Buffer.alloc(40);
    h[0] = 0x60;
    h.writeUInt16BE(payload.length, 4);
    h[6] = 6;
    h[7] = 64;
    ipBytes(src).copy(h, 8);
    ipBytes(dst).copy(h, 24);
    return Buffer.concat([h, payload]);
  }
  const h = Buffer.alloc(20);
  h[0] = 0x45;
  h.writeUInt16BE(20 + payload.length, 2);
  h.writeUInt16BE(0x4000, 6); // don't fragment
  h[8] = 64;
  h[9] = 6;
  ipBytes(src).copy(h, 12);
  ipBytes(dst).copy(h, 16);
  return Buffer.concat([h, payload]);
}

export type Link = 'ethernet' | 'ethernet-vlan' | 'sll' | 'sll2' | 'null' | 'raw';

export const LINKTYPE: Record<Link, number> = { ethernet: 1, 'ethernet-vlan': 1, sll: 113, sll2: 276, null: 0, raw: 101 };

export function frameLink(link: Link, ipPacket: Buffer): Buffer {
  const v6 = ipPacket[0]! >> 4 === 6;
  const etherType = v6 ? 0x86dd : 0x0800;
  switch (link) {
    case 'ethernet': {
      const h = Buffer.alloc(14);
      h.writeUInt16BE(etherType, 12);
      // Ethernet pads frames to 60 bytes: the IP length must tell where the packet ends.
      const frame = Buffer.concat([h, ipPacket]);
      return frame.length < 60 ? Buffer.concat([frame, Buffer.alloc(60 - frame.length, 0xee)]) : frame;
    }
    case 'ethernet-vlan': {
      const h = Buffer.alloc(18);
      h.writeUInt16BE(0x8100, 12);
      h.writeUInt16BE(42, 14);
      h.writeUInt16BE(etherType, 16);
      return Buffer.concat([h, ipPacket]);
    }
    case 'sll': {
      const h = Buffer.alloc(16);
      h.writeUInt16BE(772, 2); // ARPHRD_LOOPBACK
      h.writeUInt16BE(etherType, 14);
      return Buffer.concat([h, ipPacket]);
    }
    case 'sll2': {
      const h = Buffer.alloc(20);
      h.writeUInt16BE(etherType, 0);
      h.writeUInt32BE(1, 4);
      h.writeUInt16BE(772, 8);
      return Buffer.concat([h, ipPacket]);
    }
    case 'null': {
      const h = Buffer.alloc(4);
      h.writeUInt32LE(v6 ? 30 : 2, 0);
      return Buffer.concat([h, ipPacket]);
    }
    case 'raw':
      return ipPacket;
  }
}

export interface Captured {
  time: number;
  data: Buffer;
}

/** One TCP connection: keeps each side's sequence numbers and collects packets. */
export class Conversation {
  readonly packets: Captured[] = [];
  private seq: Record<'client' | 'server', number>;

  constructor(
    readonly client: Addr,
    readonly server: Addr,
    private readonly link: Link = 'ethernet',
    isn: { client: number; server: number } = { client: 1000, server: 5000 },
  ) {
    this.seq = { ...isn };
  }

  private packet(from: 'client' | 'server', flags: string, payload: Buffer, time: number, seq = this.seq[from]): Captured {
    const [src, dst] = from === 'client' ? [this.client, this.server] : [this.server, this.client];
    const other = from === 'client' ? 'server' : 'client';
    return { time, data: frameLink(this.link, ip(src.ip, dst.ip, tcp({ src, dst, seq, ack: this.seq[other], flags, payload }))) };
  }

  handshake(time: number): this {
    this.packets.push(this.packet('client', 'S', Buffer.alloc(0), time));
    this.seq.client = (this.seq.client + 1) >>> 0;
    this.packets.push(this.packet('server', 'SA', Buffer.alloc(0), time + 0.1));
    this.seq.server = (this.seq.server + 1) >>> 0;
    this.packets.push(this.packet('client', 'A', Buffer.alloc(0), time + 0.2));
    return this;
  }

  /**
   * Sends `bytes` from one side in segments of `sizes` (then of 1460 bytes), in the given order
   * of segments (default in order), with the segments in `again` sent a second time.
   */
  send(from: 'client' | 'server', bytes: Buffer | string, time: number, o: { sizes?: number[]; order?: number[]; again?: number[] } = {}): this {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    const segments: Array<{ seq: number; payload: Buffer }> = [];
    let offset = 0;
    // The sizes given, then segments of at most an Ethernet MSS for the rest.
    const sizes = [...(o.sizes ?? [])];
    while (offset < data.length) {
      const size = Math.min(sizes.shift() ?? 1460, data.length - offset);
      segments.push({ seq: (this.seq[from] + offset) >>> 0, payload: data.subarray(offset, offset + size) });
      offset += size;
    }
    const order = o.order ?? segments.map((_, i) => i);
    order.forEach((i, n) => this.packets.push(this.packet(from, 'PA', segments[i]!.payload, time + n * 0.01, segments[i]!.seq)));
    for (const i of o.again ?? []) this.packets.push(this.packet(from, 'PA', segments[i]!.payload, time + order.length * 0.01 + 0.005, segments[i]!.seq));
    this.seq[from] = (this.seq[from] + data.length) >>> 0;
    return this;
  }

  fin(from: 'client' | 'server', time: number): this {
    this.packets.push(this.packet(from, 'FA', Buffer.alloc(0), time));
    this.seq[from] = (this.seq[from] + 1) >>> 0;
    return this;
  }

  reset(from: 'client' | 'server', time: number): this {
    this.packets.push(this.packet(from, 'R', Buffer.alloc(0), time));
    return this;
  }
}

/** The charger's WebSocket upgrade request and the CSMS's 101. */
export function upgradeRequest(path: string, protocols: string[], extra: string[] = []): string {
  return [`GET ${path} HTTP/1.1`, 'Host: csms.example', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', `Sec-WebSocket-Protocol: ${protocols.join(', ')}`, ...extra, '', ''].join('\r\n');
}

export function upgradeResponse(protocol: string | undefined, status = '101 Switching Protocols'): string {
  return [`HTTP/1.1 ${status}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=', ...(protocol !== undefined ? [`Sec-WebSocket-Protocol: ${protocol}`] : []), '', ''].join('\r\n');
}

/** The first bytes of a TLS 1.2 ClientHello (a handshake record, RFC 8446 §5.1). */
export const CLIENT_HELLO = Buffer.from('16030100c4010000c00303' + '00'.repeat(32), 'hex');

export function pcapFile(packets: readonly Captured[], o: { linkType: number; nanos?: boolean; bigEndian?: boolean }): Buffer {
  const w32 = (b: Buffer, v: number, at: number) => (o.bigEndian === true ? b.writeUInt32BE(v >>> 0, at) : b.writeUInt32LE(v >>> 0, at));
  const w16 = (b: Buffer, v: number, at: number) => (o.bigEndian === true ? b.writeUInt16BE(v, at) : b.writeUInt16LE(v, at));
  const header = Buffer.alloc(24);
  w32(header, o.nanos === true ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  w16(header, 2, 4);
  w16(header, 4, 6);
  w32(header, 262144, 16);
  w32(header, o.linkType, 20);
  const records = packets.map((p) => {
    const h = Buffer.alloc(16);
    const seconds = Math.floor(p.time / 1000);
    const rest = p.time - seconds * 1000;
    w32(h, seconds, 0);
    w32(h, o.nanos === true ? Math.round(rest * 1e6) : Math.round(rest * 1e3), 4);
    w32(h, p.data.length, 8);
    w32(h, p.data.length, 12);
    return Buffer.concat([h, p.data]);
  });
  return Buffer.concat([header, ...records]);
}

export function pcapngFile(packets: readonly Captured[], o: { linkType: number; bigEndian?: boolean; nanos?: boolean; simple?: boolean; unknownBlocks?: boolean }): Buffer {
  const le = o.bigEndian !== true;
  const block = (type: number, body: Buffer) => {
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const b = Buffer.alloc(12 + padded.length);
    const length = b.length;
    if (le) {
      b.writeUInt32LE(type, 0);
      b.writeUInt32LE(length, 4);
      b.writeUInt32LE(length, length - 4);
    } else {
      b.writeUInt32BE(type, 0);
      b.writeUInt32BE(length, 4);
      b.writeUInt32BE(length, length - 4);
    }
    padded.copy(b, 8);
    return b;
  };
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    if (le) b.writeUInt32LE(v >>> 0);
    else b.writeUInt32BE(v >>> 0);
    return b;
  };
  const u16 = (v: number) => {
    const b = Buffer.alloc(2);
    if (le) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  };
  // Section header: byte-order magic, version 1.0, section length unknown (-1).
  const shb = block(0x0a0d0d0a, Buffer.concat([u32(0x1a2b3c4d), u16(1), u16(0), Buffer.from('ffffffffffffffff', 'hex')]));
  // Interface: link type, reserved, snap length, option if_tsresol (9) = 9 (nanoseconds) when asked, end of options.
  const options = o.nanos === true ? Buffer.concat([u16(9), u16(1), Buffer.from([9, 0, 0, 0]), u16(0), u16(0)]) : Buffer.alloc(0);
  const idb = block(1, Buffer.concat([u16(o.linkType), u16(0), u32(262144), options]));
  const unknown = o.unknownBlocks === true ? [block(0x00000bad, Buffer.from('skip me')), block(5, Buffer.alloc(8))] : [];
  const blocks = packets.map((p) => {
    if (o.simple === true) return block(3, Buffer.concat([u32(p.data.length), p.data]));
    const units = Math.round(p.time * (o.nanos === true ? 1e6 : 1e3));
    return block(6, Buffer.concat([u32(0), u32(Math.floor(units / 2 ** 32)), u32(units % 2 ** 32), u32(p.data.length), u32(p.data.length), p.data]));
  });
  return Buffer.concat([shb, idb, ...unknown, ...blocks]);
}
