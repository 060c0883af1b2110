// The api as the window sees it: the engine's commands and events, plus the events the host
// itself raises (api/host.ts HostEvents: menu choices). One ApiClient, so the IPC binding
// stays generic.
import type { ApiClient } from '../api/client';
import type { CommandArgs, CommandName, CommandResult } from '../api/commands';
import type { EventName, EventPayload } from '../api/events';
import type { HostEvents } from '../api/host';

type HostEventName = keyof HostEvents;
type Listener = (payload: unknown) => void;

export class HostApi implements ApiClient {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly engine: ApiClient) {}

  call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
    return this.engine.call(name, args);
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!name.startsWith('host.')) return this.engine.on(name, listener);
    let set = this.listeners.get(name);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const l = listener as Listener;
    set.add(l);
    return () => set.delete(l);
  }

  emit<E extends HostEventName>(name: E, payload: HostEvents[E]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(payload);
  }
}
