// Shared pieces of the OCPP 1.6 security cases (OCTT 1.6 §2.24, §3.21; security whitepaper
// ed. 3): which security profile a case needs, the settings its proof runs with, the
// "triggered to reset" preparation, and the checks on a charger's connection (HTTP Basic
// authentication, TLS versions and cipher suites, client certificate).
import type { X509Certificate } from 'node:crypto';
import { createCsr, type CsrResult } from '../../../engine/charger/certificates';
import { findCertificate, hashDataOf } from '../../../engine/conformance/certificate-hash';
import type { Harness } from '../../../engine/conformance/harness';
import type { OpeningFacts } from '../../../engine/conformance/links';
import { absent, present } from '../../../engine/conformance/matchers';
import type { SutSettings } from '../../../engine/conformance/settings';
import { commonName, keyStrength, type TlsProbe } from '../../../engine/conformance/tls-probe';
import { chargePointIdFromPath } from '../../../engine/net/handshake';
import { csmsSends } from '../../../engine/conformance/states16';

/** A Basic-auth password as the whitepaper wants an AuthorizationKey: 16 bytes, as 32 hex digits (A00.FR.205). */
const PASSWORD = '0123456789abcdef0123456789abcdef';

/** Settings the proofs run with: the built-in SUT configured for a security profile. */
export const PROFILE_1 = { securityProfile: 1, password: PASSWORD };
export const PROFILE_2 = { securityProfile: 2, password: PASSWORD };
export const PROFILE_3 = { securityProfile: 3 };

/** Applies when the SUT is configured for one of `profiles` (the connection the case works on). */
export function withProfile(...profiles: number[]): (settings: SutSettings) => true | string {
  return (s) =>
    profiles.includes(s.securityProfile)
      ? true
      : `the SUT is set up for security profile ${s.securityProfile} (settings.securityProfile); this case needs ${profiles.length === 1 ? `profile ${profiles[0]!}` : `profile ${profiles.slice(0, -1).join(', ')} or ${profiles.at(-1)!}`}`;
}

/** With FirmwareManagement declared too (TC_080, TC_081: "supports the FirmwareManagement feature profile AND a security profile"). */
export function withFirmwareManagement(settings: SutSettings): true | string {
  return settings.profiles.includes('FirmwareManagement') ? true : 'the SUT does not declare the FirmwareManagement profile';
}

/**
 * How long a transfer or an installation may take (spec seconds; scaled in simulated runs):
 * the document gives none, and a real charger may take minutes. Waiting ends when the
 * message comes, so a conformant SUT costs nothing extra.
 */
export const TRANSFER_S = 300;

/** The AuthorizationKey OCTT TC_073_CS sets: "OCA_OCTT_admin_test", hex encoded. */
export const OCTT_AUTHORIZATION_KEY = '4F43415F4F4354545F61646D696E5F74657374';

/**
 * Reusable state "The Charge Point is triggered to reset" (TC_085–TC_087_CS, not defined in
 * §2.25): a hard reset, so the charger opens a new connection the bench can watch from its
 * first byte. Returns the connection count to expect a newer connection than.
 */
export async function triggeredToReset(t: Harness): Promise<number> {
  const before = t.connectionCount;
  await t.state('The Charge Point is triggered to reset', async () => {
    await t.send('Reset', { type: 'Hard' }, { status: 'Accepted' }, { says: 'Send Reset (Hard), so the charger connects anew, and expect an answer where status is Accepted' });
  });
  return before;
}

/**
 * The Authorization header of the HTTP upgrade request (TC_085_CS step 1, TC_086_CS step 5):
 * Basic base64(<ChargePointId>:<Configured AuthorizationKey>), the id being the one at the end
 * of the URL; the key at least 16 characters, its hex representation 20 to 40 hex digits.
 * A key sent as hex text is its own hex representation; one sent as the bytes the hex stands
 * for is represented by their hex (both forms arise from A00.FR.205).
 */
export function checkBasicAuthentication(t: Harness, opening: OpeningFacts | undefined, password: string | undefined): void {
  const c = opening?.credentials;
  if (!t.check('the HTTP upgrade request carries an Authorization header with HTTP Basic credentials', c !== undefined, 'it has none')) return;
  const urlId = chargePointIdFromPath(opening!.path);
  t.check(`the Basic user is the ChargePointId at the end of the connection URL (${urlId})`, c!.user === urlId, `the user is "${c!.user}"`);
  if (password !== undefined) {
    t.check('the Basic password is the configured AuthorizationKey', c!.password === password || c!.passwordHex === password.toLowerCase(), 'it is another one');
  }
  const bytes = c!.passwordHex.length / 2;
  t.check(`the authorization key is at least 16 characters long — it is ${bytes}`, bytes >= 16, `it is ${bytes}`);
  const hex = /^[0-9a-fA-F]+$/.test(c!.password) ? c!.password : c!.passwordHex;
  t.check(`the hex representation of the authorization key is 20 to 40 hex digits — it is ${hex.length}`, hex.length >= 20 && hex.length <= 40, `it is ${hex.length}`);
}

