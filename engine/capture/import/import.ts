// `capture.import`: a HAR, pcap or pcapng file into a capture (mode `import`), with the
// packets' own times. The file streams through the pure parsers (packets → link/IP/TCP →
// reassembly → HTTP upgrade and WebSocket framing); what cannot be read is reported per
// stream, naming its addresses and ports, and the rest is imported.
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError } from '../../../api/errors';
import type { ImportArgs, ImportFormat, ImportProblem, ImportResult } from '../../../api/replay';
import type { CaptureRecord } from '../format';
import { CaptureWriteError, CaptureWriter, type Unstamped } from '../writer';
import { FakeClock } from '../../util/clock';
import { HarFormatError, importHar } from './har';
import { decodePacket } from './link';
import { PacketFileError, packetParser, sniffPacketFormat } from './packets';
import { WebSocketStreams, type RecordSink } from './streams';
import { TcpReassembler } from './tcp';

export async function importCapture(args: ImportArgs): Promise<ImportResult> {
  if (resolve(args.path) === resolve(args.out)) throw new ApiError('bad-args', 'The capture to write must not be the file being imported');
  const format = args.format ?? (await detectFormat(args.path));
  const problems: ImportProblem[] = [];
  const description = `imported from ${args.path} (${format})`;
  const result: ImportResult = { out: args.out, format, connections: 0, frames: 0, read: 0, problems };
  try {
    if (format === 'har') {
      let har: unknown;
      try {
        har = JSON.parse(await readFile(args.path, 'utf8'));
      } catch (err) {
        if (err instanceof SyntaxError) throw new ApiError('bad-args', `${args.path} is not a HAR file: ${err.message}`);
        throw err;
      }
      const collected: Array<{ record: Unstamped<CaptureRecord>; at: number }> = [];
      const imported = importHar(har, { write: (record, at) => collected.push({ record, at }) }, problems, {
        ...(args.chargerSide !== undefined ? { chargerSide: args.chargerSide } : {}),
        ...(args.keepCredentials === true ? { keepCredentials: true } : {}),
      });
      const writer = await createWriter(args.out, imported.origin ?? Date.now(), description);
      for (const c of collected) writer.write(c.record, c.at);
      await writer.close();
      Object.assign(result, { connections: imported.connections, frames: imported.frames, read: imported.read });
    } else {
      await importPackets(args, format, description, result);
    }
  } catch (err) {
    if (err instanceof HarFormatError || err instanceof PacketFileError) throw new ApiError('bad-args', `${args.path}: ${err.message}`);
    if (err instanceof CaptureWriteError) throw new ApiError('io', err.message);
    throw err;
  }
  return result;
}

async function detectFormat(path: string): Promise<ImportFormat> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(64);
      const { bytesRead } = await handle.read(head, 0, 64, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new ApiError('io', `Cannot read ${path}: ${(err as Error).message}`);
  }
  const packets = sniffPacketFormat(head);
  if (packets !== undefined) return packets;
  if (head.toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{')) return 'har';
  throw new ApiError('bad-args', `${path} is not a HAR, pcap or pcapng file (its first bytes are neither JSON nor a packet capture's magic number)`);
}

/** The capture writer behind a sink: times from the file, mono counted from its first packet. */
async function createWriter(out: string, origin: number, description: string): Promise<RecordSink & { close(): Promise<void> }> {
  const writer = await CaptureWriter.create(out, { mode: 'import', description, clock: new FakeClock(origin, 0) });
  return {
    write(record, at) {
      writer.append({ ...record, time: new Date(at).toISOString(), mono: Math.round((at - origin) * 1000) / 1000 } as Unstamped<CaptureRecord>);
    },
    close: () => writer.close(),
  };
}

async function importPackets(args: ImportArgs, format: 'pcap' | 'pcapng', description: string, result: ImportResult): Promise<void> {
  const problems = result.problems;
  const parser = packetParser(format);
  const tcp = new TcpReassembler();
  let writer: (RecordSink & { close(): Promise<void> }) | undefined;
  // Records wait here until the writer exists (it is created with the first packet's time).
  const sink: RecordSink = { write: (record, at) => writer!.write(record, at) };
  const streams = new WebSocketStreams(sink, problems, args.keepCredentials === true ? { keepCredentials: true } : {});
  const skipped = new Map<string, number>();
  for await (const chunk of createReadStream(args.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (const packet of parser.push(chunk)) {
      writer ??= await createWriter(args.out, packet.time, description);
      result.read++;
      const decoded = decodePacket(packet.linkType, packet.data);
      if ('problem' in decoded) {
        skipped.set(decoded.problem, (skipped.get(decoded.problem) ?? 0) + 1);
        continue;
      }
      if ('ignore' in decoded) continue;
      if (packet.data.length < packet.originalLength && decoded.segment.payload.length > 0) {
        skipped.set('packets cut short by the capture\'s snap length: their streams have gaps', (skipped.get('packets cut short by the capture\'s snap length: their streams have gaps') ?? 0) + 1);
      }
      for (const event of tcp.segment(decoded.segment, packet.time)) streams.event(event);
    }
  }
  writer ??= await createWriter(args.out, Date.now(), description);
  const cut = parser.end();
  if (cut !== undefined) problems.push({ severity: 'warning', stream: args.path, message: cut });
  for (const w of parser.warnings) problems.push({ severity: 'warning', stream: args.path, message: w });
  for (const [message, count] of skipped) problems.push({ severity: 'warning', stream: args.path, message: `${count} packet${count === 1 ? '' : 's'}: ${message}` });
  for (const gap of tcp.gaps()) {
    problems.push({
      severity: 'error',
      stream: gap.stream.name,
      message: `${gap.waiting} bytes from the ${gap.side === 'client' ? 'charger' : 'CSMS'} wait behind bytes the capture never saw (lost packets): they could not be read`,
    });
  }
  streams.finish();
  result.connections = streams.connections;
  result.frames = streams.frames;
  await writer.close();
}
