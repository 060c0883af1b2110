// What every front end holds: the in-process engine, the IPC client in Electron, the
// WebSocket client in a browser and the fake in component tests all look like this.
import type { CommandArgs, CommandName, CommandResult } from './commands';
import type { EventName, EventPayload } from './events';

export interface ApiClient {
  /** Runs a command; rejects with an ApiError. */
  call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
