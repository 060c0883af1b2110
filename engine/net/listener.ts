// The charger-facing WebSocket listener shared by the proxy and the CSMS: plain ws:// or
// wss:// (security profile 2), optionally requiring a client certificate (profile 3).
// It decides nothing itself: every opening request goes to `decide` (which may take its
// time — the proxy first asks upstream), and is then accepted with the chosen subprotocol
// or refused with an HTTP status.
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TlsInfo } from '../../api/model';
import {
  chargePointIdFromPath,
  HTTP_REASONS,
  offeredSubprotocols,
  parseBasicAuth,
  tlsInfoOf,
  type BasicCredentials,
} from './handshake';

export interface TlsServerOptions {
  cert: string | Buffer;
  key: string | Buffer;
  /** CA(s) that sign acceptable charger certificates; when set, a client certificate is required (profile 3). */
  clientCa?: string | Buffer;
  /** Lowest TLS version accepted; OCPP security profiles require TLS 1.2 or higher. */
  minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
}

export interface OpeningRequest {
  /** Path and query as the charger sent it. */
  path: string;
  chargePointId: string;
  offeredSubprotocols: string[];
  headers: IncomingHttpHeaders;
  credentials?: BasicCredentials;
  remoteAddress: string;
  tls?: TlsInfo;
  /** The raw TLS socket, for checks on the peer certificate. */
  tlsSocket?: TLSSocket;
}

export type OpeningDecision<C> =
  | { accept: true; subprotocol?: string; context: C }
  | { accept: false; status: number; reason: string; headers?: Record<string, string> };

export interface ListenerOptions<C> {
  host: string;
  port: number;
  tls?: TlsServerOptions;
  /** Largest message accepted, in bytes. */
  maxPayload?: number;
  decide(request: OpeningRequest): Promise<OpeningDecision<C>> | OpeningDecision<C>;
  connected(ws: WebSocket, request: OpeningRequest, context: C): void;
  /** A decision threw: the request was refused with 500 and this is told why. */
  onError?(request: OpeningRequest, err: unknown): void;
  /**
   * A charger's TLS handshake failed (e.g. an untrusted or missing client certificate under
   * profile 3): no opening request ever arrives, so this is the only place to record it.
   */
  onTlsError?(failure: { remoteAddress: string; reason: string }): void;
}

export class ChargerListener<C> {
  private server: Server | undefined;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<Duplex>();
  private readonly clients = new Set<WebSocket>();

  constructor(private readonly options: ListenerOptions<C>) {
    this.wss = new WebSocketServer({
      noServer: true,
      // The subprotocol is decided before the upgrade; this only reports it.
      handleProtocols: (_offered, req) => (req as IncomingMessage & { chosenSubprotocol?: string }).chosenSubprotocol ?? false,
      maxPayload: options.maxPayload ?? 64 * 1024 * 1024,
      perMessageDeflate: false,
      clientTracking: false,
    });
  }

  get secure(): boolean {
    return this.options.tls !== undefined;
  }

  async start(): Promise<{ host: string; port: number; url: string }> {
    const tls = this.options.tls;
    const server: Server =
      tls === undefined
        ? createHttpServer()
        : createHttpsServer({
            cert: tls.cert,
            key: tls.key,
            minVersion: tls.minVersion ?? 'TLSv1.2',
            ...(tls.clientCa !== undefined ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
          });
    server.on('request', (_req, res) => {
      res.writeHead(426, { 'Content-Type': 'text/plain', Upgrade: 'websocket' });
      res.end('This is an OCPP-J endpoint: connect with a WebSocket.\n');
    });
    server.on('connection', (socket: Duplex) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('secureConnection', (socket: Duplex) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // A failed TLS handshake (e.g. an untrusted client certificate) ends here, not in 'upgrade'.
    server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: Duplex & { remoteAddress?: string; remotePort?: number }) => {
      this.options.onTlsError?.({
        remoteAddress: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
        reason: `TLS handshake failed: ${err.code ?? ''}${err.code !== undefined ? ' ' : ''}${err.message}`.trim(),
      });
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.handleUpgrade(req, socket, head);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return { host: this.options.host, port: address.port, url: `${tls === undefined ? 'ws' : 'wss'}://${host}:${address.port}` };
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  /** Stops listening and drops every connection (callers close their sessions first). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const ws of this.clients) ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    if (server === undefined) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = req.url ?? '/';
    const tlsSocket = this.secure ? (req.socket as TLSSocket) : undefined;
    const request: OpeningRequest = {
      path,
      chargePointId: chargePointIdFromPath(path),
      offeredSubprotocols: offeredSubprotocols(req.headers),
      headers: req.headers,
      remoteAddress: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`,
    };
    const credentials = parseBasicAuth(req.headers.authorization);
    if (credentials !== undefined) request.credentials = credentials;
    if (tlsSocket !== undefined) {
      request.tls = tlsInfoOf(tlsSocket);
      request.tlsSocket = tlsSocket;
    }
    socket.on('error', () => undefined);
    let decision: OpeningDecision<C>;
    try {
      decision = await this.options.decide(request);
    } catch (err) {
      this.options.onError?.(request, err);
      decision = { accept: false, status: 500, reason: err instanceof Error ? err.message : String(err) };
    }
    if (socket.destroyed) return;
    if (!decision.accept) {
      refuse(socket, decision.status, decision.reason, decision.headers);
      return;
    }
    const accepted = decision;
    if (accepted.subprotocol !== undefined) {
      (req as IncomingMessage & { chosenSubprotocol?: string }).chosenSubprotocol = accepted.subprotocol;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.clients.add(ws);
      ws.once('close', () => this.clients.delete(ws));
      this.options.connected(ws, request, accepted.context);
    });
  }
}

/** Answers an opening request with an HTTP error and closes the socket. */
export function refuse(socket: Duplex, status: number, reason: string, headers: Record<string, string> = {}): void {
  const phrase = HTTP_REASONS[status] ?? 'Error';
  const body = `${reason}\n`;
  const lines = [
    `HTTP/1.1 ${status} ${phrase}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
