// `ocpp-bench serve`'s server: the built UI as static files and the api over one WebSocket,
// on loopback by default. The page's URL carries a random token; the WebSocket needs it too.
//
// Wire (api/transport.ts): the page sends {id, name, args} or {id, subscriptions}; the
// server answers {id, ok, result | error} and pushes events as {events: [{event, payload}]},
// batched by ApiSession. Everything is generic over the api maps.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ApiClient } from '../../api/client';
import { TOKEN_PARAM, WS_API_PATH, type HostMessage } from '../../api/transport';
import { ApiSession } from '../../engine/transport/api-session';
import { allowedHosts, contentSecurityPolicy, hostAllowed, newToken, originAllowed, tokenMatches } from './security';
import { readStatic } from './static-files';

export interface ServeOptions {
  api: ApiClient;
  /** Folder of the built renderer (index.html and assets/). */
  rendererDir: string;
  host?: string;
  /** 0 (the default) lets the OS choose. */
  port?: number;
  /** A fixed token (tests); a random one otherwise. */
  token?: string;
  /** Event batch window in milliseconds. */
  batchMs?: number;
  /**
   * A page that cannot keep up with the events (more than this many bytes waiting to be
   * sent) is disconnected with 1013 instead of buffering without end; its client reconnects
   * and reloads what it shows. Default 32 MB.
   */
  maxBufferedBytes?: number;
}

export interface ServeHandle {
  /** The page's URL, token included: what the user opens. */
  url: string;
  /** The WebSocket api endpoint, token included. */
  apiUrl: string;
  host: string;
  port: number;
  token: string;
  /** Browser tabs currently connected. */
  clients(): number;
  close(): Promise<void>;
}

/** Largest message a page may send (command arguments are small; captures travel as paths). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const sessions = new Map<WebSocket, ApiSession>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let hosts: Set<string> | 'any' = 'any';

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    if (!hostAllowed(hosts, hostHeader)) return plain(res, 421, 'This server answers only to its own address.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET.');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && !tokenMatches(token, url.searchParams.get(TOKEN_PARAM))) {
      return plain(res, 401, 'Open the URL that `ocpp-bench serve` printed: it carries the access token.');
    }
    const file = await readStatic(options.rendererDir, isPage ? '/index.html' : url.pathname);
    if (file === undefined) {
      if (isPage) return plain(res, 503, `The UI is not built (no index.html in ${options.rendererDir}): run \`npm run build\`.`);
      return plain(res, 404, 'Not found.');
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      ...securityHeaders(hostHeader),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    };
    const hostHeader = req.headers.host ?? '';
    if (!hostAllowed(hosts, hostHeader)) return refuse(421, 'Misdirected Request');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (url.pathname !== WS_API_PATH) return refuse(404, 'Not Found');
    if (!tokenMatches(token, url.searchParams.get(TOKEN_PARAM))) return refuse(401, 'Unauthorized');
    if (!originAllowed(req.headers.origin, hostHeader)) return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  const maxBuffered = options.maxBufferedBytes ?? 32 * 1024 * 1024;

  function accept(ws: WebSocket): void {
    const send = (message: HostMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > maxBuffered) {
        // Bounded buffers (DESIGN "Fast by design"): drop the slow page, not the engine's memory.
        ws.close(1013, 'the page fell behind the engine; reconnect to catch up');
        return;
      }
      let text: string;
      try {
        text = JSON.stringify(message);
      } catch (err) {
        if (!('id' in message)) return;
        text = JSON.stringify({ id: message.id, ok: false, error: { code: 'internal', message: `The answer could not be sent: ${String(err)}` } });
      }
      ws.send(text);
    };
    const session = new ApiSession(options.api, { send, ...(options.batchMs !== undefined ? { batchMs: options.batchMs } : {}) });
    sessions.set(ws, session);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      let message: unknown;
      try {
        if (isBinary) throw new Error('binary');
        message = JSON.parse(rawText(data));
      } catch {
        send({ id: null, ok: false, error: { code: 'bad-args', message: 'Bad api message: not a JSON text message' } });
        return;
      }
      void session.handle(message).then(send);
    });
    ws.on('close', () => {
      session.close();
      sessions.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  // A wildcard bind is reached through loopback; an IPv6 literal needs brackets in a URL.
  const urlHost = isWildcard(host) ? `127.0.0.1:${port}` : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

  return {
    url: `http://${urlHost}/?${TOKEN_PARAM}=${token}`,
    apiUrl: `ws://${urlHost}${WS_API_PATH}?${TOKEN_PARAM}=${token}`,
    host,
    port,
    token,
    clients: () => sessions.size,
    close: async () => {
      for (const [ws, session] of sessions) {
        session.close();
        ws.close(1001, 'ocpp-bench serve is shutting down');
      }
      sessions.clear();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function securityHeaders(host: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(host),
    // The page URL carries the token: never send it on in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${text}\n`);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
