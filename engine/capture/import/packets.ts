// Packet capture files, read incrementally: push bytes in, get packets out. No I/O.
//
// - pcap (draft-ietf-opsawg-pcap §4–§5): a 24-byte file header whose magic says the byte
//   order and the time resolution (0xA1B2C3D4 microseconds, 0xA1B23C4D nanoseconds), then
//   records of 16-byte header + captured bytes.
// - pcapng (draft-ietf-opsawg-pcapng §3–§4): blocks of type, length, body, length again.
//   A Section Header Block (0x0A0D0D0A) sets the byte order (its magic 0x1A2B3C4D) and
//   starts a new list of interfaces; Interface Description Blocks (1) give each interface
//   its link type and time resolution (option if_tsresol, 9); Enhanced Packet Blocks (6)
//   and Simple Packet Blocks (3) carry packets; every other block is skipped.

export interface Packet {
  /** Milliseconds since the epoch, with sub-millisecond precision where the file has it. */
  time: number;
  /** LINKTYPE_ value of the interface (1 Ethernet, 113 Linux SLL, 276 SLL2, 0 BSD loopback…). */
  linkType: number;
  data: Buffer;
  /** Length of the packet on the wire (data may be shorter: snap length). */
  originalLength: number;
}

export type CaptureFileFormat = 'pcap' | 'pcapng';

export class PacketFileError extends Error {
  override name = 'PacketFileError';
}

/** Which packet format the first bytes announce, if any. */
export function sniffPacketFormat(head: Buffer): CaptureFileFormat | undefined {
  if (head.length < 4) return undefined;
  const be = head.readUInt32BE(0);
  if (be === 0x0a0d0d0a) return 'pcapng';
  if (be === 0xa1b2c3d4 || be === 0xd4c3b2a1 || be === 0xa1b23c4d || be === 0x4d3cb2a1) return 'pcap';
  return undefined;
}

export interface PacketParser {
  /** Adds bytes; returns the packets they complete. */
  push(chunk: Buffer): Packet[];
  /** The input ended: says what was left unread, if anything. */
  end(): string | undefined;
  /** Problems met so far that did not stop reading (unknown link types are the importer's). */
  readonly warnings: string[];
}

export function packetParser(format: CaptureFileFormat): PacketParser {
  return format === 'pcap' ? new PcapParser() : new PcapngParser();
}

/** Accumulates bytes and hands out whole units. */
class Bytes {
  private buf: Buffer = Buffer.alloc(0);
  /** Offset in the file of buf[0]. */
  consumed = 0;

  add(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
  }

  get length(): number {
    return this.buf.length;
  }

  peek(n: number): Buffer | undefined {
    return this.buf.length >= n ? this.buf.subarray(0, n) : undefined;
  }

  take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    this.consumed += n;
    return out;
  }
}

class PcapParser implements PacketParser {
  private readonly bytes = new Bytes();
  private header: { le: boolean; nanos: boolean; linkType: number } | undefined;
  readonly warnings: string[] = [];

  push(chunk: Buffer): Packet[] {
    this.bytes.add(chunk);
    const out: Packet[] = [];
    if (this.header === undefined) {
      const h = this.bytes.peek(24);
      if (h === undefined) return out;
      const magic = h.readUInt32LE(0);
      const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
      const be = magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1;
      if (!le && !be) throw new PacketFileError(`not a pcap file (magic 0x${h.readUInt32BE(0).toString(16)})`);
      const nanos = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
      // The link type is the low 16 bits of the last header field (the rest holds FCS flags).
      const linkType = (le ? h.readUInt32LE(20) : h.readUInt32BE(20)) & 0xffff;
      this.header = { le, nanos, linkType };
      this.bytes.take(24);
    }
    const { le, nanos, linkType } = this.header;
    for (;;) {
      const rh = this.bytes.peek(16);
      if (rh === undefined) break;
      const u32 = (o: number) => (le ? rh.readUInt32LE(o) : rh.readUInt32BE(o));
      const captured = u32(8);
      if (captured > 256 * 1024 * 1024) throw new PacketFileError(`record at byte ${this.bytes.consumed} claims ${captured} bytes: the file is corrupt`);
      if (this.bytes.length < 16 + captured) break;
      const seconds = u32(0);
      const fraction = u32(4);
      const originalLength = u32(12);
      this.bytes.take(16);
      const data = Buffer.from(this.bytes.take(captured));
      out.push({ time: seconds * 1000 + (nanos ? fraction / 1e6 : fraction / 1e3), linkType, data, originalLength });
    }
    return out;
  }

  end(): string | undefined {
    if (this.header === undefined) return 'the file ends inside the pcap header';
    if (this.bytes.length > 0) return `the file ends inside a packet record (${this.bytes.length} bytes left at byte ${this.bytes.consumed}): the capture was cut short`;
    return undefined;
  }
}

