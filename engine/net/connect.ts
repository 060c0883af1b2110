// Opens an OCPP-J WebSocket as a client: the proxy's upstream leg and the simulator's
// connection. Resolves with the open socket and what was negotiated, or rejects with a
// ConnectRefusal that says exactly why (HTTP status, refused, TLS, timeout, subprotocol).
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { TlsInfo } from '../../api/model';
import { tlsInfoOf } from './handshake';

export interface TlsClientOptions {
  /** CA certificate(s) to trust for the server (otherwise the system's). */
  ca?: string | Buffer;
  /** Client certificate and key (security profile 3). */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Accept any server certificate (never the default). */
  insecure?: boolean;
  /** Server name for SNI and certificate checks, if not the URL's host. */
  servername?: string;
  /** OpenSSL cipher list to offer (default Node's) and the highest TLS version (default TLS 1.3). */
  ciphers?: string;
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export interface ConnectOptions {
  subprotocols: string[];
  /** Sent as-is (e.g. the charger's Authorization header, relayed by the proxy). */
  headers?: Record<string, string>;
  tls?: TlsClientOptions;
  timeoutMs?: number;
  maxPayload?: number;
  /**
   * Resolve with the socket paused; the caller calls `ws.resume()` once it listens (the
   * proxy resumes the upstream leg only when the charger's leg is wired). Otherwise the
   * socket resumes on the next turn of the event loop, after the caller's listeners.
   */
  holdPaused?: boolean;
}

export interface Connected {
  ws: WebSocket;
  /** The subprotocol the server chose ('' when none). */
  subprotocol: string;
  tls?: TlsInfo;
}

export type RefusalKind = 'http' | 'refused' | 'unreachable' | 'tls' | 'timeout' | 'subprotocol' | 'error';

export class ConnectRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** The server's HTTP status when it answered the upgrade with one. */
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = 'ConnectRefusal';
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export function connect(url: string, options: ConnectOptions): Promise<Connected> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let tls: TlsInfo | undefined;
    const tlsOptions = options.tls;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, options.subprotocols, {
        headers: options.headers ?? {},
        handshakeTimeout: options.timeoutMs ?? 10_000,
        perMessageDeflate: false,
        maxPayload: options.maxPayload ?? 64 * 1024 * 1024,
        ...(tlsOptions?.ca !== undefined ? { ca: tlsOptions.ca } : {}),
        ...(tlsOptions?.cert !== undefined ? { cert: tlsOptions.cert } : {}),
        ...(tlsOptions?.key !== undefined ? { key: tlsOptions.key } : {}),
        ...(tlsOptions?.servername !== undefined ? { servername: tlsOptions.servername } : {}),
        ...(tlsOptions?.ciphers !== undefined ? { ciphers: tlsOptions.ciphers } : {}),
        ...(tlsOptions?.maxVersion !== undefined ? { maxVersion: tlsOptions.maxVersion } : {}),
        rejectUnauthorized: tlsOptions?.insecure !== true,
      });
    } catch (err) {
      reject(new ConnectRefusal('error', `Cannot connect to ${url}: ${err instanceof Error ? err.message : String(err)}`));
      return;
    }
    const fail = (refusal: ConnectRefusal) => {
      if (settled) return;
      settled = true;
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      reject(refusal);
    };
    ws.on('upgrade', (res: IncomingMessage) => {
      const socket = res.socket as TLSSocket;
      if (typeof socket.getProtocol === 'function') tls = tlsInfoOf(socket);
    });
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 2000) body += chunk;
      });
      const done = () =>
        fail(new ConnectRefusal('http', `${url} refused the WebSocket with HTTP ${res.statusCode ?? '?'} ${res.statusMessage ?? ''}`.trim(), res.statusCode, body.trim()));
      res.on('end', done);
      res.on('error', done);
      setTimeout(done, 1000).unref();
    });
    ws.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (err.message.includes('Opening handshake has timed out')) {
        fail(new ConnectRefusal('timeout', `${url} did not complete the WebSocket handshake within ${options.timeoutMs ?? 10_000} ms`));
      } else if (code === 'ECONNREFUSED') {
        fail(new ConnectRefusal('refused', `${url} refused the connection (nothing listening)`));
      } else if (code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EAI_AGAIN') {
        fail(new ConnectRefusal('unreachable', `${url} is unreachable (${code})`));
      } else if (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /certificate|ssl|tls/i.test(err.message)) {
        fail(new ConnectRefusal('tls', `TLS with ${url} failed: ${err.message}`));
      } else if (err.message.includes('Server sent a subprotocol') || err.message.includes('subprotocol')) {
        fail(new ConnectRefusal('subprotocol', `${url}: ${err.message}`));
      } else if (code === 'ECONNRESET' && url.startsWith('wss:')) {
        fail(new ConnectRefusal('tls', `TLS with ${url} failed: the server reset the connection during the handshake (client certificate refused?)`));
      } else {
        fail(new ConnectRefusal('error', `${url}: ${err.message}`));
      }
    });
    ws.on('open', () => {
      if (settled) return;
      settled = true;
      ws.removeAllListeners('error');
      ws.removeAllListeners('unexpected-response');
      // Keep one listener so a later socket error never becomes an uncaught exception;
      // callers add their own.
      ws.on('error', () => undefined);
      // Hold incoming frames until the caller listens: a frame the server sends right
      // after accepting (often in the same TCP segment as the 101) would otherwise be
      // emitted before anyone listens to 'message', and be lost.
      ws.pause();
      if (options.holdPaused !== true) {
        setImmediate(() => {
          // Also when the caller has already started closing: the server's close frame
          // must be read for the closing handshake to complete.
          if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CLOSING) ws.resume();
        });
      }
      const connected: Connected = { ws, subprotocol: ws.protocol };
      if (tls !== undefined) connected.tls = tls;
      resolve(connected);
    });
  });
}
