// Import of pcap, pcapng and HAR files written by these tests: OCPP-J over WebSocket in
// TCP in IP in every link type we read, with masking, fragmentation, long lengths, segments
// out of order and retransmitted, and the streams that cannot be read.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaptureRecord, CloseRecord, EventRecord, FailRecord, FrameRecord, OpenRecord } from '../format';
import { readCapture } from '../reader';
import { tempDir } from '../../testing/tmp';
import { importCapture } from './import';
import { CLIENT_HELLO, Conversation, LINKTYPE, pcapFile, pcapngFile, upgradeRequest, upgradeResponse, wsFrame, type Captured, type Link } from './testing';

const tmp = tempDir('import-');
afterAll(() => tmp.remove());

const T0 = Date.UTC(2026, 4, 1, 8, 0, 0) + 0.5; // half a millisecond in: sub-millisecond times survive
const CP = { ip: '10.0.0.5', port: 51234 };
const CSMS = { ip: '10.0.0.1', port: 9000 };

const boot = '[2,"b1","BootNotification",{"chargePointVendor":"Väter & Söhne","chargePointModel":"M 1"}]';
const bootConf = '[3,"b1",{"status":"Accepted","currentTime":"2026-05-01T08:00:00.000Z","interval":300}]';
const big = `[2,"m1","DataTransfer",{"vendorId":"X","data":"${'x'.repeat(300)}"}]`;
const huge = `[2,"m2","DataTransfer",{"vendorId":"X","data":"${'y'.repeat(70_000)}"}]`;

/** A whole OCPP session on one connection. */
function session(link: Link = 'ethernet', client = CP, server = CSMS): Conversation {
  const c = new Conversation(client, server, link);
  c.handshake(T0);
  c.send('client', upgradeRequest('/ocpp/CP%201', ['ocpp2.0.1', 'ocpp1.6'], ['Authorization: Basic ' + Buffer.from('CP 1:s3cret').toString('base64')]), T0 + 1);
  c.send('server', upgradeResponse('ocpp1.6'), T0 + 2);
  c.send('client', wsFrame({ opcode: 1, payload: boot, mask: true }), T0 + 10);
  c.send('server', wsFrame({ opcode: 1, payload: bootConf }), T0 + 20);
  // A message in three fragments, with a ping between them (RFC 6455 §5.4).
  const hb = Buffer.from('[2,"h1","Heartbeat",{}]');
  c.send('client', Buffer.concat([wsFrame({ opcode: 1, payload: hb.subarray(0, 5), fin: false, mask: true }), wsFrame({ opcode: 9, payload: 'are you there', mask: true })]), T0 + 30);
  c.send('client', wsFrame({ opcode: 0, payload: hb.subarray(5, 12), fin: false, mask: true }), T0 + 31);
  c.send('client', wsFrame({ opcode: 0, payload: hb.subarray(12), mask: true }), T0 + 32);
  c.send('server', wsFrame({ opcode: 10, payload: 'are you there' }), T0 + 33);
  c.send('client', wsFrame({ opcode: 1, payload: big, mask: true }), T0 + 40);
  c.send('client', wsFrame({ opcode: 1, payload: huge, mask: true }), T0 + 50, { sizes: [1400, 1400, 1400] });
  c.send('client', wsFrame({ opcode: 2, payload: Buffer.from([0, 1, 2, 255]), mask: true }), T0 + 60);
  const close = Buffer.concat([Buffer.from([0x03, 0xe8]), Buffer.from('bye')]);
  c.send('client', wsFrame({ opcode: 8, payload: close, mask: true }), T0 + 70);
  c.send('server', wsFrame({ opcode: 8, payload: close }), T0 + 71);
  c.fin('client', T0 + 72).fin('server', T0 + 73);
  return c;
}

async function records(path: string): Promise<CaptureRecord[]> {
  const out: CaptureRecord[] = [];
  for await (const { record } of readCapture(path)) out.push(record);
  return out;
}

