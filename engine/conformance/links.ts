// The bench's connection to the system under test during a run.
// - ListenerLink: the bench is the CSMS; the charger (SUT) connects to it, and may
//   reconnect (reset, power cycle, network loss) — each connection gets a fresh endpoint.
// - ClientLink: the bench is the charger; it connects to the CSMS (SUT) when a case asks.
// Both route incoming CALLs to one handler, so a case does not care which connection
// a message came over.
import type { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OcppVersion, TlsInfo } from '../../api/model';
import { ApiError } from '../../api/errors';
import type { ClientHello } from '../net/client-hello';
import { ChargerListener, type OpeningDecision, type OpeningRequest, type TlsServerOptions } from '../net/listener';
import { connect, ConnectRefusal } from '../net/connect';
import { basicAuthHeader, type BasicCredentials } from '../net/handshake';
import { OcppEndpoint, type CallAnswer, type IncomingCall } from '../rpc/endpoint';
import type { LiveRecorder, LiveSession } from '../traffic/recorder';
import { VERSIONS } from '../ocpp/versions';
import type { ChargerTls } from './security';
import type { SutSettings } from './settings';

export type CallHandler = (call: IncomingCall, session: LiveSession) => Promise<CallAnswer> | CallAnswer;

/** What a charger's opening request (TLS handshake, WebSocket upgrade) showed the bench as CSMS, accepted or not. */
export interface OpeningFacts {
  /** Wall-clock ms when the bench decided. */
  at: number;
  accepted: boolean;
  /** Why the bench refused it. */
  refusal?: string;
  path: string;
  chargePointId: string;
  credentials?: BasicCredentials;
  tls?: TlsInfo;
  /** What the charger offered in its ClientHello (versions, cipher suites). */
  clientHello?: ClientHello;
  /** The client certificate it presented (security profile 3). */
  peerCertificate?: X509Certificate;
}

/** What the bench as CSMS accepts of a charger: its security profile and (profiles 1 and 2) its Basic-auth password. */
export interface AcceptedSecurity {
  profile: number;
  password?: string;
}

/** Credentials the bench as a charger connects with instead of the configured ones (a case changed them). */
export interface ChargerCredentials {
  password?: string;
  /** PEM client certificate (chain) and key, security profile 3. */
  cert?: string;
  key?: string;
}

export interface Link {
  readonly version: OcppVersion;
  /** The endpoint of the current connection, if connected. */
  current(): { endpoint: OcppEndpoint; session: LiveSession; opening?: OpeningFacts } | undefined;
  /** Resolves with the next (or current, when `fresh` is false) connection. */
  waitForConnection(timeoutMs: number, fresh?: boolean): Promise<{ endpoint: OcppEndpoint; session: LiveSession }>;
  setHandler(handler: CallHandler): void;
  /** Number of connections made so far (a reconnect increments it). */
  readonly connections: number;
  close(): Promise<void>;
}

abstract class BaseLink implements Link {
  protected conn: { endpoint: OcppEndpoint; session: LiveSession; opening?: OpeningFacts } | undefined;
  protected handler: CallHandler = () => ({ error: { code: 'NotSupported', description: 'no case is running' } });
  private waiters: Array<(c: { endpoint: OcppEndpoint; session: LiveSession }) => void> = [];
  connections = 0;

  constructor(
    readonly version: OcppVersion,
    protected readonly recorder: LiveRecorder,
  ) {}

  current(): { endpoint: OcppEndpoint; session: LiveSession; opening?: OpeningFacts } | undefined {
    return this.conn !== undefined && this.conn.endpoint.isOpen ? this.conn : undefined;
  }

  setHandler(handler: CallHandler): void {
    this.handler = handler;
  }