const ECDSA_PAIR = ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'];
const RSA_PAIR = ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384'];

/**
 * What the charger's ClientHello offered (TC_086_CS step 2, TC_087_CS step 4): TLS 1.2 or
 * higher, and the two ECDHE-ECDSA AES-GCM suites or the two RSA AES-GCM ones (whitepaper
 * A00.FR.312, A00.FR.318 for a charger).
 */
export function checkClientHello(t: Harness, opening: OpeningFacts | undefined): void {
  const hello = opening?.clientHello;
  if (!t.check('the bench read the charger\'s TLS ClientHello', hello !== undefined, opening?.tls === undefined ? 'the charger did not use TLS' : 'it could not be read')) return;
  const highest = hello!.versions[0] ?? 'none';
  t.check(`the charger uses TLS 1.2 or above — it offers ${hello!.versions.join(', ')} and negotiated ${opening!.tls?.version ?? 'nothing'}`, ['TLSv1.2', 'TLSv1.3'].includes(highest) && ['TLSv1.2', 'TLSv1.3'].includes(opening!.tls?.version ?? ''), `it offers ${highest} at most`);
  const offers = (pair: string[]) => pair.every((s) => hello!.cipherSuites.includes(s));
  t.check(
    'the charger offers the cipher suites TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, or TLS_RSA_WITH_AES_128_GCM_SHA256 and TLS_RSA_WITH_AES_256_GCM_SHA384',
    offers(ECDSA_PAIR) || offers(RSA_PAIR),
    `it offers ${hello!.cipherSuites.filter((s) => !s.startsWith('0x')).join(', ') || 'none of them'}`,
  );
}

/** A certificate's key length, serial number and form (TC_087_CS step 4, TC_086_CSMS step 2). */
export function checkCertificateForm(t: Harness, who: string, cert: X509Certificate): void {
  const strength = keyStrength(cert);
  t.check(`the ${who} certificate's key is RSA/DSA of 2048 bits or more, or elliptic-curve of 224 bits or more — it is ${strength.words}`, strength.ok, strength.words);
  // Over TLS a certificate travels as DER; that it parses as X.509 is what can be checked of "X.509 in PEM".
  t.check(`the ${who} certificate is an X.509 certificate with a serial number — ${cert.serialNumber}`, /^[0-9A-F]+$/i.test(cert.serialNumber) && cert.serialNumber.replace(/^0+/, '') !== '', 'it has none');
}

/** The subject CN of a certificate (undefined when it has none). */
export { commonName };

/** The same PEM certificate, whatever the line breaks. */
export function samePem(a: unknown, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '');
  return typeof a === 'string' && norm(a) === norm(b);
}

/**
 * The tool charger's certificate store for one case (CSMS under test): it installs what the
 * Central System sends (or rejects everything, TC_078_CSMS) and lists it with hash data of its
 * own calculation (the whitepaper's §6.1, <Configured HashAlgorithm> SHA256).
 */
export class ToolCertificates {
  readonly installed: Array<{ type: string; pem: string }> = [];

  constructor(private readonly t: Harness) {}

  /** From now on: InstallCertificate stores the certificate and answers Accepted (`reject`: Rejected, storing nothing). */
  answerInstall(options: { reject?: boolean } = {}): void {
    this.t.respond(
      'InstallCertificate',
      (call) => {
        if (options.reject === true) return { result: { status: 'Rejected' } };
        this.installed.push({ type: String(call.payload['certificateType']), pem: String(call.payload['certificate']) });
        return { result: { status: 'Accepted' } };
      },
      { says: options.reject === true ? 'with status Rejected, whatever the certificate' : 'with status Accepted, keeping the certificate' },
    );
  }

  /** From now on: GetInstalledCertificateIds lists the certificates of the type asked for (NotFound when none). */
  answerList(): void {
    this.t.respond(
      'GetInstalledCertificateIds',
      (call) => {
        const certificateHashData = this.installed.filter((c) => c.type === call.payload['certificateType']).map((c) => hashDataOf(c.pem, 'SHA256'));
        return { result: certificateHashData.length > 0 ? { status: 'Accepted', certificateHashData } : { status: 'NotFound' } };
      },
      { says: 'with the hash data (SHA256) of the certificates of that type it has installed, or NotFound' },
    );
  }
}

/**
 * The Central System's TLS as probed with one handshake per suite (TC_086_CSMS step 2,
 * TC_087_CSMS step 3): every suite of whitepaper A00.FR.317 negotiated at TLS 1.2; with
 * `certificates`, each certificate it presented has a key long enough, a serial number and
 * the server's host name as CN (A00.FR.501–510).
 */
