// The bench's connection to the system under test during a run.
// - ListenerLink: the bench is the CSMS; the charger (SUT) connects to it, and may
//   reconnect (reset, power cycle, network loss) — each connection gets a fresh endpoint.
// - ClientLink: the bench is the charger; it connects to the CSMS (SUT) when a case asks.
// Both route incoming CALLs to one handler, so a case does not care which connection
// a message came over.
import { readFileSync } from 'node:fs';
import type { OcppVersion } from '../../api/model';
import { ApiError } from '../../api/errors';
import { ChargerListener } from '../net/listener';
import { connect, ConnectRefusal } from '../net/connect';
import { basicAuthHeader } from '../net/handshake';
import { OcppEndpoint, type CallAnswer, type IncomingCall } from '../rpc/endpoint';
import type { LiveRecorder, LiveSession } from '../traffic/recorder';
import { VERSIONS } from '../ocpp/versions';
import type { SutSettings } from './settings';

export type CallHandler = (call: IncomingCall, session: LiveSession) => Promise<CallAnswer> | CallAnswer;

export interface Link {
  readonly version: OcppVersion;
  /** The endpoint of the current connection, if connected. */
  current(): { endpoint: OcppEndpoint; session: LiveSession } | undefined;
  /** Resolves with the next (or current, when `fresh` is false) connection. */
  waitForConnection(timeoutMs: number, fresh?: boolean): Promise<{ endpoint: OcppEndpoint; session: LiveSession }>;
  setHandler(handler: CallHandler): void;
  /** Number of connections made so far (a reconnect increments it). */
  readonly connections: number;
  close(): Promise<void>;
}

abstract class BaseLink implements Link {
  protected conn: { endpoint: OcppEndpoint; session: LiveSession } | undefined;
  protected handler: CallHandler = () => ({ error: { code: 'NotSupported', description: 'no case is running' } });
  private waiters: Array<(c: { endpoint: OcppEndpoint; session: LiveSession }) => void> = [];
  connections = 0;

  constructor(
    readonly version: OcppVersion,
    protected readonly recorder: LiveRecorder,
  ) {}

  current(): { endpoint: OcppEndpoint; session: LiveSession } | undefined {
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

  protected adopt(endpoint: OcppEndpoint, session: LiveSession): void {
    const previous = this.conn;
    this.conn = { endpoint, session };
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

  constructor(
    version: OcppVersion,
    recorder: LiveRecorder,
    private readonly settings: SutSettings,
    private readonly listen: { host: string; port: number },
  ) {
    super(version, recorder);
  }

  async start(): Promise<string> {
    const subprotocol = VERSIONS[this.version].subprotocol;
    const tls = this.settings.tls;
    const tlsOptions =
      tls?.cert !== undefined && tls.key !== undefined
        ? { cert: readPem(tls.cert, 'tls.cert'), key: readPem(tls.key, 'tls.key'), ...(tls.clientCa !== undefined ? { clientCa: readPem(tls.clientCa, 'tls.clientCa') } : {}) }
        : undefined;
    this.listener = new ChargerListener<null>({
      host: this.listen.host,
      port: this.listen.port,
      ...(tlsOptions !== undefined ? { tls: tlsOptions } : {}),
      decide: (req) => {
        if (req.chargePointId !== this.settings.chargePointId) {
          return { accept: false, status: 404, reason: `This run tests charge point "${this.settings.chargePointId}", not "${req.chargePointId}"` };
        }
        if (this.settings.password !== undefined && this.settings.securityProfile >= 1) {
          const c = req.credentials;
          const ok = c !== undefined && c.user === this.settings.chargePointId && (c.password === this.settings.password || c.passwordHex === this.settings.password.toLowerCase());
          if (!ok) return { accept: false, status: 401, reason: 'Wrong or missing HTTP Basic credentials' };
        }
        if (!req.offeredSubprotocols.includes(subprotocol)) {
          return { accept: false, status: 400, reason: `The charger must offer the ${subprotocol} subprotocol (offered: ${req.offeredSubprotocols.join(', ') || 'none'})` };
        }
        return { accept: true, subprotocol, context: null };
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
        this.adopt(this.endpointFor(ws, 'csms', session), session);
      },
    });
    const { url } = await this.listener.start();
    this.url = url;
    return url;
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
  constructor(
    version: OcppVersion,
    recorder: LiveRecorder,
    private readonly settings: SutSettings,
    private readonly target: string,
  ) {
    super(version, recorder);
  }

  get url(): string {
    return `${this.target.replace(/\/+$/, '')}/${encodeURIComponent(this.settings.chargePointId)}`;
  }

  async connect(timeoutMs: number): Promise<{ endpoint: OcppEndpoint; session: LiveSession }> {
    const subprotocol = VERSIONS[this.version].subprotocol;
    const tls = this.settings.tls;
    const headers: Record<string, string> = {};
    if (this.settings.password !== undefined) headers['Authorization'] = basicAuthHeader(this.settings.chargePointId, this.settings.password);
    let connected;
    try {
      connected = await connect(this.url, {
        subprotocols: [subprotocol],
        headers,
        timeoutMs,
        ...(tls !== undefined
          ? {
              tls: {
                ...(tls.ca !== undefined ? { ca: readPem(tls.ca, 'tls.ca') } : {}),
                ...(tls.cert !== undefined ? { cert: readPem(tls.cert, 'tls.cert') } : {}),
                ...(tls.key !== undefined ? { key: readPem(tls.key, 'tls.key') } : {}),
              },
            }
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
