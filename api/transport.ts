// The wire shape every remote transport carries (Electron IPC and the browser's WebSocket):
// generic over the command and event maps, so adding a command never touches a transport.
import type { ApiErrorData } from './errors';

/** Front end → host: run a command. */
export interface CallMessage {
  id: number;
  name: string;
  args: unknown;
}

/**
 * Front end → host: the complete set of event names this front end listens to. Sent again
 * whenever the set changes (and after a reconnect); the host forwards only these.
 */
export interface SubscribeMessage {
  id: number;
  subscriptions: string[];
}

export type ClientMessage = CallMessage | SubscribeMessage;

/** Host → front end: the answer to one ClientMessage; errors are data, never thrown. */
export type ReplyMessage =
  | { id: number | null; ok: true; result: unknown }
  | { id: number | null; ok: false; error: ApiErrorData };

export interface EventMessage {
  event: string;
  payload: unknown;
}

/** Host → front end: events, batched (one message per batch window, never one per frame). */
export interface EventBatchMessage {
  events: EventMessage[];
}

export type HostMessage = ReplyMessage | EventBatchMessage;

/** Electron's channels: one for every command (and subscriptions), one for events, one for OS helpers. */
export const IPC_API_CHANNEL = 'ocpp-bench:api';
export const IPC_EVENT_CHANNEL = 'ocpp-bench:events';
export const IPC_HOST_CHANNEL = 'ocpp-bench:host';

/** Browser mode: the WebSocket endpoint's path and the query parameter carrying the access token. */
export const WS_API_PATH = '/api';
export const TOKEN_PARAM = 'token';

export function isReplyMessage(message: HostMessage): message is ReplyMessage {
  return 'ok' in message;
}
