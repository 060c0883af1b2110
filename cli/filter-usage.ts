// How the subcommands that take `--filter` report a wrong expression: the engine's message
// ("Filter error at 14: …") and the expression with a caret under the place.
import { filterErrorDetails } from '../engine/filter/errors';

export const FILTER_OPTION_HELP = 'only frames matching this filter expression (see `ocpp-bench filter-help`)';

export const FILTER_HELP_EPILOGUE = '\nFilter expressions, e.g. --filter \'action:MeterValues from:charger has:error\': see `ocpp-bench filter-help`.\n';

/** The lines to print for a filter error, or undefined when `err` is not one. */
export function describeFilterError(command: string, expression: string, err: unknown): string | undefined {
  const details = filterErrorDetails(err);
  if (details === undefined) return undefined;
  // Tabs and newlines would shift the caret: show them as spaces.
  const shown = expression.replace(/\s/g, ' ');
  const marker = `${' '.repeat(details.position)}${'^'.repeat(Math.max(1, details.length))}`;
  return `ocpp-bench ${command}: ${(err as Error).message}\n  ${shown}\n  ${marker}\n`;
}