  waitForConnection(timeoutMs: number, fresh = false): Promise<{ endpoint: OcppEndpoint; session: LiveSession }> {
    const now = this.current();
    if (now !== undefined && !fresh) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new ApiError('unreachable', `No connection from the system under test within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const done = (c: { endpoint: OcppEndpoint; session: LiveSession }) => {
        clearTimeout(timer);
        resolve(c);
      };
      this.waiters.push(done);
    });
  }

  protected adopt(endpoint: OcppEndpoint, session: LiveSession, opening?: OpeningFacts): void {
    const previous = this.conn;
    this.conn = { endpoint, session, ...(opening !== undefined ? { opening } : {}) };
    this.connections++;
    endpoint.onClose((code, reason) => {
      session.close(this.closedBy(), code === 1006 ? 'abrupt' : 'clean', { code, reason });
      if (this.conn?.endpoint === endpoint) this.conn = undefined;
    });
    if (previous !== undefined && previous.endpoint !== endpoint) previous.endpoint.close(1000, 'replaced by a new connection');
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(this.conn);
  }

  protected endpointFor(ws: ConstructorParameters<typeof OcppEndpoint>[0]['ws'], side: 'csms' | 'charger', session: LiveSession): OcppEndpoint {
    return new OcppEndpoint({
      ws,
      version: this.version,
      side,
      session,
      onCall: (call) => this.handler(call, session),
    });
  }

  protected abstract closedBy(): 'charger' | 'csms';

  abstract close(): Promise<void>;
}

/** The bench plays the CSMS: listens for the charger under test. */
export class ListenerLink extends BaseLink {
  private listener: ChargerListener<null> | undefined;
  url = '';
  /** What the bench accepts now; a case may change it (a new password, a higher security profile). */
  private accepting: AcceptedSecurity;
  private readonly openingLog: OpeningFacts[] = [];
  private readonly openingOf = new WeakMap<OpeningRequest, OpeningFacts>();
  /** ClientHellos by remote address, for handshakes that fail before any opening request. */
  private readonly hellos = new Map<string, ClientHello>();

  constructor(
    version: OcppVersion,
    recorder: LiveRecorder,
    private readonly settings: SutSettings,
    private readonly listen: { host: string; port: number },
    /** TLS for the listener (the run's security material); default: the settings' PEM files. */
    private readonly tls?: TlsServerOptions,
  ) {
    super(version, recorder);
    this.accepting = this.configured();
  }

  private configured(): AcceptedSecurity {
    return { profile: this.settings.securityProfile, ...(this.settings.password !== undefined ? { password: this.settings.password } : {}) };
  }

  /** From now on accept the charger with this security profile and/or password (OCTT TC_073_CS, TC_083_CS). */
  accept(change: Partial<AcceptedSecurity>): void {
    this.accepting = { ...this.accepting, ...change };
  }

  /** What the bench accepts now. */
  get accepted(): AcceptedSecurity {
    return { ...this.accepting };
  }

  /** Back to what the settings say (a fresh simulated charger starts from them). */
  resetAccepted(): void {
    this.accepting = this.configured();
  }

  /** Every opening request of the run so far (the latest 50), accepted or refused, oldest first. */
  get openings(): readonly OpeningFacts[] {
    return this.openingLog;
  }

  async start(): Promise<string> {
    const subprotocol = VERSIONS[this.version].subprotocol;
    const tls = this.settings.tls;
    const tlsOptions =
      this.tls ??
      (tls?.cert !== undefined && tls.key !== undefined
        ? { cert: readPem(tls.cert, 'tls.cert'), key: readPem(tls.key, 'tls.key'), ...(tls.clientCa !== undefined ? { clientCa: readPem(tls.clientCa, 'tls.clientCa') } : {}) }
        : undefined);
    this.listener = new ChargerListener<null>({
      host: this.listen.host,
      port: this.listen.port,
      ...(tlsOptions !== undefined ? { tls: tlsOptions } : {}),
      decide: (req) => {
        const decision = this.decide(req, subprotocol, tlsOptions);
        const facts: OpeningFacts = {
          at: Date.now(),
          accepted: decision.accept,
          ...(!decision.accept ? { refusal: `HTTP ${decision.status}: ${decision.reason}` } : {}),
          path: req.path,
          chargePointId: req.chargePointId,
          ...(req.credentials !== undefined ? { credentials: req.credentials } : {}),
          ...(req.tls !== undefined ? { tls: req.tls } : {}),
          ...(req.clientHello !== undefined ? { clientHello: req.clientHello } : {}),
        };
        const peer = req.tlsSocket?.getPeerX509Certificate();
        if (peer !== undefined) facts.peerCertificate = peer;
        this.remember(facts);
        this.openingOf.set(req, facts);
        return decision;
      },
      onClientHello: (hello, remote) => {
        if (hello === undefined) return;
        this.hellos.set(remote, hello);
        if (this.hellos.size > 20) this.hellos.delete(this.hellos.keys().next().value!);
      },
      // A TLS handshake that fails (the charger does not trust the bench, offers nothing it can use, …) never opens a request.
      onTlsError: ({ remoteAddress, reason }) => {
        const hello = this.hellos.get(remoteAddress);
        this.remember({ at: Date.now(), accepted: false, refusal: reason, path: '', chargePointId: '', ...(hello !== undefined ? { clientHello: hello } : {}) });
      },
      connected: (ws, req) => {
        const session = this.recorder.open({
          path: req.path,
          chargePointId: req.chargePointId,
          offeredSubprotocols: req.offeredSubprotocols,
          subprotocol,
          remoteAddress: req.remoteAddress,
          ...(req.tls !== undefined ? { tls: req.tls } : {}),
          ...(req.credentials !== undefined ? { authUser: req.credentials.user, authPassword: req.credentials.password } : {}),
        });
        this.adopt(this.endpointFor(ws, 'csms', session), session, this.openingOf.get(req));
      },
    });
    const { url } = await this.listener.start();
    // One port serves ws:// and wss:// (acceptPlain): show the one the charger's profile uses.
    this.url = tlsOptions?.acceptPlain === true ? url.replace(/^wss?:/, this.settings.securityProfile >= 2 ? 'wss:' : 'ws:') : url;
    return this.url;
  }

  private remember(facts: OpeningFacts): void {
    this.openingLog.push(facts);
    if (this.openingLog.length > 50) this.openingLog.shift();
  }

  /**
   * The security profile's rules (whitepaper ed. 3 §2.3–2.5), as far as the listener can see
   * them: profile 2 and 3 need TLS, profile 3 a client certificate the bench trusts, profiles
   * 1 and 2 the Basic-auth user (the charge point id) and password.
   */
  private decide(req: OpeningRequest, subprotocol: string, tls: TlsServerOptions | undefined): OpeningDecision<null> {
    if (req.chargePointId !== this.settings.chargePointId) {
      return { accept: false, status: 404, reason: `This run tests charge point "${this.settings.chargePointId}", not "${req.chargePointId}"` };
    }
    const { profile, password } = this.accepting;
    // Without TLS of its own (e.g. behind a TLS-terminating proxy) the bench cannot check the transport.
    if (tls !== undefined && profile >= 2 && req.tls === undefined) {
      return { accept: false, status: 403, reason: `Security profile ${profile} needs TLS (wss://)` };
    }
    if (tls?.clientCa !== undefined && profile === 3 && req.tls?.authorized !== true) {
      return { accept: false, status: 401, reason: `Security profile 3 needs a client certificate the bench trusts (${req.tls?.authorizationError ?? 'none presented'})` };
    }
    if (password !== undefined && (profile === 1 || profile === 2)) {
      const c = req.credentials;
      if (c === undefined) return { accept: false, status: 401, reason: 'No HTTP Basic credentials' };
      if (c.user !== this.settings.chargePointId) return { accept: false, status: 401, reason: `The HTTP Basic user "${c.user}" is not the charge point identity "${this.settings.chargePointId}"` };
      if (c.password !== password && c.passwordHex !== password.toLowerCase()) return { accept: false, status: 401, reason: 'Wrong HTTP Basic password' };
    }
    if (!req.offeredSubprotocols.includes(subprotocol)) {
      return { accept: false, status: 400, reason: `The charger must offer the ${subprotocol} subprotocol (offered: ${req.offeredSubprotocols.join(', ') || 'none'})` };
    }
    return { accept: true, subprotocol, context: null };
  }

  protected closedBy(): 'charger' {
    return 'charger';
  }

  async close(): Promise<void> {
    this.conn?.endpoint.close(1001, 'test run finished');
    await this.listener?.stop();
  }
}

/** The bench plays the charger: connects to the CSMS under test. */
export class ClientLink extends BaseLink {
  private credentials: ChargerCredentials = {};

