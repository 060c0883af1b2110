// Handlers for the engine's own commands and its traffic store (api/engine.ts).
import type { EngineCommands } from '../api/engine';
import { OCPP_VERSIONS } from '../api/model';
import type { EngineContext } from './engine';
import { badArgs, optionalInt, optionalString, optionalVersion, requireInt, requireString, type HandlerMap } from './handlers';
import { validateCapture } from './judge/validate-capture';
import { openCapture } from './traffic/open-capture';
import { compileFrameFilter } from './filter/compile';
import { TOOL_NAME, TOOL_VERSION } from './version';

export function engineCommands(ctx: EngineContext): HandlerMap<EngineCommands> {
  return {
    'engine.info': () => ({ tool: TOOL_NAME, version: TOOL_VERSION, ocppVersions: [...OCPP_VERSIONS] }),
    'sessions.list': () => ctx.traffic.sessionList(),
    'frames.query': (args) => {
      const filter = optionalString(args, 'filter')?.trim();
      const session = optionalString(args, 'session');
      const offset = optionalInt(args, 'offset', 0, Number.MAX_SAFE_INTEGER);
      const limit = optionalInt(args, 'limit', 0, 10_000);
      const predicate = filter === undefined || filter === '' ? undefined : compileFrameFilter(filter, ctx.traffic);
      return ctx.traffic.query({
        ...(session !== undefined ? { session } : {}),
        ...(predicate !== undefined ? { predicate, key: filter } : {}),
        ...(offset !== undefined ? { offset } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
    },
    'frames.detail': (args) => ctx.traffic.detail(requireInt(args, 'index', 0, Number.MAX_SAFE_INTEGER)),
    'traffic.clear': () => ({ cleared: ctx.traffic.clear('cleared by the user') }),
    'capture.open': (args) => {
      const path = requireString(args, 'path');
      const version = optionalVersion(args);
      return openCapture(ctx.traffic, path, { clock: ctx.clock, ...(version !== undefined ? { version } : {}) });
    },
    'capture.validate': (args) => {
      const path = requireString(args, 'path');
      const version = optionalVersion(args);
      if (version === undefined && (args as { version?: unknown }).version !== undefined) throw badArgs('bad version');
      const filter = optionalString(args, 'filter');
      return validateCapture(path, { judging: ctx.traffic.judging, ...(version !== undefined ? { version } : {}), ...(filter !== undefined ? { filter } : {}) });
    },
  };
}
