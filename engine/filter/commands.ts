// Handlers of the filter commands (api/filter.ts).
import type { FilterCommands } from '../../api/filter';
import type { EngineContext } from '../engine';
import { requireString, optionalString, type HandlerMap } from '../handlers';
import { compileFilter } from './compile';
import { filterHelpData } from './help';

export function filterCommands(_ctx: EngineContext): HandlerMap<FilterCommands> {
  return {
    'filter.help': () => filterHelpData(),
    'filter.check': (args) => {
      // An empty expression is valid (it matches everything), so check the type only.
      const expression = optionalString(args, 'expression');
      if (expression === undefined) requireString(args, 'expression');
      compileFilter(expression ?? '');
      return { ok: true as const };
    },
  };
}