let n = 0;
async function importBytes(bytes: Buffer | string, ext: string, extra: Partial<Parameters<typeof importCapture>[0]> = {}) {
  const path = tmp.file(`in${++n}.${ext}`);
  writeFileSync(path, bytes);
  const out = tmp.file(`out${n}.jsonl`);
  const result = await importCapture({ path, out, ...extra });
  return { result, records: await records(out), out };
}

const framesOf = (rs: CaptureRecord[]) => rs.filter((r): r is FrameRecord => r.type === 'frame');

function expectWholeSession(rs: CaptureRecord[], client = '10.0.0.5:51234'): void {
  const open = rs.find((r): r is OpenRecord => r.type === 'open')!;
  expect(open).toMatchObject({ chargePointId: 'CP 1', path: '/ocpp/CP%201', offeredSubprotocols: ['ocpp2.0.1', 'ocpp1.6'], subprotocol: 'ocpp1.6', remoteAddress: client, authUser: 'CP 1', authPassword: '<redacted>' });
  const frames = framesOf(rs);
  expect(frames.map((f) => [f.seq, f.dir, f.text ?? `binary:${f.binary}`])).toEqual([
    [0, 'cp2csms', boot],
    [1, 'csms2cp', bootConf],
    [2, 'cp2csms', '[2,"h1","Heartbeat",{}]'],
    [3, 'cp2csms', big],
    [4, 'cp2csms', huge],
    [5, 'cp2csms', 'binary:AAEC/w=='],
  ]);
  expect(frames[5]!.marks).toEqual(['binary']);
  expect(frames.every((f) => f.conn === open.conn)).toBe(true);
  const events = rs.filter((r): r is EventRecord => r.type === 'event');
  expect(events.map((e) => [e.dir, e.event, Buffer.from(e.data ?? '', 'base64').toString()])).toEqual([
    ['cp2csms', 'ping', 'are you there'],
    ['csms2cp', 'pong', 'are you there'],
  ]);
  expect(rs.filter((r): r is CloseRecord => r.type === 'close')).toEqual([expect.objectContaining({ by: 'charger', how: 'clean', code: 1000, reason: 'bye' })]);
}

