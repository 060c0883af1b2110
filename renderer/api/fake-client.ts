// An in-memory api client for component and store tests: each test says how the commands
// it needs answer, sees every call, pushes events and flips the connection by hand. A
// command the test did not script rejects like the engine's unknown command, so a test
// cannot pass by accident. Results and payloads are cloned, as a real transport would.
import type { CommandArgs, CommandName, CommandResult } from '../../api/commands';
import { ApiError } from '../../api/errors';
import type { EventName, EventPayload } from '../../api/events';
import type { ConnectionState, UiClient } from './ui-client';

export type FakeHandlers = {
  [K in CommandName]?: (args: CommandArgs<K>) => CommandResult<K> | Promise<CommandResult<K>>;
};

export interface FakeCall {
  name: CommandName;
  args: unknown;
}

export interface FakeClient extends UiClient {
  readonly calls: FakeCall[];
  /** The arguments of every call to one command, in order. */
  callsTo<K extends CommandName>(name: K): Array<CommandArgs<K>>;
  /** Adds or replaces handlers. */
  handle(more: FakeHandlers): void;
  /** Delivers an event to its listeners now. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** How many listeners an event has (tests of unsubscribing). */
  listenerCount(name: EventName): number;
  setConnection(state: ConnectionState): void;
}

type Listener = (payload: unknown) => void;

export function createFakeClient(initial: FakeHandlers = {}): FakeClient {
  const handlers: FakeHandlers = { ...initial };
  const listeners = new Map<string, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const calls: FakeCall[] = [];
  let state: ConnectionState = 'open';

  return {
    transport: 'memory',
    calls,
    callsTo: <K extends CommandName>(name: K) => calls.filter((c) => c.name === name).map((c) => c.args as CommandArgs<K>),
    async call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
      calls.push({ name, args: clone(args) });
      if (state === 'closed') throw new ApiError('unreachable', `The client is closed: cannot run ${name}`);
      const handler = handlers[name] as ((a: CommandArgs<K>) => CommandResult<K> | Promise<CommandResult<K>>) | undefined;
      if (handler === undefined) throw new ApiError('unknown-command', `The test did not script "${name}"`);
      try {
        return clone(await handler(clone(args)));
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('internal', err instanceof Error ? err.message : String(err));
      }
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    handle(more) {
      Object.assign(handlers, more);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(clone(payload));
    },
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    setConnection(next) {
      state = next;
      for (const listener of [...connectionListeners]) listener(next);
    },
    close() {
      this.setConnection('closed');
    },
  };
}

/** Plain JSON crosses every real transport; so it does here (catches Dates, classes, undefined). */
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
