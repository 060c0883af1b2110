// The `ocpp-bench` program: a thin shell over the engine. Each subcommand lives in
// cli/commands/ and registers itself here.
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../engine/version';
import { registerValidate } from './commands/validate';
import { registerCsms } from './commands/csms';
import { registerExport } from './commands/export';
import { registerFilterHelp } from './commands/filter-help';
import { registerServe } from './commands/serve';
import { registerProxy } from './commands/proxy';
import { registerCases } from './commands/cases';
import { registerRun } from './commands/run';
import { registerSim } from './commands/sim';
import { registerReplay } from './commands/replay';
import { registerDiff } from './commands/diff';
import { registerImport } from './commands/import';
import { registerRules } from './commands/rules';
import { UsageError, exitCodes } from './usage';

export function buildProgram(): Command {
  const program = new Command('ocpp-bench')
    .description('OCPP protocol inspector and conformance test bench: proxy, CSMS, charger simulator, validator, conformance runner.')
    .version(TOOL_VERSION)
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride();
  registerValidate(program);
  registerCsms(program);
  registerExport(program);
  registerFilterHelp(program);
  registerServe(program);
  registerProxy(program);
  registerCases(program);
  registerRun(program);
  registerSim(program);
  registerReplay(program);
  registerDiff(program);
  registerImport(program);
  registerRules(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; anything else is a usage error.
      return err.exitCode === 0 ? 0 : exitCodes.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`ocpp-bench: ${err.message}\n`);
      return exitCodes.usage;
    }
    process.stderr.write(`ocpp-bench: ${err instanceof Error ? err.message : String(err)}\n`);
    return exitCodes.usage;
  }
}
