// The bench's own test PKI for a run, made in memory when the run starts (nothing on disk):
// - a Central System root CA: it signs the bench's TLS server certificates (an ECDSA and
//   an RSA one, so every cipher suite of security whitepaper ed. 3 A00.FR.317 can be
//   negotiated), the client certificates of simulated chargers, and — the bench as
//   Certificate Authority Server — the certificates for a charger's CSR (OCTT 1.6 TC_074);
// - a manufacturer root and a firmware signing certificate it issued (secure firmware
//   update, whitepaper L01; OCTT TC_080/TC_081);
// - on request, an expired root (an invalid certificate, OCTT TC_078_CS).
// Certificates last two days from an hour ago, enough for any run.
import { generateKeyPair, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { issueCertificate, readCsr, type CertificateUsage, type Issued } from './x509';

const HOUR = 3600_000;

function ecKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
}

function rsaKey(): Promise<KeyObject> {
  return new Promise((resolve, reject) => generateKeyPair('rsa', { modulusLength: 2048 }, (err, _pub, priv) => (err === null ? resolve(priv) : reject(err))));
}

function issued(cert: string, privateKey: KeyObject): Issued {
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, x509: new X509Certificate(cert), privateKey };
}

export interface BenchPkiOptions {
  /** Host names and addresses the server certificates are for; the first is their CN. */
  serverHosts?: string[];
  now?: number;
}

export class BenchPki {
  private constructor(
    readonly centralSystemRoot: Issued,
    readonly serverEc: Issued,
    readonly serverRsa: Issued,
    readonly manufacturerRoot: Issued,
    readonly firmwareSigner: Issued,
    private readonly now: () => number,
  ) {}

  static async create(options: BenchPkiOptions = {}): Promise<BenchPki> {
    const hosts = options.serverHosts ?? ['127.0.0.1', 'localhost'];
    const clock = () => options.now ?? Date.now();
    const rsa = rsaKey();
    const make = (usage: CertificateUsage, commonName: string, organization: string, key: KeyObject, issuer?: Issued, altNames?: string[]) =>
      issued(
        issueCertificate({
          subject: { commonName, organization },
          publicKey: key,
          usage,
          notBefore: new Date(clock() - HOUR),
          notAfter: new Date(clock() + 48 * HOUR),
          ...(issuer !== undefined ? { issuer } : { selfKey: key }),
          ...(altNames !== undefined ? { altNames } : {}),
        }),
        key,
      );
    const root = make('ca', 'OCPP Bench Central System Root CA', 'OCPP Bench', ecKey());
    const serverEc = make('server', hosts[0]!, 'OCPP Bench', ecKey(), root, hosts);
    const serverRsa = make('server', hosts[0]!, 'OCPP Bench', await rsa, root, hosts);
    const manufacturer = make('ca', 'OCPP Bench Manufacturer Root CA', 'OCPP Bench', ecKey());
    const signer = make('codeSigning', 'OCPP Bench Firmware Signing', 'OCPP Bench', ecKey(), manufacturer);
    return new BenchPki(root, serverEc, serverRsa, manufacturer, signer, clock);
  }

  /** A client certificate for security profile 3, issued by the Central System root (CN: the charger's serial number). */
  clientCertificate(commonName: string, organization = 'OCPP Bench'): Issued {
    const key = ecKey();
    const cert = issueCertificate({
      subject: { commonName, organization },
      publicKey: key,
      usage: 'client',
      notBefore: new Date(this.now() - HOUR),
      notAfter: new Date(this.now() + 48 * HOUR),
      issuer: this.centralSystemRoot,
    });
    return issued(cert, key);
  }

  /**
   * The bench as Certificate Authority Server: checks the CSR's signature and issues a
   * client certificate for its subject and key. Returns the PEM chain: leaf, then the root.
   */
  signCsr(csr: string): string {
    const request = readCsr(csr);
    const leaf = issueCertificate({
      subject: request.subject,
      publicKey: request.publicKey,
      usage: 'client',
      notBefore: new Date(this.now() - HOUR),
      notAfter: new Date(this.now() + 48 * HOUR),
      issuer: this.centralSystemRoot,
    });
    return `${leaf}${this.centralSystemRoot.cert}`;
  }

  /** A self-signed root CA certificate that expired yesterday: invalid wherever it is presented. */
  expiredRoot(): string {
    const key = ecKey();
    return issueCertificate({
      subject: { commonName: 'OCPP Bench Expired Root CA', organization: 'OCPP Bench' },
      publicKey: key,
      selfKey: key,
      usage: 'ca',
      notBefore: new Date(this.now() - 72 * HOUR),
      notAfter: new Date(this.now() - 24 * HOUR),
    });
  }

  /** A second Central System root ("Root 2", OCTT TC_076_CSMS), for installing and deleting. */
  anotherRoot(commonName: string): Issued {
    const key = ecKey();
    return issued(
      issueCertificate({ subject: { commonName, organization: 'OCPP Bench' }, publicKey: key, selfKey: key, usage: 'ca', notBefore: new Date(this.now() - HOUR), notAfter: new Date(this.now() + 48 * HOUR) }),
      key,
    );
  }
}
