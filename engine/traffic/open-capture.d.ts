import type { CaptureOpened } from '../../api/engine';
import type { OcppVersion } from '../../api/model';
import { type Clock } from '../util/clock';
import type { TrafficStore } from './store';
export declare function openCapture(store: TrafficStore, path: string, options?: {
    version?: OcppVersion;
    clock?: Clock;
}): Promise<CaptureOpened>;
