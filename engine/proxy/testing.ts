// Test helpers for the proxy: independent peers (ocpp-rpc in strict mode, or plain ws when
// a test needs raw control), a proxy with a capture, and a capture reader. Tests only.
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer, type ClientOptions } from 'ws';
import type { OcppVersion } from '../../api/model';
import type { CaptureRecord } from '../capture/format';
import { readCapture } from '../capture/reader';
import { CaptureWriter } from '../capture/writer';
import { rpcServer, type RpcClient, type RpcServer } from '../testing/ocpp-rpc';
import { tempDir } from '../testing/tmp';
import { TrafficStore } from '../traffic/store';
import { OcppProxy, type OcppProxyOptions } from './proxy';

export type Cleanup = () => unknown;

export async function until<T>(fn: () => T | undefined | false, ms = 3000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every text an ocpp-rpc peer sent and received, as it saw them. */
export interface Transcript {
  sent: string[];
  received: string[];
}

export function transcriptOf(client: RpcClient): Transcript {
  const t: Transcript = { sent: [], received: [] };
  client.on('message', (...args: unknown[]) => {
    const { message, outbound } = args[0] as { message: string | Buffer; outbound: boolean };
    (outbound ? t.sent : t.received).push(String(message));
  });
  return t;
}

export interface RpcCsms {
  url: string;
  server: RpcServer;
  clients: RpcClient[];
  transcripts: Transcript[];
  /** Peer certificate subjects the CSMS saw (TLS only). */
  peerSubjects: string[];
}

/** An ocpp-rpc CSMS (strict mode) on 127.0.0.1, optionally wss with client certificates. */
export async function rpcCsms(
  version: OcppVersion,
  cleanups: Cleanup[],
  options: { password?: string; setup?: (client: RpcClient) => void; tls?: { cert: string; key: string; ca?: string } } = {},
): Promise<RpcCsms> {
  const server = rpcServer({ protocols: [`ocpp${version}`] });
  const csms: RpcCsms = { url: '', server, clients: [], transcripts: [], peerSubjects: [] };
  server.auth((accept, reject, handshake) => {
    const tlsSocket = (handshake as unknown as { request: { socket: { getPeerCertificate?: () => { subject?: { CN?: string } } } } }).request.socket;
    const cn = tlsSocket.getPeerCertificate?.()?.subject?.CN;
    if (cn !== undefined) csms.peerSubjects.push(cn);
    if (options.password !== undefined && handshake.password?.toString() !== options.password) {
      reject(401, 'wrong password');
      return;
    }
    accept();
  });
  server.on('client', (client) => {
    csms.clients.push(client);
    csms.transcripts.push(transcriptOf(client));
    options.setup?.(client);
  });
  if (options.tls === undefined) {
    const http = await server.listen(0, '127.0.0.1');
    csms.url = `ws://127.0.0.1:${http.address().port}`;
  } else {
    const https = createHttpsServer({ cert: options.tls.cert, key: options.tls.key, ...(options.tls.ca !== undefined ? { ca: options.tls.ca, requestCert: true, rejectUnauthorized: true } : {}) });
    https.on('upgrade', (server as unknown as { handleUpgrade: (...a: unknown[]) => void }).handleUpgrade);
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    csms.url = `wss://localhost:${(https.address() as AddressInfo).port}`;
    cleanups.push(() => new Promise((r) => https.close(r)));
    cleanups.push(() => https.closeAllConnections());
  }
  cleanups.push(() => server.close({ force: true, awaitPending: false }));
  return csms;
}

export interface RawCsms {
  url: string;
  sockets: WebSocket[];
  received: Array<{ text: string; binary: boolean }>;
  closes: Array<{ code: number; reason: string }>;
}

/** A plain ws CSMS that records what it gets and answers nothing (tests drive it). */
export async function rawCsms(cleanups: Cleanup[], protocol = 'ocpp1.6', onConnection?: (ws: WebSocket) => void): Promise<RawCsms> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (offered) => (offered.has(protocol) ? protocol : false) });
  await new Promise((r) => wss.once('listening', r));
  const raw: RawCsms = { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, sockets: [], received: [], closes: [] };
  wss.on('connection', (ws) => {
    raw.sockets.push(ws);
    ws.on('message', (data: Buffer, binary: boolean) => raw.received.push({ text: binary ? data.toString('base64') : data.toString(), binary }));
    ws.on('close', (code, reason) => raw.closes.push({ code, reason: reason.toString() }));
    ws.on('error', () => undefined);
    onConnection?.(ws);
  });
  cleanups.push(() => {
    for (const ws of wss.clients) ws.terminate();
    return new Promise((r) => wss.close(r));
  });
  return raw;
}

/** A plain ws charger: the raw end of a test. */
export async function rawCharger(url: string, cleanups: Cleanup[], protocols = ['ocpp1.6'], wsOptions: ClientOptions = {}): Promise<{ ws: WebSocket; received: Array<{ text: string; binary: boolean }>; closes: Array<{ code: number; reason: string }> }> {
  const ws = new WebSocket(url, protocols, wsOptions);
  const received: Array<{ text: string; binary: boolean }> = [];
  const closes: Array<{ code: number; reason: string }> = [];
  ws.on('message', (data: Buffer, binary: boolean) => received.push({ text: binary ? data.toString('base64') : data.toString(), binary }));
  ws.on('close', (code, reason) => closes.push({ code, reason: reason.toString() }));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode ?? '?'}`)));
    ws.once('error', reject);
  });
  cleanups.push(() => ws.terminate());
  return { ws, received, closes };
}

export interface TestProxy {
  proxy: OcppProxy;
  url: string;
  store: TrafficStore;
  capture: CaptureWriter;
  capturePath: string;
  /** Flushes the capture and reads it. */
  records(): Promise<CaptureRecord[]>;
}

export async function startProxy(upstream: string, cleanups: Cleanup[], options: Partial<OcppProxyOptions> = {}): Promise<TestProxy> {
  const dir = tempDir('ocpp-bench-proxy-');
  const capturePath = dir.file('capture.jsonl');
  const capture = await CaptureWriter.create(capturePath, { mode: 'proxy' });
  const store = new TrafficStore();
  const proxy = new OcppProxy({ listen: { host: '127.0.0.1', port: 0 }, upstream, capture, store, ...options });
  const { url } = await proxy.start();
  cleanups.push(() => dir.remove());
  cleanups.push(() => proxy.stop());
  return {
    proxy,
    url,
    store,
    capture,
    capturePath,
    records: async () => {
      await proxy.recorder.settled();
      await capture.flush();
      const out: CaptureRecord[] = [];
      for await (const { record } of readCapture(capturePath)) out.push(record);
      return out;
    },
  };
}

export function framesOf(records: CaptureRecord[]): Array<Extract<CaptureRecord, { type: 'frame' }>> {
  return records.filter((r): r is Extract<CaptureRecord, { type: 'frame' }> => r.type === 'frame');
}

/** Runs cleanups in reverse order, ignoring failures of already-closed things. */
export async function runCleanups(cleanups: Cleanup[]): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      // Already closed.
    }
  }
}