  constructor(
    version: OcppVersion,
    recorder: LiveRecorder,
    private readonly settings: SutSettings,
    private readonly target: string,
    /** TLS material as PEM text (a simulated CSMS's); wins over the settings' files. */
    private readonly tls?: ChargerTls,
  ) {
    super(version, recorder);
  }

  /** From the next connection on, use these instead of the configured credentials (OCTT TC_073_CSMS, TC_074_CSMS). */
  useCredentials(change: ChargerCredentials): void {
    this.credentials = { ...this.credentials, ...change };
  }

  get url(): string {
    return `${this.target.replace(/\/+$/, '')}/${encodeURIComponent(this.settings.chargePointId)}`;
  }

  /** The TLS material the next connection uses (PEM text): CA to trust, client certificate and key. */
  tlsMaterial(): ChargerTls {
    const files = this.settings.tls;
    const ca = this.tls?.ca ?? (files?.ca !== undefined ? readPem(files.ca, 'tls.ca') : undefined);
    const cert = this.credentials.cert ?? this.tls?.cert ?? (files?.cert !== undefined ? readPem(files.cert, 'tls.cert') : undefined);
    const key = this.credentials.key ?? this.tls?.key ?? (files?.key !== undefined ? readPem(files.key, 'tls.key') : undefined);
    return { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}) };
  }

  async connect(timeoutMs: number): Promise<{ endpoint: OcppEndpoint; session: LiveSession }> {
    const subprotocol = VERSIONS[this.version].subprotocol;
    const headers: Record<string, string> = {};
    const password = this.credentials.password ?? this.settings.password;
    // Profile 3 authenticates with the client certificate only (whitepaper ed. 3 §2.5).
    if (password !== undefined && this.settings.securityProfile !== 3) headers['Authorization'] = basicAuthHeader(this.settings.chargePointId, password);
    const { ca, cert, key } = this.tlsMaterial();
    let connected;
    try {
      connected = await connect(this.url, {
        subprotocols: [subprotocol],
        headers,
        timeoutMs,
        ...(ca !== undefined || cert !== undefined || key !== undefined
          ? { tls: { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}) } }
          : {}),
      });
    } catch (err) {
      if (err instanceof ConnectRefusal) throw new ApiError('unreachable', err.message);
      throw err;
    }
    if (connected.subprotocol !== subprotocol) {
      connected.ws.close(1002, 'wrong subprotocol');
      throw new ApiError('unreachable', `The CSMS chose subprotocol "${connected.subprotocol}", not ${subprotocol}`);
    }
    const url = new URL(this.url);
    const session = this.recorder.open({
      path: url.pathname,
      chargePointId: this.settings.chargePointId,
      offeredSubprotocols: [subprotocol],
      subprotocol,
      upstreamUrl: this.url,
      ...(connected.tls !== undefined ? { tls: connected.tls } : {}),
    });
    const endpoint = this.endpointFor(connected.ws, 'charger', session);
    this.adopt(endpoint, session);
    return { endpoint, session };
  }

  disconnect(): void {
    this.conn?.endpoint.close(1000, 'charger disconnects');
  }

  protected closedBy(): 'csms' {
    return 'csms';
  }

  async close(): Promise<void> {
    this.conn?.endpoint.close(1000, 'test run finished');
  }
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ApiError('io', `Cannot read ${what} file ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}
