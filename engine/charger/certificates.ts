// The simulated charger's certificate store and key management: installed CA certificates
// with their OCSP-style hash data, the charger certificate, and CSR generation.
//
// 1.6 security whitepaper ed. 3: §6.1 CertificateHashDataType (issuerNameHash over the DER
// issuer name, issuerKeyHash over the issuer's public key, serial number in hex without
// leading zeroes), A02/A03 (new key pair, CSR with O = CpoName, verify the signed
// certificate), M03–M05; 2.0.1 Part 2 A02/A03, M03–M05 (same shapes).
import { createHash, createPublicKey, generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { bitString, certificateFields, children, distinguishedName, integer, oid, OID, readTlv, sequence, tlv } from './der';

export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

export interface CertificateHashData {
  hashAlgorithm: HashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

export interface InstalledCertificate {
  /** The certificate type as the version spells it (CentralSystemRootCertificate, V2GRootCertificate…). */
  type: string;
  pem: string;
  x509: X509Certificate;
}

/** Splits a PEM bundle into its certificates; throws when there is none or one does not parse. */
export function parseCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error('no PEM certificate found');
  return blocks.map((b) => new X509Certificate(b));
}

function hashAlgorithmName(a: HashAlgorithm): string {
  return a.toLowerCase();
}

/**
 * Hash data identifying `cert`, issued by `issuer` (itself for a root). `keyHash` 'spki' is
 * the mistake of hashing the issuer's whole SubjectPublicKeyInfo (behaviour wrong-certificate-hash).
 */
export function hashData(cert: X509Certificate, issuer: X509Certificate, algorithm: HashAlgorithm = 'SHA256', keyHash: 'key' | 'spki' = 'key'): CertificateHashData {
  const fields = certificateFields(cert.raw);
  const issuerKey = keyHash === 'key' ? certificateFields(issuer.raw).publicKey : (issuer.publicKey.export({ type: 'spki', format: 'der' }) as Buffer);
  const h = (data: Buffer) => createHash(hashAlgorithmName(algorithm)).update(data).digest('hex');
  return {
    hashAlgorithm: algorithm,
    issuerNameHash: h(fields.issuer),
    issuerKeyHash: h(issuerKey),
    serialNumber: fields.serial.toString('hex').replace(/^0+(?=.)/, ''),
  };
}

export function sameHashData(a: CertificateHashData, b: CertificateHashData): boolean {
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
    a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
    a.serialNumber.toLowerCase().replace(/^0+(?=.)/, '') === b.serialNumber.toLowerCase().replace(/^0+(?=.)/, '')
  );
}

/** Why a certificate cannot be used now, or undefined when it can. */
export function checkValidity(cert: X509Certificate, now: number): string | undefined {
  if (Date.parse(cert.validFrom) > now) return `not valid before ${cert.validFrom}`;
  if (Date.parse(cert.validTo) < now) return `expired on ${cert.validTo}`;
  return undefined;
}

export interface CsrResult {
  pem: string;
  privateKey: KeyObject;
}

/** A new EC P-256 key pair and a PKCS#10 CSR (RFC 2986) for it, signed with ECDSA-SHA256. */
export function createCsr(subject: { commonName: string; organization?: string; country?: string }): CsrResult {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name: Array<[string, string]> = [];
  if (subject.country !== undefined) name.push([OID.countryName, subject.country]);
  if (subject.organization !== undefined && subject.organization !== '') name.push([OID.organizationName, subject.organization]);
  name.push([OID.commonName, subject.commonName]);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const info = sequence(integer(0), distinguishedName(name), spki, tlv(0xa0, Buffer.alloc(0)));
  const signature = sign('sha256', info, privateKey);
  const csr = sequence(info, sequence(oid(OID.ecdsaWithSha256)), bitString(signature));
  const b64 = csr.toString('base64').replace(/(.{64})/g, '$1\n').trim();
  return { pem: `-----BEGIN CERTIFICATE REQUEST-----\n${b64}\n-----END CERTIFICATE REQUEST-----\n`, privateKey };
}

