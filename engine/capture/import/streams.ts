// From reassembled TCP streams to capture records: the HTTP upgrade (RFC 6455 §4.1–4.2:
// the request path gives the charge point id, Sec-WebSocket-Protocol the subprotocol),
// then WebSocket frames in both directions. The TCP client is the charger: an OCPP-J
// charger opens the WebSocket (OCPP-J 1.6 §3.1; 2.0.1 Part 4 §3.1). Streams that cannot be
// read (TLS, not HTTP, not a WebSocket, a handshake the capture missed) are named as
// problems. Pure: events in, records out through a sink.
import type { ImportProblem } from '../../../api/replay';
import { REDACTED, type CaptureRecord } from '../format';
import type { Unstamped } from '../writer';
import { chargePointIdFromPath, parseBasicAuth } from '../../net/handshake';
import { newId } from '../../util/ids';
import { endpoint } from './link';
import type { Side, StreamEvent, TcpStream } from './tcp';
import { WsDecoder } from './websocket';

export interface RecordSink {
  /** Writes a record that happened at `at` (milliseconds since the epoch). */
  write(record: Unstamped<CaptureRecord>, at: number): void;
}

export interface HttpHead {
  startLine: string;
  headers: Map<string, string>;
}

/** Parses an HTTP/1.1 message head (RFC 9112 §2–§5); header names lowercased, repeats joined with ", ". */
export function parseHttpHead(text: string): HttpHead {
  const lines = text.split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { startLine: lines[0] ?? '', headers };
}

/** A TLS record carrying a handshake (a ClientHello or ServerHello): 0x16, version 3.x (RFC 8446 §5.1). */
export function looksLikeTls(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0x16 && b[1] === 0x03 && b[2]! <= 0x04;
}

const MAX_HEAD = 64 * 1024;

interface State {
  phase: 'request' | 'response' | 'ws' | 'ignored';
  buffers: Record<Side, Buffer>;
  conn?: string;
  seq: number;
  decoders?: Record<Side, WsDecoder>;
  closed: boolean;
  /** Client bytes after the request head, held until the server's answer is read. */
  early: Array<{ data: Buffer; time: number }>;
  sawData: boolean;
  /** The charger's upgrade request, once read. */
  head?: HttpHead;
  path?: string;
}

export interface StreamImportOptions {
  keepCredentials?: boolean;
}

export class WebSocketStreams {
  private readonly states = new Map<TcpStream, State>();
  connections = 0;
  frames = 0;

  constructor(
    private readonly sink: RecordSink,
    private readonly problems: ImportProblem[],
    private readonly options: StreamImportOptions = {},
  ) {}

  event(e: StreamEvent): void {
    let state = this.states.get(e.stream);
    if (state === undefined) {
      state = { phase: 'request', buffers: { client: Buffer.alloc(0), server: Buffer.alloc(0) }, seq: 0, closed: false, early: [], sawData: false };
      this.states.set(e.stream, state);
    }
    if (e.type === 'end') {
      this.end(state, e.side, e.time);
      return;
    }
    state.sawData = true;
    switch (state.phase) {
      case 'ignored':
        return;
      case 'ws':
        this.websocket(e.stream, state, e.side, e.data, e.time);
        return;
      case 'request':
        if (e.side === 'server') {
          this.ignore(e.stream, state, looksLikeTls(e.data) ? this.tls(e.stream) : this.notWebSocket(e.stream, 'the server spoke first'));
          return;
        }
        this.request(e.stream, state, e.data);
        return;
      case 'response':
        if (e.side === 'client') {
          state.early.push({ data: e.data, time: e.time });
          return;
        }
        this.response(e.stream, state, e.data, e.time);
    }
  }

  /** The capture ended: say what was left half-read. */
  finish(): void {
    for (const [stream, state] of this.states) {
      if ((state.phase === 'request' || state.phase === 'response') && state.sawData && (state.buffers.client.length > 0 || state.buffers.server.length > 0)) {
        this.problems.push({ severity: 'warning', stream: stream.name, message: 'the capture ends before the WebSocket handshake completed' });
      }
      if (state.phase === 'ws' && state.decoders !== undefined) {
        for (const side of ['client', 'server'] as const) {
          const left = state.decoders[side].leftover;
          if (left > 0 && !state.decoders[side].broken) {
            this.problems.push({ severity: 'warning', stream: stream.name, message: `the capture ends inside a WebSocket message from the ${side === 'client' ? 'charger' : 'CSMS'} (${left} bytes not read)` });
          }
        }
      }
    }
  }

  private tls(stream: TcpStream): ImportProblem {
    return {
      severity: 'error',
      stream: stream.name,
      message: 'TLS (a handshake record opens the stream): encrypted, so its OCPP frames cannot be read. Record it with the bench\'s proxy, which terminates TLS, or capture before encryption',
    };
  }

  private notWebSocket(stream: TcpStream, why: string): ImportProblem {
    return {
      severity: 'warning',
      stream: stream.name,
      message: stream.midstream ? `the capture starts after this connection opened, so its WebSocket handshake is missing (${why}); skipped` : `not a WebSocket connection (${why}); skipped`,
    };
  }

  private ignore(_stream: TcpStream, state: State, problem: ImportProblem): void {
    state.phase = 'ignored';
    state.buffers = { client: Buffer.alloc(0), server: Buffer.alloc(0) };
    this.problems.push(problem);
  }