describe('pcap', () => {
  it('Ethernet, IPv4, microseconds: a whole session, byte-exact, with the packets\' times', async () => {
    const { result, records: rs } = await importBytes(pcapFile(session().packets, { linkType: LINKTYPE.ethernet }), 'pcap');
    expect(result).toMatchObject({ format: 'pcap', connections: 1, frames: 6, problems: [] });
    expectWholeSession(rs);
    const header = rs[0]!;
    expect(header).toMatchObject({ type: 'header', mode: 'import', started: new Date(T0).toISOString() });
    const frames = framesOf(rs);
    // The boot frame's packet came 10 ms after the first packet; the heartbeat completed at +32.
    expect(frames[0]!.time).toBe(new Date(T0 + 10).toISOString());
    expect(frames[0]!.mono).toBeCloseTo(10, 3);
    expect(frames[2]!.mono).toBeCloseTo(32, 3);
  });

  it('big-endian, nanoseconds, Linux cooked capture', async () => {
    const { result, records: rs } = await importBytes(pcapFile(session('sll').packets, { linkType: LINKTYPE.sll, nanos: true, bigEndian: true }), 'pcap');
    expect(result.problems).toEqual([]);
    expectWholeSession(rs);
    expect(framesOf(rs)[1]!.mono).toBeCloseTo(20, 3);
  });

  it('IPv6 on BSD loopback and 802.1Q-tagged Ethernet', async () => {
    const v6 = await importBytes(pcapFile(session('null', { ip: 'fd00::5', port: 51234 }, { ip: 'fd00::1', port: 9000 }).packets, { linkType: LINKTYPE.null }), 'pcap');
    expectWholeSession(v6.records, '[fd00::5]:51234');
    const vlan = await importBytes(pcapFile(session('ethernet-vlan').packets, { linkType: LINKTYPE.ethernet }), 'pcap');
    expectWholeSession(vlan.records);
  });

  it('reassembles segments out of order and retransmitted, across a sequence-number wrap', async () => {
    const c = new Conversation(CP, CSMS, 'ethernet', { client: 0xffffff00, server: 7 });
    c.handshake(T0);
    c.send('client', upgradeRequest('/ocpp/CP%201', ['ocpp1.6']), T0 + 1, { sizes: [40, 40], order: [2, 0, 1], again: [0] });
    c.send('server', upgradeResponse('ocpp1.6'), T0 + 2, { sizes: [30], order: [1, 0], again: [1] });
    c.send('client', wsFrame({ opcode: 1, payload: boot, mask: true }), T0 + 10, { sizes: [20, 20, 20], order: [3, 1, 0, 2], again: [1, 3] });
    c.send('server', wsFrame({ opcode: 1, payload: bootConf }), T0 + 20);
    const { result, records: rs } = await importBytes(pcapFile(c.packets, { linkType: LINKTYPE.ethernet }), 'pcap');
    expect(result.problems).toEqual([]);
    expect(framesOf(rs).map((f) => f.text)).toEqual([boot, bootConf]);
    // The frame became readable when its last missing segment (the fourth sent) arrived.
    expect(framesOf(rs)[0]!.mono).toBeCloseTo(10.03, 3);
  });

  it('names the streams it cannot read: TLS, not a WebSocket, a gap never filled; and still imports the rest', async () => {
    const tls = new Conversation({ ip: '10.0.0.6', port: 51000 }, { ip: '10.0.0.1', port: 443 }).handshake(T0).send('client', CLIENT_HELLO, T0 + 1);
    const http = new Conversation({ ip: '10.0.0.7', port: 51001 }, { ip: '10.0.0.1', port: 80 }).handshake(T0).send('client', 'GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n', T0 + 1);
    const gap = new Conversation({ ip: '10.0.0.8', port: 51002 }, CSMS).handshake(T0);
    gap.send('client', upgradeRequest('/ocpp/GAP', ['ocpp1.6']), T0 + 1).send('server', upgradeResponse('ocpp1.6'), T0 + 2);
    gap.send('client', wsFrame({ opcode: 1, payload: boot, mask: true }), T0 + 3, { sizes: [10, 10], order: [0, 2] });
    const packets = [...session().packets, ...tls.packets, ...http.packets, ...gap.packets].sort((a, b) => a.time - b.time);
    const { result, records: rs } = await importBytes(pcapFile(packets, { linkType: LINKTYPE.ethernet }), 'pcap');
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { severity: 'error', stream: '10.0.0.6:51000 → 10.0.0.1:443', message: expect.stringMatching(/^TLS .*cannot be read/) },
        { severity: 'warning', stream: '10.0.0.7:51001 → 10.0.0.1:80', message: 'not a WebSocket connection (an HTTP GET /index.html without Upgrade: websocket); skipped' },
        { severity: 'error', stream: '10.0.0.8:51002 → 10.0.0.1:9000', message: expect.stringMatching(/bytes from the charger wait behind bytes the capture never saw/) },
      ]),
    );
    expect(result.connections).toBe(2);
    expect(framesOf(rs).filter((f) => f.text === boot)).toHaveLength(1);
  });

  it('a refused upgrade is a failed connection; a compressed message is reported, not guessed', async () => {
    const refused = new Conversation(CP, CSMS).handshake(T0);
    refused.send('client', upgradeRequest('/ocpp/CP9', ['ocpp1.6']), T0 + 1).send('server', 'HTTP/1.1 401 Unauthorized\r\nContent-Length: 9\r\n\r\nwho are u', T0 + 2);
    const deflate = new Conversation({ ip: '10.0.0.9', port: 50000 }, CSMS).handshake(T0 + 5);
    deflate.send('client', upgradeRequest('/ocpp/CPZ', ['ocpp1.6']), T0 + 6).send('server', upgradeResponse('ocpp1.6'), T0 + 7);
    deflate.send('client', wsFrame({ opcode: 1, payload: Buffer.from([0xf2, 0x48, 0x05, 0x00]), mask: true, rsv1: true }), T0 + 8);
    const { result, records: rs } = await importBytes(pcapFile([...refused.packets, ...deflate.packets], { linkType: LINKTYPE.ethernet }), 'pcap');
    const fail = rs.find((r): r is FailRecord => r.type === 'fail')!;
    expect(fail).toMatchObject({ chargePointId: 'CP9', status: 401, reason: 'the server answered the WebSocket upgrade with 401 Unauthorized: who are u' });
    expect(result.problems).toEqual([{ severity: 'error', stream: '10.0.0.9:50000 → 10.0.0.1:9000', message: expect.stringContaining('compressed message (permessage-deflate') }]);
  });

  it('a connection reset without a close frame ends abruptly, by the side that reset it', async () => {
    const c = new Conversation(CP, CSMS).handshake(T0);
    c.send('client', upgradeRequest('/ocpp/CP1', ['ocpp1.6']), T0 + 1).send('server', upgradeResponse('ocpp1.6'), T0 + 2);
    c.send('client', wsFrame({ opcode: 1, payload: boot, mask: true }), T0 + 3).reset('server', T0 + 4);
    const { records: rs } = await importBytes(pcapFile(c.packets, { linkType: LINKTYPE.ethernet }), 'pcap');
    expect(rs.find((r) => r.type === 'close')).toMatchObject({ by: 'csms', how: 'abrupt' });
  });

  it('a capture that starts mid-connection, a cut-short file, and a file that is no capture', async () => {
    const c = new Conversation(CP, CSMS);
    c.send('client', wsFrame({ opcode: 1, payload: boot, mask: true }), T0);
    const bytes = pcapFile(c.packets, { linkType: LINKTYPE.ethernet });
    const { result } = await importBytes(Buffer.concat([bytes, bytes.subarray(24, 40)]), 'pcap');
    expect(result.problems.map((p) => p.message)).toEqual([
      'the capture starts after this connection opened, so its WebSocket handshake is missing (it does not begin with an HTTP request); skipped',
      'the file ends inside a packet record (16 bytes left at byte 192): the capture was cut short',
    ]);
    await expect(importBytes('hello', 'pcap')).rejects.toThrow(/is not a HAR, pcap or pcapng file/);
    await expect(importBytes(Buffer.from('0a0d0d0a0c000000deadbeef', 'hex'), 'pcapng')).rejects.toThrow(/byte-order magic/);
  });
});

