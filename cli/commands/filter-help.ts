// `ocpp-bench filter-help`: the filter language's fields, comparisons and operators,
// generated from the engine's own lists (engine/filter/help.ts).
import type { Command } from 'commander';
import { filterHelp } from '../../engine/filter/help';

export function registerFilterHelp(program: Command): void {
  program
    .command('filter-help')
    .description('Explain the filter language used by --filter (validate, export) and the frame table.')
    .action(() => {
      process.stdout.write(filterHelp());
    });
}
