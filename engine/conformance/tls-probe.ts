// TLS handshakes with a server offering one cipher suite each, to learn which suites it
// supports and with which certificate (OCTT 1.6 TC_086_CSMS, TC_087_CSMS: the Central System
// must support the four suites of security whitepaper ed. 3 A00.FR.317, with keys of enough
// bits and a certificate naming its host). Only the handshake: nothing is sent after it.
import { connect } from 'node:tls';
import type { X509Certificate } from 'node:crypto';

/** The whitepaper's suites (IANA names) with their OpenSSL names (TLS 1.2). */
export const REQUIRED_SUITES: Readonly<Record<string, string>> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
};

export interface TlsProbe {
  /** The host name or address probed. */
  host: string;
  /** IANA name of the suite offered. */
  suite: string;
  ok: boolean;
  /** Why the handshake failed. */
  error?: string;
  /** Negotiated protocol version. */
  version?: string;
  certificate?: X509Certificate;
}

export interface ProbeTarget {
  host: string;
  port: number;
  /** SNI name (a host name, not an address). */
  servername?: string;
  /** Client certificate and key (profile 3: the server asks for one). */
  cert?: string;
  key?: string;
}

/** One handshake offering only `suite` (TLS 1.2); the server's certificate is taken whether trusted or not. */
export function probeSuite(target: ProbeTarget, suite: string, timeoutMs = 5000): Promise<TlsProbe> {
  const openssl = REQUIRED_SUITES[suite] ?? suite;
  return new Promise((resolve) => {
    const socket = connect({
      host: target.host,
      port: target.port,
      ...(target.servername !== undefined ? { servername: target.servername } : {}),
      ...(target.cert !== undefined ? { cert: target.cert } : {}),
      ...(target.key !== undefined ? { key: target.key } : {}),
      ciphers: openssl,
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      // What is probed is support, not trust: the WebSocket connection checks trust.
      rejectUnauthorized: false,
    });
    const done = (probe: TlsProbe) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(probe);
    };
    const timer = setTimeout(() => done({ host: target.host, suite, ok: false, error: `no handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerX509Certificate();
      const version = socket.getProtocol();
      done({ host: target.host, suite, ok: true, ...(version !== null ? { version } : {}), ...(certificate !== undefined ? { certificate } : {}) });
    });
    socket.once('error', (err) => done({ host: target.host, suite, ok: false, error: describeTlsError(err) }));
  });
}

/** OpenSSL's error in words: a handshake_failure alert means the server has no such suite (or certificate) to offer. */
function describeTlsError(err: Error): string {
  const first = err.message.split('\n')[0] ?? err.message;
  if (/alert handshake failure|alert number 40/i.test(first)) return 'the server refused the handshake (handshake_failure alert: it cannot negotiate this suite)';
  if (/alert protocol version|alert number 70/i.test(first)) return 'the server refused the handshake (protocol_version alert: not TLS 1.2)';
  return first.replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, '').trim();
}

/** The key of a certificate in words and whether it is long enough (whitepaper A00.FR.501–503: RSA ≥ 2048 bits, EC ≥ 224 bits). */
export function keyStrength(cert: X509Certificate): { words: string; ok: boolean } {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'dsa') {
    const bits = details?.modulusLength ?? 0;
    return { words: `${key.asymmetricKeyType.toUpperCase()} ${bits} bits`, ok: bits >= 2048 };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = details?.namedCurve ?? 'unknown curve';
    const bits = CURVE_BITS[curve] ?? 0;
    return { words: `EC ${curve} (${bits} bits)`, ok: bits >= 224 };
  }
  return { words: `a ${key.asymmetricKeyType ?? 'unknown'} key`, ok: false };
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp256r1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, brainpoolP256r1: 256, brainpoolP384r1: 384, brainpoolP512r1: 512 };

/** The subject CN of a certificate, if any. */
export function commonName(cert: X509Certificate): string | undefined {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
}
