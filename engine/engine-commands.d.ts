import type { EngineCommands } from '../api/engine';
import type { EngineContext } from './engine';
import { type HandlerMap } from './handlers';
export declare function engineCommands(ctx: EngineContext): HandlerMap<EngineCommands>;
