// The event map: batched pushes from the engine to every front end.
import type { EngineEvents } from './engine';

export interface Events extends EngineEvents {}

export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];
