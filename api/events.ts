// The event map: batched pushes from the engine to every front end.
import type { ConformanceEvents } from './conformance';
import type { CsmsEvents } from './csms';
import type { EngineEvents } from './engine';
import type { HostEvents } from './host';
import type { JudgeEvents } from './judge';
import type { ProxyEvents } from './proxy';
import type { ReplayEvents } from './replay';
import type { SimEvents } from './sim';

export interface Events extends EngineEvents, HostEvents, ConformanceEvents, CsmsEvents, ProxyEvents, SimEvents, JudgeEvents, ReplayEvents {}

export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];
