// What the window holds: an ApiClient (api/client.ts) plus the state of its transport, so
// the UI can say "reconnecting…". IPC, WebSocket and the in-memory fake all look like this;
// nothing else about the transport is visible to views or stores.
import type { ApiClient } from '../../api/client';

export type ConnectionState =
  /** The first connection is being made; calls wait for it. */
  | 'connecting'
  | 'open'
  /** The connection dropped; calls made now wait for the next one (the UI should resync when it opens). */
  | 'reconnecting'
  /** Closed for good (the client was closed). */
  | 'closed';

export type Transport = 'ipc' | 'websocket' | 'memory';

export interface UiClient extends ApiClient {
  readonly transport: Transport;
  connection(): ConnectionState;
  /** Listens to connection changes; returns the unsubscribe function. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