interface Interface {
  linkType: number;
  /** Time units per second. */
  unitsPerSecond: number;
}

class PcapngParser implements PacketParser {
  private readonly bytes = new Bytes();
  private le = true;
  private interfaces: Interface[] = [];
  private lastTime = 0;
  private warnedSimple = false;
  readonly warnings: string[] = [];

  push(chunk: Buffer): Packet[] {
    this.bytes.add(chunk);
    const out: Packet[] = [];
    for (;;) {
      const head = this.bytes.peek(12);
      if (head === undefined) break;
      let type = this.le ? head.readUInt32LE(0) : head.readUInt32BE(0);
      if (head.readUInt32BE(0) === 0x0a0d0d0a) {
        // A new section: its byte-order magic decides how everything in it is read.
        const magic = head.readUInt32LE(8);
        if (magic === 0x1a2b3c4d) this.le = true;
        else if (magic === 0x4d3c2b1a) this.le = false;
        else throw new PacketFileError(`section header at byte ${this.bytes.consumed} has no valid byte-order magic`);
        type = 0x0a0d0d0a;
      }
      const length = this.le ? head.readUInt32LE(4) : head.readUInt32BE(4);
      if (length < 12 || length % 4 !== 0 || length > 256 * 1024 * 1024) throw new PacketFileError(`block at byte ${this.bytes.consumed} has an invalid length (${length}): the file is corrupt`);
      if (this.bytes.length < length) break;
      const at = this.bytes.consumed;
      const block = this.bytes.take(length);
      const body = block.subarray(8, length - 4);
      const packet = this.block(type, body, at);
      if (packet !== undefined) out.push(packet);
    }
    return out;
  }

  private u32(b: Buffer, o: number): number {
    return this.le ? b.readUInt32LE(o) : b.readUInt32BE(o);
  }

  private u16(b: Buffer, o: number): number {
    return this.le ? b.readUInt16LE(o) : b.readUInt16BE(o);
  }

  private block(type: number, body: Buffer, at: number): Packet | undefined {
    switch (type) {
      case 0x0a0d0d0a:
        this.interfaces = [];
        return undefined;
      case 1: {
        // Interface Description Block: link type, reserved, snap length, options.
        const iface: Interface = { linkType: this.u16(body, 0), unitsPerSecond: 1e6 };
        for (const [code, value] of this.options(body.subarray(8))) {
          if (code === 9 && value.length >= 1) {
            const r = value[0]!;
            iface.unitsPerSecond = r & 0x80 ? 2 ** (r & 0x7f) : 10 ** (r & 0x7f);
          }
        }
        this.interfaces.push(iface);
        return undefined;
      }
      case 6: {
        // Enhanced Packet Block: interface, timestamp (high, low), captured and original lengths, data.
        const iface = this.interfaces[this.u32(body, 0)];
        if (iface === undefined) throw new PacketFileError(`packet block at byte ${at} names interface ${this.u32(body, 0)}, which the section does not describe`);
        const units = this.u32(body, 4) * 2 ** 32 + this.u32(body, 8);
        const captured = this.u32(body, 12);
        const time = (units / iface.unitsPerSecond) * 1000;
        this.lastTime = time;
        return { time, linkType: iface.linkType, data: Buffer.from(body.subarray(20, 20 + captured)), originalLength: this.u32(body, 16) };
      }
      case 3: {
        // Simple Packet Block: original length and data only, on interface 0, without a time.
        const iface = this.interfaces[0];
        if (iface === undefined) throw new PacketFileError(`simple packet block at byte ${at} comes before any interface description`);
        if (!this.warnedSimple) {
          this.warnedSimple = true;
          this.warnings.push('the file has Simple Packet Blocks, which carry no time: their packets take the time of the packet before them');
        }
        const originalLength = this.u32(body, 0);
        return { time: this.lastTime, linkType: iface.linkType, data: Buffer.from(body.subarray(4, 4 + Math.min(originalLength, body.length - 4))), originalLength };
      }
      default:
        return undefined; // Name resolution, statistics, custom blocks…: not ours to read.
    }
  }

  private *options(buf: Buffer): Generator<[number, Buffer]> {
    let o = 0;
    while (o + 4 <= buf.length) {
      const code = this.u16(buf, o);
      const length = this.u16(buf, o + 2);
      if (code === 0) return;
      yield [code, buf.subarray(o + 4, o + 4 + length)];
      o += 4 + length + ((4 - (length % 4)) % 4);
    }
  }

  end(): string | undefined {
    if (this.bytes.length > 0) return `the file ends inside a block (${this.bytes.length} bytes left at byte ${this.bytes.consumed}): the capture was cut short`;
    return undefined;
  }
}
