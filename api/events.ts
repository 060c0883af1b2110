// The event map: batched pushes from the engine to every front end.
import type { ConformanceEvents } from './conformance';
import type { EngineEvents } from './engine';
import type { HostEvents } from './host';

export interface Events extends EngineEvents, HostEvents, ConformanceEvents {}

export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];
