// What the security cases of a run need besides the wire (OCTT 1.6 §2.24, §3.21): TLS for
// the bench's listener, the root certificates "in the tool's store", the bench as
// Certificate Authority Server, invalid certificates, and a signed firmware. Taken from the
// SUT settings where the tester configured them; otherwise made by the bench (in memory, see
// pki.ts) — always so in simulated runs, where a loopback HTTP server also hosts the signed
// firmware so the simulator verifies the signature over real bytes.
import { sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../api/errors';
import type { TlsServerOptions } from '../net/listener';
import { BenchPki } from './pki';
import type { SutSettings } from './settings';

/** Firmware for a secure update (whitepaper L01): where it is, its signature and the certificate to verify it with. */
export interface SignedFirmware {
  location: string;
  /** Base64 signature over the firmware file. */
  signature: string;
  /** A well-formed signature that does not verify over the file (OCTT TC_081: "an invalid signature"). */
  invalidSignature: string;
  /** PEM X.509 firmware signing certificate. */
  signingCertificate: string;
}

/** TLS material for the bench as a charger (PEM text). */
export interface ChargerTls {
  ca?: string;
  cert?: string;
  key?: string;
}

const FIRMWARE = Buffer.from('OCPP Bench test firmware image, signed by the bench for secure update cases.\n'.repeat(64));

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new ApiError('io', `Cannot read ${what} file ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** Flips a bit of the last byte: the same length, well-formed base64, but no longer a signature of the file. */
export function corruptSignature(signature: string): string {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length === 0) return Buffer.from('not a signature').toString('base64');
  bytes.writeUInt8(bytes[bytes.length - 1]! ^ 0x01, bytes.length - 1);
  return bytes.toString('base64');
}

export class RunSecurity {
  private pkiPromise: Promise<BenchPki> | undefined;
  private firmwarePromise: Promise<SignedFirmware | undefined> | undefined;
  private server: Server | undefined;

  constructor(
    private readonly settings: SutSettings,
    private readonly simulated: boolean,
  ) {}

  /** The bench's own PKI, made on first use. */
  pki(): Promise<BenchPki> {
    this.pkiPromise ??= BenchPki.create();
    return this.pkiPromise;
  }

  /**
   * TLS for the bench as CSMS: the configured server certificate, or (simulated runs with a
   * security profile) the bench's ECDSA and RSA ones. Plain ws:// is accepted on the same
   * port (a charger may move from profile 1 to 2 within a run, OCTT TC_083_CS), client
   * certificates are asked for and judged per connection, and the ClientHello is read
   * (TC_086_CS, TC_087_CS). The bench's root is trusted for client certificates too: as
   * Certificate Authority Server it issues them (TC_074_CS).
   */
  async listenerTls(): Promise<TlsServerOptions | undefined> {
    const tls = this.settings.tls;
    const configured = tls?.cert !== undefined && tls.key !== undefined;
    if (!configured && !(this.simulated && this.settings.securityProfile >= 1)) return undefined;
    const pki = await this.pki();
    const clientCas = [pki.centralSystemRoot.cert];
    if (tls?.clientCa !== undefined) clientCas.unshift(await readPem(tls.clientCa, 'tls.clientCa'));
    const common = { clientCa: clientCas.join('\n'), clientCertOptional: true, acceptPlain: true, inspectClientHello: true };
    if (configured) return { cert: await readPem(tls.cert!, 'tls.cert'), key: await readPem(tls.key!, 'tls.key'), ...common };
    return { cert: [pki.serverEc.cert, pki.serverRsa.cert], key: [pki.serverEc.key, pki.serverRsa.key], ...common };
  }

  /**
   * TLS of the bench as a simulated charger's peer: the root it trusts for the bench's server
   * certificate (profiles 2 and 3) and its client certificate (profile 3, CN = its serial
   * number, which the simulator takes from its id).
   */
  async simulatedChargerTls(profile: number, serialNumber: string): Promise<ChargerTls> {
    if (profile < 2) return {};
    const pki = await this.pki();
    const client = profile === 3 ? pki.clientCertificate(serialNumber) : undefined;
    return { ca: pki.centralSystemRoot.cert, ...(client !== undefined ? { cert: client.cert, key: client.key } : {}) };
  }

  /** The Central System root certificate from the tool's store (OCTT TC_075_2, CertificateInstalled): the root of the bench's server certificate. */
  async centralSystemRoot(): Promise<string> {
    const configured = this.settings.security?.centralSystemRootCertificate ?? this.settings.tls?.ca;
    if (configured !== undefined) return readPem(configured, 'security.centralSystemRootCertificate');
    return (await this.pki()).centralSystemRoot.cert;
  }

  /** The manufacturer root certificate from the tool's store (OCTT TC_075_1). */
  async manufacturerRoot(): Promise<string> {
    const configured = this.settings.security?.manufacturerRootCertificate;
    if (configured !== undefined) return readPem(configured, 'security.manufacturerRootCertificate');
    return (await this.pki()).manufacturerRoot.cert;
  }

  /** The bench as Certificate Authority Server: the PEM chain for a charger's CSR (throws CertificateRequestError). */
  async signCsr(csr: string): Promise<string> {
    return (await this.pki()).signCsr(csr);
  }

  /** A certificate no charger may accept: a root CA that has expired (OCTT TC_078_CS "an invalid/expired certificate"). */
  async invalidCertificate(): Promise<string> {
    return (await this.pki()).expiredRoot();
  }

  /**
   * The signed firmware of the secure update cases: configured (firmwareUrl with
   * security.firmwareSignature and security.firmwareSigningCertificate), or in a simulated
   * run hosted by the bench and signed with its firmware signing certificate. Undefined when
   * a real run has none configured.
   */
  firmware(): Promise<SignedFirmware | undefined> {
    this.firmwarePromise ??= this.makeFirmware();
    return this.firmwarePromise;
  }

  private async makeFirmware(): Promise<SignedFirmware | undefined> {
    const s = this.settings.security;
    if (s?.firmwareSignature !== undefined && s.firmwareSigningCertificate !== undefined) {
      return {
        location: this.settings.firmwareUrl,
        signature: s.firmwareSignature,
        invalidSignature: corruptSignature(s.firmwareSignature),
        signingCertificate: await readPem(s.firmwareSigningCertificate, 'security.firmwareSigningCertificate'),
      };
    }
    if (!this.simulated) return undefined;
    const pki = await this.pki();
    const server = createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/firmware/bench-firmware.bin') res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(FIRMWARE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const signature = sign('sha256', FIRMWARE, pki.firmwareSigner.privateKey).toString('base64');
    return {
      location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/firmware/bench-firmware.bin`,
      signature,
      // Signed by the right key, but over other bytes: well-formed, and wrong.
      invalidSignature: sign('sha256', Buffer.concat([FIRMWARE, Buffer.from('tampered')]), pki.firmwareSigner.privateKey).toString('base64'),
      signingCertificate: pki.firmwareSigner.cert,
    };
  }

  /** Where the charger uploads its security log (OCTT TC_079: "<Configured log location>"). */
  get logLocation(): string {
    return this.settings.security?.logLocation ?? this.settings.diagnosticsUrl;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
