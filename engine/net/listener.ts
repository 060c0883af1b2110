// The charger-facing WebSocket listener shared by the proxy and the CSMS: plain ws:// or
// wss:// (security profile 2), optionally requiring a client certificate (profile 3).
// It decides nothing itself: every opening request goes to `decide` (which may take its
// time — the proxy first asks upstream), and is then accepted with the chosen subprotocol
// or refused with an HTTP status.
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TlsInfo } from '../../api/model';
import { looksLikeTls, parseClientHello, tlsRecordSize, type ClientHello } from './client-hello';
import {
  chargePointIdFromPath,
  HTTP_REASONS,
  offeredSubprotocols,
  parseBasicAuth,
  tlsInfoOf,
  type BasicCredentials,
} from './handshake';

export interface TlsServerOptions {
  /** One certificate, or several of different key types (e.g. ECDSA and RSA, so every whitepaper cipher suite works). */
  cert: string | Buffer | Array<string | Buffer>;
  key: string | Buffer | Array<string | Buffer>;
  /** CA(s) that sign acceptable charger certificates; when set, a client certificate is required (profile 3). */
  clientCa?: string | Buffer;
  /**
   * With clientCa: ask for a client certificate but let `decide` judge it (OpeningRequest.tlsSocket
   * .authorized), so chargers with and without one (profiles 2 and 3) share the port.
   */
  clientCertOptional?: boolean;
  /** Also accept unencrypted ws:// on the same port (told apart by the first byte), e.g. for a charger moving from profile 1 to 2. */
  acceptPlain?: boolean;
  /** Read each TLS client's ClientHello (versions, cipher suites) into OpeningRequest.clientHello and onClientHello. */
  inspectClientHello?: boolean;
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
  /** What the client offered in its ClientHello (with TlsServerOptions.inspectClientHello). */
  clientHello?: ClientHello;
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
  /** Every TLS connection attempt's ClientHello, before the handshake (with TlsServerOptions.inspectClientHello). */
  onClientHello?(hello: ClientHello | undefined, remoteAddress: string): void;
}

export class ChargerListener<C> {
  private server: NetServer | undefined;
  /** ClientHellos of open TLS connections, by remote address and port. */
  private readonly hellos = new Map<string, ClientHello>();
  /** Inspected TLS connections that have neither sent an upgrade request nor failed their handshake yet. */
  private readonly unaccounted = new Set<string>();
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
            ...(tls.clientCa !== undefined ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: tls.clientCertOptional !== true } : {}),
          });
    this.serve(server);
    let listening: NetServer = server;
    if (tls !== undefined && (tls.acceptPlain === true || tls.inspectClientHello === true)) {
      // One port, two protocols: the first bytes of a connection tell TLS from plain HTTP.
      const plain = tls.acceptPlain === true ? createHttpServer() : undefined;
      if (plain !== undefined) this.serve(plain);
      listening = createNetServer((socket) => this.sniff(socket, server, plain));
    }
    this.server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(this.options.port, this.options.host, () => {
        listening.off('error', reject);
        resolve();
      });
    });
    const address = listening.address() as AddressInfo;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return { host: this.options.host, port: address.port, url: `${tls === undefined ? 'ws' : 'wss'}://${host}:${address.port}` };
  }

  /** Hands a new connection to the TLS or the plain server, after reading its ClientHello if it is TLS. */
  private sniff(socket: Socket, secure: Server, plain: Server | undefined): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    let head = Buffer.alloc(0);
    // A client that connects and says nothing is dropped.
    const idle = setTimeout(() => socket.destroy(), 30_000);
    const onReadable = () => {
      for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) head = Buffer.concat([head, chunk]);
      if (head.length === 0) return;
      const tls = looksLikeTls(head[0]!);
      if (tls) {
        const size = tlsRecordSize(head);
        // Wait for the whole first record (the ClientHello), within reason.
        if ((size === undefined || head.length < size) && head.length < 18 * 1024) return;
      }
      socket.removeListener('readable', onReadable);
      clearTimeout(idle);
      const target = tls ? secure : plain;
      if (target === undefined) {
        socket.destroy();
        return;
      }
      if (tls && this.options.tls?.inspectClientHello === true) {
        const hello = parseClientHello(head);
        if (hello !== undefined) this.hellos.set(remote, hello);
        this.unaccounted.add(remote);
        this.options.onClientHello?.(hello, remote);
        socket.once('close', () => {
          this.hellos.delete(remote);
          // A client that refuses the server's certificate often completes the handshake and
          // hangs up (Node's does): without this, nothing would tell of it.
          if (this.unaccounted.delete(remote)) {
            this.options.onTlsError?.({ remoteAddress: remote, reason: 'the client closed the TLS connection without a WebSocket request (does it trust the server certificate?)' });
          }
        });
      }
      socket.unshift(head);
      target.emit('connection', socket);
    };
    socket.on('readable', onReadable);
    socket.once('close', () => clearTimeout(idle));
  }

  /** The handlers every HTTP(S) server of this listener has. */
  private serve(server: Server): void {
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
      const remoteAddress = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
      this.unaccounted.delete(remoteAddress);
      this.options.onTlsError?.({
        remoteAddress,
        reason: `TLS handshake failed: ${err.code ?? ''}${err.code !== undefined ? ' ' : ''}${err.message}`.trim(),
      });
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.handleUpgrade(req, socket, head);
    });
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
    // With acceptPlain, a TLS listener also serves plain connections: ask the socket.
    const tlsSocket = this.secure && (req.socket as Partial<TLSSocket>).encrypted === true ? (req.socket as TLSSocket) : undefined;
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
      const hello = this.hellos.get(request.remoteAddress);
      if (hello !== undefined) request.clientHello = hello;
      this.unaccounted.delete(request.remoteAddress);
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