describe('pcapng', () => {
  it('little- and big-endian sections, unknown blocks skipped, Linux cooked v2, nanosecond resolution', async () => {
    const le = await importBytes(pcapngFile(session('sll2').packets, { linkType: LINKTYPE.sll2, unknownBlocks: true }), 'pcapng');
    expect(le.result).toMatchObject({ format: 'pcapng', problems: [] });
    expectWholeSession(le.records);
    expect(framesOf(le.records)[0]!.mono).toBeCloseTo(10, 3);
    const be = await importBytes(pcapngFile(session().packets, { linkType: LINKTYPE.ethernet, bigEndian: true, nanos: true }), 'pcapng');
    expect(be.result.problems).toEqual([]);
    expectWholeSession(be.records);
    expect(framesOf(be.records)[1]!.mono).toBeCloseTo(20, 3);
  });

  it('simple packet blocks carry no time: the importer says so', async () => {
    const { result, records: rs } = await importBytes(pcapngFile(session().packets, { linkType: LINKTYPE.ethernet, simple: true }), 'pcapng');
    expectWholeSession(rs);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Simple Packet Blocks') })]);
  });

  it('two sessions interleaved keep their own connections, in time order', async () => {
    const a = session();
    const b = session('ethernet', { ip: '10.0.0.99', port: 40000 });
    const packets: Captured[] = [...a.packets, ...b.packets.map((p) => ({ ...p, time: p.time + 5 }))].sort((x, y) => x.time - y.time);
    const { result, records: rs } = await importBytes(pcapngFile(packets, { linkType: LINKTYPE.ethernet }), 'pcapng');
    expect(result.connections).toBe(2);
    const opens = rs.filter((r): r is OpenRecord => r.type === 'open');
    expect(opens.map((o) => o.remoteAddress)).toEqual(['10.0.0.5:51234', '10.0.0.99:40000']);
    expect(framesOf(rs).filter((f) => f.conn === opens[1]!.conn).map((f) => f.text ?? '')).toHaveLength(6);
    const monos = rs.slice(1).map((r) => (r as { mono: number }).mono);
    expect([...monos].sort((x, y) => x - y)).toEqual(monos);
  });
});