/** The subjectPublicKey bits of a key's public half (to compare with a certificate's). */
export function publicKeyBits(key: KeyObject): Buffer {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const bits = children(spki, readTlv(spki, 0))[1];
  if (bits === undefined) throw new Error('DER: no subjectPublicKey');
  return spki.subarray(bits.contentStart + 1, bits.end);
}

/** Checks a signed chain against the key the charger generated: the leaf must carry its public key. */
export function checkSignedChain(
  pem: string,
  privateKey: KeyObject | undefined,
  now: number,
): { ok: true; leaf: X509Certificate; chain: X509Certificate[] } | { ok: false; reason: string } {
  let chain: X509Certificate[];
  try {
    chain = parseCertificates(pem);
  } catch (err) {
    return { ok: false, reason: `not a certificate: ${(err as Error).message}` };
  }
  const leaf = chain[0]!;
  const invalid = checkValidity(leaf, now);
  if (invalid !== undefined) return { ok: false, reason: `the certificate is ${invalid}` };
  if (privateKey === undefined) return { ok: false, reason: 'no certificate signing request is outstanding' };
  if (!publicKeyBits(privateKey).equals(certificateFields(leaf.raw).publicKey)) {
    return { ok: false, reason: 'the certificate is not for the key pair of the last CSR' };
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!chain[i]!.checkIssued(chain[i + 1]!)) return { ok: false, reason: `certificate ${i + 1} of the chain is not issued by certificate ${i + 2}` };
  }
  return { ok: true, leaf, chain };
}

/** The CA certificates installed through InstallCertificate. */
export class CertificateStore {
  private certs: InstalledCertificate[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.certs.length;
  }

  /** Installs a certificate; the status is the one InstallCertificate answers. */
  install(type: string, pem: string, now: number): { status: 'Accepted' } | { status: 'Rejected' | 'Failed'; reason: string } {
    let x509: X509Certificate;
    try {
      const parsed = parseCertificates(pem);
      x509 = parsed[0]!;
    } catch (err) {
      return { status: 'Rejected', reason: `not a valid certificate: ${(err as Error).message}` };
    }
    const invalid = checkValidity(x509, now);
    if (invalid !== undefined) return { status: 'Rejected', reason: `the certificate is ${invalid}` };
    const existing = this.certs.findIndex((c) => c.type === type && c.x509.fingerprint256 === x509.fingerprint256);
    if (existing >= 0) return { status: 'Accepted' };
    if (this.certs.length >= this.capacity) return { status: 'Failed', reason: `the store is full (${this.capacity} certificates)` };
    this.certs.push({ type, pem, x509 });
    return { status: 'Accepted' };
  }

  list(types?: readonly string[]): InstalledCertificate[] {
    return types === undefined || types.length === 0 ? [...this.certs] : this.certs.filter((c) => types.includes(c.type));
  }

  /** Hash data of an installed certificate; the issuer is looked up among the installed ones. */
  hashOf(cert: InstalledCertificate, algorithm: HashAlgorithm = 'SHA256', keyHash: 'key' | 'spki' = 'key'): CertificateHashData {
    const issuer = this.certs.find((c) => c !== cert && cert.x509.checkIssued(c.x509))?.x509 ?? cert.x509;
    return hashData(cert.x509, issuer, algorithm, keyHash);
  }

  /** Deletes the certificate with this hash data; the status DeleteCertificate answers. */
  delete(target: CertificateHashData, keyHash: 'key' | 'spki' = 'key'): 'Accepted' | 'NotFound' {
    const algorithm = (['SHA256', 'SHA384', 'SHA512'] as const).includes(target.hashAlgorithm) ? target.hashAlgorithm : 'SHA256';
    const index = this.certs.findIndex((c) => sameHashData(this.hashOf(c, algorithm, keyHash), target));
    if (index < 0) return 'NotFound';
    this.certs.splice(index, 1);
    return 'Accepted';
  }
}