export function checkServerTls(t: Harness, probes: readonly TlsProbe[], options: { certificates: boolean }): void {
  for (const p of probes) t.check(`the Central System supports the cipher suite ${p.suite}`, p.ok, p.error ?? 'the handshake failed');
  if (!options.certificates) return;
  const seen = new Map<string, X509Certificate>();
  for (const p of probes) if (p.certificate !== undefined) seen.set(p.certificate.fingerprint256, p.certificate);
  for (const cert of seen.values()) {
    const which = `server (${cert.publicKey.asymmetricKeyType?.toUpperCase() ?? 'unknown key'})`;
    checkCertificateForm(t, which, cert);
    const cn = commonName(cert);
    const host = probes[0]?.host ?? '';
    t.check(`the ${which} certificate's subject CN is the server's host name (${host}) — it is ${cn ?? 'absent'}`, cn?.toLowerCase() === host.toLowerCase(), `the CN is ${cn ?? 'absent'}`);
  }
}

/** The root certificate types TC_075_1 and TC_075_2 install, and how the steps name them. */
export type RootCertificateType = 'ManufacturerRootCertificate' | 'CentralSystemRootCertificate';
const ROOT_WORDS: Record<RootCertificateType, string> = { ManufacturerRootCertificate: 'manufacturer', CentralSystemRootCertificate: 'Central System' };

/**
 * TC_075_1_CS / TC_075_2_CS steps 1–4: the bench installs the root certificate of the tool's
 * store, and the charger lists it with the hash data the bench calculates (M05, M03, §6.1).
 */
export async function installAndFindRoot(t: Harness, certificateType: RootCertificateType, certificate: string): Promise<void> {
  // Steps 1–2: the certificate from the store.
  await t.send('InstallCertificate', { certificateType, certificate }, { status: 'Accepted' }, {
    says: `Send InstallCertificate (${certificateType}, the root certificate of the tool's store) and expect an answer where status is Accepted`,
  });
  // Steps 3–4: listed, by the bench's own calculation of the hash data.
  const listed = await t.send('GetInstalledCertificateIds', { certificateType }, { status: 'Accepted' }, {
    says: `Send GetInstalledCertificateIds (${certificateType}) and expect an answer where status is Accepted`,
  });
  const hashes = listed.kind === 'result' ? listed.payload['certificateHashData'] : undefined;
  t.check(
    "certificateHashData includes the installed certificate (the bench's own calculation of its issuerNameHash, issuerKeyHash and serialNumber)",
    findCertificate(hashes, certificate) !== undefined,
    `it lists ${JSON.stringify(hashes ?? [])}`,
  );
}

/**
 * TC_075_1_CSMS / TC_075_2_CSMS steps 1–4, once booted: the Central System installs the configured root
 * certificate on the tool charger, then asks which certificates of that type it has.
 */
export async function csmsInstallsRoot(t: Harness, certificateType: RootCertificateType, configured: string): Promise<void> {
  const store = new ToolCertificates(t);
  store.answerInstall();
  store.answerList();
  // Steps 1–2: the configured root certificate.
  const install = await csmsSends(t, 'InstallCertificate', {
    words: `Make the Central System install the configured ${ROOT_WORDS[certificateType]} root certificate on the charge point (InstallCertificate ${certificateType})`,
    payload: { certificateType, certificate: configured },
    matcher: { certificateType, certificate: present },
  });
  t.check('the certificate is the configured root certificate', samePem(install.payload['certificate'], configured), 'it is another certificate');
  // Steps 3–4: the tool charger answers with the hash data of what it installed.
  await csmsSends(t, 'GetInstalledCertificateIds', {
    words: `Make the Central System ask the charge point for its installed ${certificateType}s (GetInstalledCertificateIds)`,
    payload: { certificateType },
    matcher: { certificateType },
  });
}

/**
 * TC_074_CSMS / TC_077_CSMS steps 1–4, once booted: the Central System asks for a new charge
 * point certificate (ExtendedTriggerMessage), and the tool charger sends SignCertificate with a
 * CSR for a new key pair (whitepaper A02.FR.02–03), which the Central System accepts.
 * Returns the CSR and its key, for checking the certificate the Central System sends back.
 */
export async function csmsRequestsNewCertificate(t: Harness): Promise<CsrResult> {
  // Steps 1–2.
  t.respond('ExtendedTriggerMessage', { result: { status: 'Accepted' } }, { once: true, says: 'with status Accepted' });
  await csmsSends(t, 'ExtendedTriggerMessage', {
    words: 'Make the Central System ask the charge point for a new certificate (ExtendedTriggerMessage SignChargePointCertificate)',
    payload: { requestedMessage: 'SignChargePointCertificate' },
    matcher: { requestedMessage: 'SignChargePointCertificate', connectorId: absent },
  });
  // Steps 3–4.
  const csr = createCsr({ commonName: t.settings.chargePointId, organization: t.settings.vendor });
  await t.send('SignCertificate', { csr: csr.pem }, { status: 'Accepted' }, { says: 'Send SignCertificate with a new CSR and expect an answer where status is Accepted' });
  return csr;
}
