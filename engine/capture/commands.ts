// Handlers of the capture commands (api/capture.ts).
import type { CaptureCommands } from '../../api/capture';
import type { EngineContext } from '../engine';
import { optionalString, optionalVersion, requireString, type HandlerMap } from '../handlers';
import { exportCapture } from './export';

export function captureCommands(_ctx: EngineContext): HandlerMap<CaptureCommands> {
  return {
    'capture.export': (args) => {
      const path = requireString(args, 'path');
      const out = requireString(args, 'out');
      const filter = optionalString(args, 'filter');
      const session = optionalString(args, 'session');
      const version = optionalVersion(args);
      return exportCapture(path, out, {
        ...(filter !== undefined ? { filter } : {}),
        ...(session !== undefined && session !== '' ? { sessions: [session] } : {}),
        ...(version !== undefined ? { version } : {}),
      });
    },
  };
}
