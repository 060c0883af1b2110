// `ocpp-bench export FILE -o OUT [--filter EXPR] [--session ID]…`: writes a new capture with
// the matching frames of FILE, byte for byte, and the records of their sessions.
import type { Command } from 'commander';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import { exportCapture } from '../../engine/capture/export';
import { CaptureReadError } from '../../engine/capture/reader';
import { describeFilterError, FILTER_HELP_EPILOGUE, FILTER_OPTION_HELP } from '../filter-usage';
import { exitCodes, parseVersionOption } from '../usage';

interface ExportOptions {
  out: string;
  filter?: string;
  session: string[];
  version?: OcppVersion;
  json?: boolean;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Write a new capture with the frames of FILE that match a filter and/or belong to chosen sessions, with their sessions\' open, close, event and note records.')
    .argument('<file>', 'capture file (.jsonl) to read')
    .requiredOption('-o, --out <file>', 'capture file to write (replaced if it exists)')
    .option('--filter <expression>', `keep ${FILTER_OPTION_HELP}`)
    .option('--session <id>', 'keep only this session (connection id); repeat for more', (id: string, ids: string[]) => [...ids, id], [])
    .option('--version <version>', 'judge every session as this OCPP version (1.6, 2.0.1, 2.1) for the filter', parseVersionOption)
    .option('--json', 'print the result as data')
    .addHelpText('after', FILTER_HELP_EPILOGUE)
    .action(async (file: string, opts: ExportOptions) => {
      try {
        const result = await exportCapture(file, opts.out, {
          ...(opts.filter !== undefined ? { filter: opts.filter } : {}),
          ...(opts.session.length > 0 ? { sessions: opts.session } : {}),
          ...(opts.version !== undefined ? { version: opts.version } : {}),
        });
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        if (opts.json === true) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        } else {
          const what = [opts.filter !== undefined && opts.filter.trim() !== '' ? `matching "${opts.filter.trim()}"` : '', opts.session.length > 0 ? `of session ${opts.session.join(', ')}` : '']
            .filter((s) => s !== '')
            .join(' ');
          process.stdout.write(`${file} → ${result.out}: ${result.frames} frames${what === '' ? '' : ` ${what}`} in ${result.sessions} sessions\n`);
          if (result.frames === 0) process.stdout.write('No frame matched: the new capture holds no frames.\n');
        }
        process.exitCode = exitCodes.ok;
      } catch (err) {
        const filterError = describeFilterError('export', opts.filter ?? '', err);
        if (filterError !== undefined) {
          process.stderr.write(filterError);
        } else if (err instanceof CaptureReadError || err instanceof ApiError) {
          process.stderr.write(`ocpp-bench export: ${err.message}\n`);
        } else {
          throw err;
        }
        process.exitCode = exitCodes.usage;
      }
    });
}
