import type { ApiClient } from '../api/client';
import type { CommandArgs, CommandName, CommandResult } from '../api/commands';
import { ApiError } from '../api/errors';
import type { EventName, EventPayload } from '../api/events';
import { EventBus } from './events';
import type { Handler } from './handlers';
import { TrafficStore } from './traffic/store';
import { type Clock } from './util/clock';
export interface EngineOptions {
    clock?: Clock;
    /** Milliseconds between batched traffic events. */
    eventBatchMs?: number;
}
/** What each domain's command factory receives. */
export interface EngineContext {
    bus: EventBus;
    traffic: TrafficStore;
    clock: Clock;
    /** Registers cleanup to run when the engine closes (stop proxies, close captures…). */
    onClose(fn: () => Promise<void> | void): void;
}
export declare class Engine implements ApiClient {
    readonly bus: EventBus;
    readonly traffic: TrafficStore;
    readonly context: EngineContext;
    private readonly handlers;
    private readonly closers;
    private closed;
    constructor(options?: EngineOptions);
    /** Adds a domain's handlers; each command name may be registered once. */
    register(handlers: Partial<{
        [K in CommandName]: Handler<K>;
    }>): void;
    commandNames(): string[];
    call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>>;
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
    close(): Promise<void>;
}
export declare function toApiError(err: unknown): ApiError;
export declare function createEngine(options?: EngineOptions): Engine;