  private request(stream: TcpStream, state: State, data: Buffer): void {
    const buf = (state.buffers.client = Buffer.concat([state.buffers.client, data]));
    if (looksLikeTls(buf)) return this.ignore(stream, state, this.tls(stream));
    const token = /^[A-Z]{1,10}(?: |$)/.exec(buf.subarray(0, 11).toString('latin1'));
    if (token === null && buf.length >= 1) return this.ignore(stream, state, this.notWebSocket(stream, 'it does not begin with an HTTP request'));
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) {
      if (buf.length > MAX_HEAD) this.ignore(stream, state, this.notWebSocket(stream, 'an HTTP request head over 64 KiB'));
      return;
    }
    const head = parseHttpHead(buf.subarray(0, end).toString('latin1'));
    const [method, path] = head.startLine.split(' ');
    if (method !== 'GET' || !/\bwebsocket\b/i.test(head.headers.get('upgrade') ?? '')) {
      return this.ignore(stream, state, this.notWebSocket(stream, `an HTTP ${method ?? ''} ${path ?? ''} without Upgrade: websocket`));
    }
    state.buffers.client = Buffer.alloc(0);
    state.phase = 'response';
    const rest = buf.subarray(end + 4);
    if (rest.length > 0) state.early.push({ data: rest, time: 0 });
    state.head = head;
    state.path = path ?? '/';
  }

  private response(stream: TcpStream, state: State, data: Buffer, time: number): void {
    const buf = (state.buffers.server = Buffer.concat([state.buffers.server, data]));
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) {
      if (buf.length > MAX_HEAD) this.ignore(stream, state, this.notWebSocket(stream, 'an HTTP response head over 64 KiB'));
      return;
    }
    const head = parseHttpHead(buf.subarray(0, end).toString('latin1'));
    const status = Number(head.startLine.split(' ')[1]);
    const path = state.path ?? '/';
    const offered = (state.head?.headers.get('sec-websocket-protocol') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const base = {
      conn: newId('conn'),
      chargePointId: chargePointIdFromPath(path),
      path,
      offeredSubprotocols: offered,
      remoteAddress: endpoint(stream.client.address, stream.client.port),
    };
    state.buffers.server = Buffer.alloc(0);
    if (status !== 101) {
      const body = buf.subarray(end + 4).toString('utf8').trim().slice(0, 200);
      this.sink.write({ type: 'fail', ...base, status, reason: `the server answered the WebSocket upgrade with ${head.startLine.slice(9) || String(status)}${body !== '' ? `: ${body}` : ''}` }, time);
      this.connections++;
      state.phase = 'ignored';
      return;
    }
    const credentials = parseBasicAuth(state.head?.headers.get('authorization'));
    const subprotocol = head.headers.get('sec-websocket-protocol');
    this.sink.write(
      {
        type: 'open',
        ...base,
        ...(subprotocol !== undefined && subprotocol !== '' ? { subprotocol } : {}),
        ...(credentials !== undefined ? { authUser: credentials.user, authPassword: this.options.keepCredentials === true ? credentials.password : REDACTED } : {}),
      },
      time,
    );
    this.connections++;
    state.conn = base.conn;
    state.phase = 'ws';
    state.decoders = { client: new WsDecoder(), server: new WsDecoder() };
    const rest = buf.subarray(end + 4);
    if (rest.length > 0) this.websocket(stream, state, 'server', rest, time);
    for (const e of state.early.splice(0)) this.websocket(stream, state, 'client', e.data, Math.max(e.time, time));
  }

  private websocket(stream: TcpStream, state: State, side: Side, data: Buffer, time: number): void {
    const conn = state.conn!;
    const dir = side === 'client' ? 'cp2csms' : 'csms2cp';
    for (const e of state.decoders![side].push(data, time)) {
      switch (e.type) {
        case 'message': {
          if (e.binary) {
            this.sink.write({ type: 'frame', conn, seq: state.seq++, dir, binary: e.data.toString('base64'), marks: ['binary'] }, e.time);
          } else {
            const text = e.data.toString('utf8');
            if (!Buffer.from(text, 'utf8').equals(e.data)) {
              this.problems.push({ severity: 'warning', stream: stream.name, message: `frame ${state.seq} is not valid UTF-8; invalid bytes were replaced by U+FFFD` });
            }
            this.sink.write({ type: 'frame', conn, seq: state.seq++, dir, text }, e.time);
          }
          this.frames++;
          break;
        }
        case 'ping':
        case 'pong':
          this.sink.write({ type: 'event', conn, dir, event: e.type, ...(e.data.length > 0 ? { data: e.data.toString('base64') } : {}) }, e.time);
          break;
        case 'close':
          if (!state.closed) {
            state.closed = true;
            this.sink.write(
              { type: 'close', conn, by: side === 'client' ? 'charger' : 'csms', how: 'clean', ...(e.code !== undefined ? { code: e.code } : {}), ...(e.reason !== undefined ? { reason: e.reason } : {}) },
              e.time,
            );
          }
          break;
        case 'problem':
          this.problems.push({ severity: 'error', stream: stream.name, message: `${side === 'client' ? 'charger' : 'CSMS'} side: ${e.message}` });
          break;
      }
    }
  }

  /** A side ended the TCP connection (FIN or RST) without a close frame first: an abrupt end. */
  private end(state: State, side: Side, time: number): void {
    if (state.phase !== 'ws' || state.closed) return;
    state.closed = true;
    this.sink.write({ type: 'close', conn: state.conn!, by: side === 'client' ? 'charger' : 'csms', how: 'abrupt' }, time);
  }
}
