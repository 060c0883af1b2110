// A scripted ApiClient for store and component tests: each test says how the commands it
// needs answer, sees every call made, and pushes events by hand. A command nobody scripted
// rejects as the engine would, so a test cannot pass by accident.
import type { ApiClient } from '../../../api/client';
import type { CommandArgs, CommandName, CommandResult } from '../../../api/commands';
import { ApiError } from '../../../api/errors';
import type { EventName, EventPayload } from '../../../api/events';

export type Script = {
  [K in CommandName]?: (args: CommandArgs<K>) => CommandResult<K> | Promise<CommandResult<K>>;
};

export interface Call {
  name: CommandName;
  args: unknown;
}

export interface ScriptedClient extends ApiClient {
  calls: Call[];
  callsTo(name: CommandName): unknown[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Adds or replaces command handlers. */
  script(more: Script): void;
}

type Listener = (payload: never) => void;

export function scriptedClient(initial: Script = {}): ScriptedClient {
  const handlers: Script = { ...initial };
  const listeners = new Map<EventName, Set<Listener>>();
  const calls: Call[] = [];
  return {
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    async call(name, args) {
      calls.push({ name, args });
      const handler = handlers[name] as ((a: typeof args) => unknown) | undefined;
      if (handler === undefined) throw new ApiError('unknown-command', `The test did not script "${name}"`);
      return (await handler(args)) as CommandResult<typeof name>;
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    script(more) {
      Object.assign(handlers, more);
    },
  };
}