describe('HAR', () => {
  const har = (o: { status?: number; messages?: unknown[] } = {}) =>
    JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          { startedDateTime: '2026-05-01T08:00:00.000Z', request: { method: 'GET', url: 'https://example.com/', headers: [] }, response: { status: 200, headers: [] } },
          {
            startedDateTime: '2026-05-01T08:00:01.000Z',
            _resourceType: 'websocket',
            serverIPAddress: '10.0.0.1',
            request: { method: 'GET', url: 'ws://csms.example:9000/ocpp/CP%201', headers: [{ name: 'Sec-WebSocket-Protocol', value: 'ocpp1.6, ocpp2.0.1' }] },
            response: { status: o.status ?? 101, statusText: o.status === 403 ? 'Forbidden' : 'Switching Protocols', headers: [{ name: 'sec-websocket-protocol', value: 'ocpp1.6' }] },
            _webSocketMessages: o.messages ?? [
              { type: 'send', time: Date.UTC(2026, 4, 1, 8, 0, 1, 250) / 1000, opcode: 1, data: boot },
              { type: 'receive', time: Date.UTC(2026, 4, 1, 8, 0, 1, 260) / 1000, opcode: 1, data: bootConf },
              { type: 'receive', time: Date.UTC(2026, 4, 1, 8, 0, 1, 270) / 1000, opcode: 2, data: 'AAEC/w==' },
            ],
          },
        ],
      },
    });

  it('Chrome\'s WebSocket messages: the page is the charger by default, text byte-exact, times kept', async () => {
    const { result, records: rs } = await importBytes(har(), 'har');
    expect(result).toMatchObject({ format: 'har', connections: 1, frames: 3, read: 2, problems: [] });
    expect(rs.find((r) => r.type === 'open')).toMatchObject({ chargePointId: 'CP 1', path: '/ocpp/CP%201', offeredSubprotocols: ['ocpp1.6', 'ocpp2.0.1'], subprotocol: 'ocpp1.6' });
    expect(framesOf(rs).map((f) => [f.dir, f.text ?? f.binary, f.time])).toEqual([
      ['cp2csms', boot, '2026-05-01T08:00:01.250Z'],
      ['csms2cp', bootConf, '2026-05-01T08:00:01.260Z'],
      ['csms2cp', 'AAEC/w==', '2026-05-01T08:00:01.270Z'],
    ]);
  });

  it('--charger-side server: the page is the CSMS; a refused WebSocket is a failed connection', async () => {
    const flipped = await importBytes(har(), 'har', { chargerSide: 'server' });
    expect(framesOf(flipped.records).map((f) => f.dir)).toEqual(['csms2cp', 'cp2csms', 'cp2csms']);
    expect(flipped.records.find((r) => r.type === 'open')).toMatchObject({ remoteAddress: '10.0.0.1:9000' });
    const refused = await importBytes(har({ status: 403, messages: [] }), 'har');
    expect(refused.records.find((r) => r.type === 'fail')).toMatchObject({ status: 403, reason: 'the server answered the WebSocket upgrade with 403 Forbidden' });
  });

  it('malformed messages are skipped with a warning; a JSON file that is not HAR is refused', async () => {
    const { result } = await importBytes(har({ messages: [{ type: 'send', time: 'soon', data: 'x' }] }), 'har');
    expect(result.problems).toEqual([{ severity: 'warning', stream: 'ws://csms.example:9000/ocpp/CP%201', message: 'message 0 is not a {type: send|receive, time, data} record; skipped' }]);
    await expect(importBytes('{"hello":1}', 'har')).rejects.toThrow('not a HAR file: no log.entries list');
    await expect(importBytes('{"log": ', 'har')).rejects.toThrow(/is not a HAR file/);
  });
});
