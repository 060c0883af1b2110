// The client in a browser: the api over `ocpp-bench serve`'s WebSocket (api/transport.ts).
// Calls made before the socket opens wait for it; calls in flight when it drops are
// rejected with an ApiError ('unreachable'); it reconnects with backoff and re-sends its
// event subscriptions, so listeners survive a reconnect.
import type { CommandArgs, CommandName, CommandResult } from '../../api/commands';
import { ApiError } from '../../api/errors';
import type { EventName, EventPayload } from '../../api/events';
import type { ClientMessage, HostMessage } from '../../api/transport';
import type { ConnectionState, UiClient } from './ui-client';

/** The part of the DOM WebSocket this client uses (the `ws` package's matches it too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface WsClientOptions {
  /** The api endpoint, token included (`ws://127.0.0.1:PORT/api?token=…`). */
  url: string;
  /** Makes a socket; the browser's WebSocket by default. */
  socket?: (url: string) => SocketLike;
  /** Reconnect delays: from `minMs`, doubling up to `maxMs`. */
  reconnect?: { minMs: number; maxMs: number };
  /** Where listener errors go (they must not break the other listeners); console.error by default. */
  onListenerError?: (err: unknown, event: string) => void;
}

const OPEN = 1;

interface Pending {
  name: string;
  resolve(value: unknown): void;
  reject(err: ApiError): void;
}

type Listener = (payload: unknown) => void;

export function createWsClient(options: WsClientOptions): UiClient {
  const makeSocket = options.socket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const minDelay = options.reconnect?.minMs ?? 250;
  const maxDelay = options.reconnect?.maxMs ?? 5000;
  const reportListenerError = options.onListenerError ?? ((err: unknown, event: string) => console.error(`Listener of ${event} failed`, err));

  let state: ConnectionState = 'connecting';
  let socket: SocketLike | undefined;
  let nextId = 1;
  let delay = minDelay;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sent and not yet answered. */
  const inFlight = new Map<number, Pending>();
  /** Waiting for the socket to open. */
  let outbox: Array<{ message: ClientMessage; pending?: Pending }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  /** The subscription set the host has (or will have once the queued message goes out). */
  let announced = '';

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    for (const listener of [...connectionListeners]) listener(next);
  }

  function connect(): void {
    let opened = false;
    const s = makeSocket(options.url);
    socket = s;
    s.onopen = () => {
      opened = true;
      delay = minDelay;
      setState('open');
      // Subscriptions first, so no event of a queued command is missed; the current set
      // supersedes any subscription message queued while the socket was down.
      const queued = outbox.filter((entry) => !('subscriptions' in entry.message));
      outbox = [];
      announced = '';
      syncSubscriptions();
      for (const { message, pending } of queued) transmit(message, pending);
    };
    s.onmessage = (event) => receive(event.data);
    s.onerror = () => undefined; // onclose follows and says what happens next.
    s.onclose = () => {
      if (socket !== s) return;
      socket = undefined;
      failInFlight('The connection to the engine was lost');
      if (!opened) {
        // A failed attempt: calls waiting for a socket are told now rather than hang.
        for (const { pending } of outbox) pending?.reject(new ApiError('unreachable', `Cannot reach the engine to run ${pending.name}`));
        outbox = outbox.filter((entry) => entry.pending === undefined);
      }
      if (state === 'closed') return;
      setState('reconnecting');
      reconnectTimer = setTimeout(() => {
        reconnectTimer = undefined;
        connect();
      }, delay);
      delay = Math.min(maxDelay, delay * 2);
    };
  }

  function failInFlight(why: string): void {
    const pending = [...inFlight.values()];
    inFlight.clear();
    for (const p of pending) p.reject(new ApiError('unreachable', `${why} while running ${p.name}`));
  }

  function transmit(message: ClientMessage, pending?: Pending): void {
    if (socket === undefined || socket.readyState !== OPEN) {
      outbox.push(pending !== undefined ? { message, pending } : { message });
      return;
    }
    if (pending !== undefined) inFlight.set(message.id, pending);
    socket.send(JSON.stringify(message));
  }

  function receive(data: unknown): void {
    let message: HostMessage;
    try {
      message = JSON.parse(String(data)) as HostMessage;
    } catch {
      console.error('The engine sent a message that is not JSON', data);
      return;
    }
    if ('events' in message) {
      for (const { event, payload } of message.events) {
        for (const listener of [...(listeners.get(event) ?? [])]) {
          try {
            listener(payload);
          } catch (err) {
            reportListenerError(err, event);
          }
        }
      }
      return;
    }
    if (message.id === null) {
      if (!message.ok) console.error('The engine refused a message', message.error);
      return;
    }
    const pending = inFlight.get(message.id);
    if (pending === undefined) return;
    inFlight.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(ApiError.fromData(message.error));
  }

  function syncSubscriptions(): void {
    const names = [...listeners.keys()].sort();
    const key = names.join('\n');
    if (key === announced) return;
    announced = key;
    // The reply only confirms; a refusal would be a defect in this client, so it is logged.
    const pending: Pending = {
      name: 'subscriptions',
      resolve: () => undefined,
      reject: (err) => {
        if (err.code !== 'unreachable') console.error('The engine refused the subscriptions', err);
      },
    };
    transmit({ id: nextId++, subscriptions: names }, pending);
  }

  connect();

  return {
    transport: 'websocket',
    call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
      if (state === 'closed') return Promise.reject(new ApiError('unreachable', `The client is closed: cannot run ${name}`));
      return new Promise<CommandResult<K>>((resolve, reject) => {
        transmit({ id: nextId++, name, args }, { name, resolve: resolve as (v: unknown) => void, reject });
      });
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      const l = listener as Listener;
      set.add(l);
      syncSubscriptions();
      return () => {
        const current = listeners.get(name);
        if (current === undefined || !current.delete(l)) return;
        if (current.size === 0) listeners.delete(name);
        if (state !== 'closed') syncSubscriptions();
      };
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      if (state === 'closed') return;
      setState('closed');
      if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
      const s = socket;
      socket = undefined;
      failInFlight('The client was closed');
      for (const { pending } of outbox) pending?.reject(new ApiError('unreachable', `The client was closed before running ${pending.name}`));
      outbox = [];
      s?.close(1000, 'closed by the page');
    },
  };
}
