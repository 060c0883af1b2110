// The bench's own calculation of certificate hash data, to compare with what a SUT reports
// (GetInstalledCertificateIds) or asks for (DeleteCertificate): "The OCTT verifies … based on
// its own calculation of the certificateHashData" (OCTT 1.6 TC_075_x, TC_076). Security
// whitepaper ed. 3 §6.1: hashes over the issuer's DER name and key bits, in hex; the serial
// number in hex without leading zeroes. Hex is compared without regard to case (CiString).
import { X509Certificate } from 'node:crypto';
import { hashData, parseCertificates, type CertificateHashData, type HashAlgorithm } from '../charger/certificates';

export type { CertificateHashData, HashAlgorithm };

const ALGORITHMS: readonly HashAlgorithm[] = ['SHA256', 'SHA384', 'SHA512'];

/** Hash data of the first certificate of `pem`; a root is its own issuer, else `issuerPem` is. */
export function hashDataOf(pem: string, algorithm: HashAlgorithm = 'SHA256', issuerPem?: string): CertificateHashData {
  const cert = parseCertificates(pem)[0]!;
  const issuer = issuerPem !== undefined ? new X509Certificate(issuerPem) : cert;
  return hashData(cert, issuer, algorithm);
}

/** Which fields of `reported` differ from the bench's `own` calculation; empty when it is the same certificate. */
export function hashDataDifferences(reported: Partial<Record<keyof CertificateHashData, unknown>>, own: CertificateHashData): string[] {
  const out: string[] = [];
  for (const field of ['hashAlgorithm', 'issuerNameHash', 'issuerKeyHash', 'serialNumber'] as const) {
    const value = reported[field];
    if (typeof value !== 'string' || value.toLowerCase() !== own[field].toLowerCase()) out.push(`${field} is ${typeof value === 'string' ? value : 'absent'} (the bench calculates ${own[field]})`);
  }
  return out;
}

/** The entry of a reported list that is `pem`, by the bench's own calculation with each entry's algorithm. */
export function findCertificate(list: unknown, pem: string): CertificateHashData | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const entry of list as Array<Record<string, unknown>>) {
    const algorithm = ALGORITHMS.find((a) => a === entry['hashAlgorithm']);
    if (algorithm === undefined) continue;
    if (hashDataDifferences(entry, hashDataOf(pem, algorithm)).length === 0) return entry as unknown as CertificateHashData;
  }
  return undefined;
}

/** The algorithm of a reported hash data entry, if it is one the whitepaper knows (§6.5 HashAlgorithmEnumType). */
export function hashAlgorithmOf(entry: unknown): HashAlgorithm | undefined {
  const value = (entry as { hashAlgorithm?: unknown } | undefined)?.hashAlgorithm;
  return ALGORITHMS.find((a) => a === value);
}
