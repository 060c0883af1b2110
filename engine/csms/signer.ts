// Signs a charger's certificate signing request with the CSMS's local CA, for the
// CertificateSigned that follows an accepted SignCertificate (1.6 security whitepaper ed. 3
// A02.FR.03/FR.04: the CSR is PEM (RFC 2986) and goes to a CA, which may be the CPO's own;
// 2.0.1 A02/A03 likewise). Uses the openssl command: Node can verify certificates but not
// issue them. Failures come back as errors naming the cause.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class SigningError extends Error {
  override name = 'SigningError';
}

export interface LocalCa {
  /** PEM certificate of the CA. */
  cert: string;
  /** PEM private key of the CA. */
  key: string;
}

function openssl(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd, timeout: 15_000 }, (err, _stdout, stderr) => {
      if (err === null) return resolve();
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new SigningError(missing ? 'the openssl command is not available to sign the CSR' : `openssl ${args[0]} failed: ${String(stderr).trim() || err.message}`));
    });
  });
}

/**
 * Verifies the CSR's own signature and issues a certificate for its subject and key,
 * valid from now for `days`. Returns the PEM chain: the new certificate, then the CA's.
 */
export async function signCsr(csr: string, ca: LocalCa, options: { days?: number; usage?: 'client' | 'server' } = {}): Promise<string> {
  if (!csr.includes('-----BEGIN CERTIFICATE REQUEST-----')) throw new SigningError('the CSR is not PEM (-----BEGIN CERTIFICATE REQUEST-----)');
  const dir = await mkdtemp(join(tmpdir(), 'ocpp-bench-ca-'));
  try {
    await writeFile(join(dir, 'req.csr'), csr);
    await writeFile(join(dir, 'ca.pem'), ca.cert);
    await writeFile(join(dir, 'ca.key'), ca.key, { mode: 0o600 });
    // Key usage restricted to what the certificate is for (A00.FR.512).
    const eku = options.usage === 'server' ? 'serverAuth' : 'clientAuth';
    await writeFile(join(dir, 'ext.cnf'), `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=${eku}\n`);
    await openssl(['req', '-in', 'req.csr', '-verify', '-noout'], dir);
    // A random positive serial (A00.FR.508: every certificate has one).
    const serial = `0x${(randomBytes(1)[0]! & 0x7f).toString(16).padStart(2, '0')}${randomBytes(15).toString('hex')}`;
    await openssl(
      ['x509', '-req', '-in', 'req.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', serial, '-days', String(options.days ?? 365), '-sha256', '-extfile', 'ext.cnf', '-out', 'cert.pem'],
      dir,
    );
    const cert = await readFile(join(dir, 'cert.pem'), 'utf8');
    return `${cert.trim()}\n${ca.cert.trim()}\n`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
