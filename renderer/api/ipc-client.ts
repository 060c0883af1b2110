// The client inside Electron: the preload's bridge (api/host.ts) carries every command over
// one IPC channel and answers with data; this turns error data back into ApiErrors.
import type { CommandArgs, CommandName, CommandResult } from '../../api/commands';
import { ApiError } from '../../api/errors';
import type { EventName, EventPayload } from '../../api/events';
import type { HostBridge } from '../../api/host';
import type { UiClient } from './ui-client';

export function createIpcClient(bridge: Pick<HostBridge, 'call' | 'on'>): UiClient {
  let closed = false;
  return {
    transport: 'ipc',
    async call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
      if (closed) throw new ApiError('unreachable', `The client is closed: cannot run ${name}`);
      const reply = await bridge.call(name, args);
      if (reply.ok) return reply.result as CommandResult<K>;
      throw ApiError.fromData(reply.error);
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(name, listener as (payload: unknown) => void);
    },
    // IPC to our own main process does not drop; the window lives and dies with it.
    connection: () => (closed ? 'closed' : 'open'),
    onConnection: () => () => undefined,
    close: () => {
      closed = true;
    },
  };
}
