// What a charger's WebSocket opening request tells us: path, charge point id, offered
// subprotocols, HTTP Basic credentials, TLS. Pure helpers, no sockets.
//
// OCPP-J 1.6 §3.1.1 (the connection URL ends with the charge point identity) and §3.1.2
// (subprotocol); security whitepaper ed. 3 §2.3 (profile 1: HTTP Basic, user = charge point
// identity, password = AuthorizationKey); 2.0.1 Part 4 §3.1.1 and Part 2 A (same scheme).
import type { IncomingHttpHeaders } from 'node:http';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { TlsInfo } from '../../api/model';

export interface BasicCredentials {
  user: string;
  /** The password bytes decoded as UTF-8 (what most chargers send). */
  password: string;
  /** The password bytes as hex, to compare with a 1.6 AuthorizationKey given in hex. */
  passwordHex: string;
}

/** Last non-empty path segment, percent-decoded: the charge point identity. */
export function chargePointIdFromPath(path: string): string {
  const pathname = path.split('?')[0] ?? '';
  const segments = pathname.split('/').filter((s) => s !== '');
  const last = segments.at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Sec-WebSocket-Protocol values in the charger's order (RFC 6455 §4.1). */
export function offeredSubprotocols(headers: IncomingHttpHeaders): string[] {
  const raw = headers['sec-websocket-protocol'];
  if (raw === undefined) return [];
  return String(raw)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) return undefined;
  const bytes = Buffer.from(match[1]!, 'base64');
  const colon = bytes.indexOf(0x3a);
  if (colon < 0) return undefined;
  const user = bytes.subarray(0, colon).toString('utf8');
  const pass = bytes.subarray(colon + 1);
  return { user, password: pass.toString('utf8'), passwordHex: pass.toString('hex') };
}

export function basicAuthHeader(user: string, password: string | Buffer): string {
  const pass = typeof password === 'string' ? Buffer.from(password, 'utf8') : password;
  return `Basic ${Buffer.concat([Buffer.from(`${user}:`, 'utf8'), pass]).toString('base64')}`;
}

/** Formats a certificate subject as `CN=…, O=…`. */
export function formatSubject(subject: PeerCertificate['subject'] | undefined): string | undefined {
  if (subject === undefined || subject === null) return undefined;
  const parts = Object.entries(subject).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`);
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** TLS facts of an established TLS socket, for the capture. */
export function tlsInfoOf(socket: TLSSocket): TlsInfo {
  const info: TlsInfo = {
    version: socket.getProtocol() ?? 'unknown',
    cipher: socket.getCipher()?.name ?? 'unknown',
    authorized: socket.authorized,
  };
  const peer = socket.getPeerCertificate();
  if (peer !== undefined && peer !== null && Object.keys(peer).length > 0) {
    const subject = formatSubject(peer.subject);
    const issuer = formatSubject(peer.issuer);
    if (subject !== undefined) info.peerSubject = subject;
    if (issuer !== undefined) info.peerIssuer = issuer;
    if (peer.fingerprint256 !== undefined) info.peerFingerprint256 = peer.fingerprint256;
  }
  if (socket.authorizationError !== null && socket.authorizationError !== undefined) {
    info.authorizationError = String(socket.authorizationError);
  }
  return info;
}

/** The common name of a peer certificate, if any. */
export function peerCommonName(socket: TLSSocket): string | undefined {
  const cn = socket.getPeerCertificate()?.subject?.CN;
  return Array.isArray(cn) ? cn[0] : cn;
}

/** Standard reason phrases for the refusals we send. */
export const HTTP_REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  426: 'Upgrade Required',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
