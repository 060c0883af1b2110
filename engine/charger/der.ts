// Just enough DER (ITU-T X.690) to read the fields OCPP certificate management needs from an
// X.509 certificate and to write a PKCS#10 certificate signing request. Node's crypto does
// the cryptography; this only moves bytes.

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset after the last content byte. */
  end: number;
}

export function readTlv(buf: Buffer, pos: number): Tlv {
  if (pos + 2 > buf.length) throw new Error('DER: truncated');
  const tag = buf[pos]!;
  let length = buf[pos + 1]!;
  let contentStart = pos + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + buf[pos + 2 + i]!;
    contentStart += bytes;
  }
  const end = contentStart + length;
  if (end > buf.length) throw new Error('DER: length beyond the data');
  return { tag, start: pos, contentStart, end };
}

export function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.contentStart; pos < parent.end; ) {
    const t = readTlv(buf, pos);
    out.push(t);
    pos = t.end;
  }
  return out;
}

export interface CertificateFields {
  /** The DER bytes of the issuer Name. */
  issuer: Buffer;
  subject: Buffer;
  /** The subjectPublicKey BIT STRING value without its unused-bits byte. */
  publicKey: Buffer;
  /** The serial number INTEGER's content bytes. */
  serial: Buffer;
}

/** Reads issuer, subject, public key and serial from a DER certificate (RFC 5280 §4.1). */
export function certificateFields(der: Buffer): CertificateFields {
  const cert = readTlv(der, 0);
  const tbs = children(der, cert)[0];
  if (tbs === undefined) throw new Error('DER: no tbsCertificate');
  const fields = children(der, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  const spki = fields[offset + 5];
  if (serial === undefined || issuer === undefined || subject === undefined || spki === undefined) throw new Error('DER: incomplete tbsCertificate');
  const bitString = children(der, spki)[1];
  if (bitString === undefined || bitString.tag !== 0x03) throw new Error('DER: no subjectPublicKey');
  return {
    issuer: der.subarray(issuer.start, issuer.end),
    subject: der.subarray(subject.start, subject.end),
    publicKey: der.subarray(bitString.contentStart + 1, bitString.end),
    serial: der.subarray(serial.contentStart, serial.end),
  };
}

// --- Writing ----------------------------------------------------------------------------------

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
export const utf8String = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
export const printableString = (s: string): Buffer => tlv(0x13, Buffer.from(s, 'ascii'));
export const integer = (n: number): Buffer => tlv(0x02, Buffer.from([n]));
export const bitString = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
export const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * parts[0]! + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [];
    let v = part;
    do {
      chunk.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

export const OID = {
  commonName: '2.5.4.3',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

/** A distinguished name from (OID, value) pairs, one RDN each. */
export function distinguishedName(attributes: Array<[string, string]>): Buffer {
  return sequence(...attributes.map(([type, value]) => set(sequence(oid(type), type === OID.countryName ? printableString(value) : utf8String(value)))));
}
