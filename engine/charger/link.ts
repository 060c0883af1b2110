// The seam between the simulated charger and the wire. The charger's core talks to a Link
// (one open OCPP-J connection: an OcppEndpoint in practice) obtained from a Transport (a
// WebSocket client in practice, an in-memory pair in tests). Everything above this seam
// is protocol logic; everything below it is sockets.
import type { CallAnswer, CallOptions, CallOutcome, IncomingCall } from '../rpc/endpoint';

export interface Link {
  readonly isOpen: boolean;
  call(action: string, payload: Record<string, unknown>, options?: CallOptions): Promise<CallOutcome>;
  /** Sends text exactly as given (faulty behaviours). */
  sendRaw(text: string): void;
  close(code?: number, reason?: string): void;
  /** Drops the connection without a close frame. */
  terminate(): void;
  onClose(listener: (code: number, reason: string) => void): () => void;
}

export interface LinkHandlers {
  /** A CALL from the CSMS. */
  onCall(call: IncomingCall): Promise<CallAnswer> | CallAnswer;
}

/**
 * How the charger authenticates (1.6 security whitepaper ed. 3 §2; 2.0.1 Part 2 A00):
 * 0 = nothing, 1 = HTTP Basic over ws://, 2 = HTTP Basic over TLS, 3 = TLS client certificate.
 */
export type SecurityProfile = 0 | 1 | 2 | 3;

export interface ConnectionSecurity {
  profile: SecurityProfile;
  /** HTTP Basic password (profiles 1 and 2). */
  password?: string | Buffer;
  /** PEM: CA to trust for the CSMS certificate; client certificate and key (profile 3). */
  ca?: string;
  cert?: string;
  key?: string;
  /** Accept any server certificate (testing only). */
  insecure?: boolean;
  /** HTTP Basic user name; default the charge point identity (A00.FR.204). */
  user?: string;
  /** TLS cipher list (OpenSSL names) and highest version to offer; default Node's. */
  ciphers?: string;
  maxTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export interface Transport {
  /** Where this transport connects, for logs. */
  readonly target: string;
  /**
   * Opens one connection. Rejects with a ConnectRefusal (engine/net/connect.ts) when the
   * CSMS cannot be reached or refuses.
   */
  open(handlers: LinkHandlers, security: ConnectionSecurity): Promise<Link>;
}
