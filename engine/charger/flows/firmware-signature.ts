// The firmware signature check of signed firmware updates (security whitepaper ed. 3
// L01.FR.04, 2.0.1 L01): the same rule in both versions.
import { constants, verify, type X509Certificate } from 'node:crypto';

/**
 * Over the downloaded bytes with the signing certificate's key when the bytes are at hand
 * (RSA-PSS, RSA PKCS#1 v1.5 or ECDSA, SHA-256); otherwise (a simulated download) the
 * signature must at least be plausible base64.
 */
export function signatureValid(signature: string, cert: X509Certificate | undefined, bytes: Buffer | undefined): boolean {
  const sig = Buffer.from(signature, 'base64');
  if (sig.length < 16 || sig.toString('base64').replace(/=+$/, '') !== signature.replace(/\s/g, '').replace(/=+$/, '')) return false;
  if (bytes === undefined || cert === undefined) return true;
  const key = cert.publicKey;
  try {
    if (key.asymmetricKeyType === 'rsa') {
      return (
        verify('sha256', bytes, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, sig) ||
        verify('sha256', bytes, key, sig)
      );
    }
    return verify('sha256', bytes, key, sig);
  } catch {
    return false;
  }
}
