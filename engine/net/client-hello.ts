// Reads what a TLS client offers in its ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2):
// the protocol versions and cipher suites. Node's TLS server does not expose them, and the
// OCTT checks them before it sends its certificate (TC_086_CS, TC_087_CS: TLS 1.2 or
// higher, and the AES-GCM suites of security whitepaper ed. 3 A00.FR.318). Pure: bytes in,
// facts out.

export interface ClientHello {
  /** Versions the client offers, highest first (supported_versions, else legacy_version). */
  versions: string[];
  /** Cipher suites in the client's order, by IANA name (hex code when unknown). */
  cipherSuites: string[];
  /** SNI host name, if sent. */
  serverName?: string;
}

const VERSIONS: Record<number, string> = { 0x0300: 'SSLv3', 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };

/** IANA names of the suites OCPP cares about and their common neighbours. */
export const CIPHER_SUITES: Readonly<Record<number, string>> = {
  0x1301: 'TLS_AES_128_GCM_SHA256',
  0x1302: 'TLS_AES_256_GCM_SHA384',
  0x1303: 'TLS_CHACHA20_POLY1305_SHA256',
  0xc02b: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  0xc02c: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  0xc02f: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  0xc030: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  0x009c: 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  0x009d: 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  0x009e: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  0x009f: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  0xcca8: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  0xcca9: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  0xc023: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  0xc024: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  0xc027: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  0xc028: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  0xc009: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  0xc00a: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  0xc013: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  0xc014: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  0x003c: 'TLS_RSA_WITH_AES_128_CBC_SHA256',
  0x003d: 'TLS_RSA_WITH_AES_256_CBC_SHA256',
  0x002f: 'TLS_RSA_WITH_AES_128_CBC_SHA',
  0x0035: 'TLS_RSA_WITH_AES_256_CBC_SHA',
  0x00ff: 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV',
};

/**
 * How many bytes the first TLS record needs (header included), once `buf` holds its 5-byte
 * header; undefined before that. Throws when `buf` does not start a TLS handshake record.
 */
export function tlsRecordSize(buf: Buffer): number | undefined {
  if (buf.length >= 1 && buf[0] !== 0x16) throw new Error('not a TLS handshake record');
  if (buf.length < 5) return undefined;
  return 5 + buf.readUInt16BE(3);
}

/** Whether the first byte of a connection starts a TLS handshake (a ClientHello record). */
export function looksLikeTls(firstByte: number): boolean {
  return firstByte === 0x16;
}

/** Parses the ClientHello of the first handshake record; undefined when `record` is not one (or is cut short). */
export function parseClientHello(record: Buffer): ClientHello | undefined {
  try {
    if (record[0] !== 0x16 || record.length < 9) return undefined;
    const end = Math.min(record.length, 5 + record.readUInt16BE(3));
    let p = 5;
    if (record[p] !== 0x01) return undefined; // handshake type client_hello
    const bodyEnd = Math.min(end, p + 4 + record.readUIntBE(p + 1, 3));
    p += 4;
    const legacy = record.readUInt16BE(p);
    p += 2 + 32; // legacy_version, random
    p += 1 + record[p]!; // session id
    const suitesLength = record.readUInt16BE(p);
    p += 2;
    const cipherSuites: string[] = [];
    for (let i = 0; i + 1 < suitesLength && p + i + 1 < bodyEnd; i += 2) {
      const code = record.readUInt16BE(p + i);
      if ((code & 0x0f0f) === 0x0a0a) continue; // GREASE (RFC 8701)
      cipherSuites.push(CIPHER_SUITES[code] ?? `0x${code.toString(16).padStart(4, '0')}`);
    }
    p += suitesLength;
    p += 1 + record[p]!; // compression methods
    let versions = [VERSIONS[legacy] ?? `0x${legacy.toString(16)}`];
    let serverName: string | undefined;
    if (p + 2 <= bodyEnd) {
      const extEnd = Math.min(bodyEnd, p + 2 + record.readUInt16BE(p));
      p += 2;
      while (p + 4 <= extEnd) {
        const type = record.readUInt16BE(p);
        const length = record.readUInt16BE(p + 2);
        const data = record.subarray(p + 4, p + 4 + length);
        if (type === 0x002b && data.length >= 1) {
          // supported_versions (RFC 8446 §4.2.1)
          const listed: string[] = [];
          for (let i = 1; i + 1 < 1 + data[0]! && i + 1 < data.length; i += 2) {
            const v = data.readUInt16BE(i);
            if ((v & 0x0f0f) === 0x0a0a) continue;
            listed.push(VERSIONS[v] ?? `0x${v.toString(16)}`);
          }
          if (listed.length > 0) versions = listed;
        } else if (type === 0x0000 && data.length >= 5 && data[2] === 0) {
          // server_name (RFC 6066 §3): the first host_name entry
          serverName = data.subarray(5, 5 + data.readUInt16BE(3)).toString('ascii');
        }
        p += 4 + length;
      }
    }
    const order = Object.values(VERSIONS);
    versions.sort((a, b) => order.indexOf(b) - order.indexOf(a));
    return { versions, cipherSuites, ...(serverName !== undefined ? { serverName } : {}) };
  } catch {
    return undefined;
  }
}
