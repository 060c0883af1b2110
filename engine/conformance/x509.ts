// Issues X.509 v3 certificates (RFC 5280) with Node's crypto, for the bench's own test PKI:
// roots, TLS server and client certificates, firmware signing certificates, and
// certificates for a charger's CSR (the bench as Certificate Authority Server, OCTT 1.6
// TC_074_CS). Node can verify certificates but not issue them; this writes the DER and
// lets crypto.sign do the cryptography — no openssl, no files. ECDSA P-256 or RSA keys,
// SHA-256 signatures.
import type { X509Certificate} from 'node:crypto';
import { createHash, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { certificateFields, children, distinguishedName, oid, OID, readTlv, sequence, tlv } from '../charger/der';

export class CertificateRequestError extends Error {
  override name = 'CertificateRequestError';
}

/** A certificate with its private key (both PEM), parsed. */
export interface Issued {
  cert: string;
  key: string;
  x509: X509Certificate;
  privateKey: KeyObject;
}

export type CertificateUsage = 'ca' | 'server' | 'client' | 'codeSigning';

export interface IssueRequest {
  /** Subject as attributes (CN, O), or the DER Name of a CSR. */
  subject: { commonName: string; organization?: string } | Buffer;
  /** The subject's public key. */
  publicKey: KeyObject;
  /** Who signs: a CA's certificate and key; absent: self-signed with `selfKey`. */
  issuer?: { x509: X509Certificate; privateKey: KeyObject };
  /** The subject's private key, for a self-signed certificate. */
  selfKey?: KeyObject;
  usage: CertificateUsage;
  notBefore: Date;
  notAfter: Date;
  /** Host names and IP addresses (server certificates). */
  altNames?: string[];
}

const OIDS = {
  sha256WithRsa: OID.sha256WithRsa,
  ecdsaWithSha256: OID.ecdsaWithSha256,
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
} as const;

const boolTrue = () => Buffer.from([0x01, 0x01, 0xff]);
const octetString = (content: Buffer) => tlv(0x04, content);

/** A DER INTEGER of a non-negative big-endian number (a leading zero when the top bit is set). */
function unsignedInteger(bytes: Buffer): Buffer {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && (b[1]! & 0x80) === 0) b = b.subarray(1);
  if ((b[0]! & 0x80) !== 0) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
  const year = d.getUTCFullYear();
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

/** KeyUsage bits (RFC 5280 §4.2.1.3) as a DER BIT STRING without trailing zero bits. */
function keyUsageBits(bits: number[]): Buffer {
  let value = 0;
  for (const bit of bits) value |= 0x80 >> bit;
  let unused = 0;
  while (unused < 7 && (value & (1 << unused)) === 0) unused++;
  return tlv(0x03, Buffer.from([unused, value]));
}

function extension(id: string, value: Buffer, critical = false): Buffer {
  return sequence(oid(id), ...(critical ? [boolTrue()] : []), octetString(value));
}

function altName(name: string): Buffer {
  const version = isIP(name);
  if (version === 4) return tlv(0x87, Buffer.from(name.split('.').map(Number)));
  if (version === 6) return tlv(0x87, ipv6Bytes(name));
  return tlv(0x82, Buffer.from(name, 'ascii'));
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail] = address.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

/** The subjectPublicKey bits of an SPKI (what key identifiers and OCSP key hashes are taken over). */
function keyBits(spki: Buffer): Buffer {
  const bits = children(spki, readTlv(spki, 0))[1];
  if (bits === undefined) throw new Error('DER: no subjectPublicKey');
  return spki.subarray(bits.contentStart + 1, bits.end);
}

function signatureAlgorithm(key: KeyObject): Buffer {
  return key.asymmetricKeyType === 'rsa' ? sequence(oid(OIDS.sha256WithRsa), Buffer.from([0x05, 0x00])) : sequence(oid(OIDS.ecdsaWithSha256));
}

function extensionsFor(r: IssueRequest, spki: Buffer): Buffer[] {
  const keyEncipherment = r.publicKey.asymmetricKeyType === 'rsa';
  const out: Buffer[] = [];
  if (r.usage === 'ca') {
    out.push(extension(OIDS.basicConstraints, sequence(boolTrue()), true));
    out.push(extension(OIDS.keyUsage, keyUsageBits([0, 5, 6]), true));
  } else {
    out.push(extension(OIDS.basicConstraints, sequence(), true));
    const bits = r.usage === 'codeSigning' ? [0] : keyEncipherment ? [0, 2] : [0, 4];
    out.push(extension(OIDS.keyUsage, keyUsageBits(bits), true));
    const purpose = r.usage === 'server' ? OIDS.serverAuth : r.usage === 'client' ? OIDS.clientAuth : OIDS.codeSigning;
    out.push(extension(OIDS.extKeyUsage, sequence(oid(purpose))));
  }
  if (r.altNames !== undefined && r.altNames.length > 0) out.push(extension(OIDS.subjectAltName, sequence(...r.altNames.map(altName))));
  out.push(extension(OIDS.subjectKeyIdentifier, octetString(createHash('sha1').update(keyBits(spki)).digest())));
  const issuerSpki = r.issuer === undefined ? spki : (r.issuer.x509.publicKey.export({ type: 'spki', format: 'der' }) as Buffer);
  out.push(extension(OIDS.authorityKeyIdentifier, sequence(tlv(0x80, createHash('sha1').update(keyBits(issuerSpki)).digest()))));
  return out;
}

/** Issues one certificate; returns it as PEM. */
export function issueCertificate(r: IssueRequest): string {
  const signer = r.issuer?.privateKey ?? r.selfKey;
  if (signer === undefined) throw new Error('A self-signed certificate needs the subject\'s private key (selfKey)');
  const subject = Buffer.isBuffer(r.subject)
    ? r.subject
    : distinguishedName([...(r.subject.organization !== undefined && r.subject.organization !== '' ? [[OID.organizationName, r.subject.organization] as [string, string]] : []), [OID.commonName, r.subject.commonName]]);
  const issuerName = r.issuer === undefined ? subject : certificateFields(r.issuer.x509.raw).subject;
  const spki = (r.publicKey.type === 'public' ? r.publicKey : createPublicKey(r.publicKey)).export({ type: 'spki', format: 'der' }) as Buffer;
  // A positive serial of 16 random bytes (RFC 5280 §4.1.2.2: unique, at most 20 octets).
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  const algorithm = signatureAlgorithm(signer);
  const tbs = sequence(
    tlv(0xa0, unsignedInteger(Buffer.from([2]))),
    unsignedInteger(serial),
    algorithm,
    issuerName,
    sequence(time(r.notBefore), time(r.notAfter)),
    subject,
    spki,
    tlv(0xa3, sequence(...extensionsFor(r, spki))),
  );
  const signature = sign('sha256', tbs, signer);
  const der = sequence(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  return toPem(der, 'CERTIFICATE');
}

export function toPem(der: Buffer, label: string): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function fromPem(pem: string, label: string): Buffer {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem);
  if (m === null) throw new CertificateRequestError(`not PEM (-----BEGIN ${label}-----)`);
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

const CSR_HASHES: Record<string, string> = {
  [OIDS.ecdsaWithSha256]: 'sha256',
  [OIDS.ecdsaWithSha384]: 'sha384',
  [OIDS.sha256WithRsa]: 'sha256',
  [OIDS.sha384WithRsa]: 'sha384',
  [OIDS.sha512WithRsa]: 'sha512',
};

function oidText(der: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const [i, byte] of [...der].entries()) {
    if (i === 0) {
      parts.push(Math.floor(byte / 40), byte % 40);
      continue;
    }
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** A PKCS#10 request (RFC 2986), its own signature checked: the subject Name (DER) and public key. */
export function readCsr(pem: string): { subject: Buffer; publicKey: KeyObject } {
  let der: Buffer;
  let info: ReturnType<typeof readTlv>;
  let parts: ReturnType<typeof children>;
  try {
    der = fromPem(pem, 'CERTIFICATE REQUEST');
    const top = readTlv(der, 0);
    parts = children(der, top);
    info = parts[0]!;
  } catch (err) {
    throw err instanceof CertificateRequestError ? err : new CertificateRequestError(`the CSR does not parse: ${(err as Error).message}`);
  }
  const [, subject, spki] = children(der, info);
  const algorithm = parts[1] === undefined ? undefined : children(der, parts[1])[0];
  const sig = parts[2];
  if (subject === undefined || spki === undefined || algorithm === undefined || sig === undefined) throw new CertificateRequestError('the CSR is incomplete');
  const hash = CSR_HASHES[oidText(der.subarray(algorithm.contentStart, algorithm.end))];
  if (hash === undefined) throw new CertificateRequestError('the CSR is signed with an algorithm the bench does not know');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: der.subarray(spki.start, spki.end), format: 'der', type: 'spki' });
  } catch (err) {
    throw new CertificateRequestError(`the CSR's public key does not parse: ${(err as Error).message}`);
  }
  if (!verify(hash, der.subarray(info.start, info.end), publicKey, der.subarray(sig.contentStart + 1, sig.end))) {
    throw new CertificateRequestError('the CSR\'s signature does not verify with its own public key');
  }
  return { subject: der.subarray(subject.start, subject.end), publicKey };
}
