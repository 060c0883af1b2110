import type { EventName, EventPayload } from '../api/events';
type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
export declare class EventBus {
    private readonly listeners;
    on<E extends EventName>(name: E, listener: Listener<E>): () => void;
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
    /** Shorthand for the alert every front end shows. */
    alert(severity: 'error' | 'warning' | 'info', source: string, message: string): void;
}
export {};
