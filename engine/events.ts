// The engine's event bus: typed by the api's event map. Producers batch (the traffic
// store emits frames tens of times per second, not per frame).
import type { EventName, EventPayload } from '../api/events';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<never>>>();

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const set = this.listeners.get(name);
    if (set === undefined) return;
    for (const listener of set) {
      try {
        (listener as Listener<E>)(payload);
      } catch {
        // A failing front end must not break the engine or the other listeners.
      }
    }
  }

  /** Shorthand for the alert every front end shows. */
  alert(severity: 'error' | 'warning' | 'info', source: string, message: string): void {
    this.emit('engine.alert', { severity, source, message });
  }
}
