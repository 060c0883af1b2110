// `ocpp-bench import FILE -o OUT`: a browser HAR file or a packet capture (pcap, pcapng) into
// an ocpp-bench capture. Exit 0 when everything in it could be read, 1 when some stream
// could not (TLS, lost packets, compressed messages: named with their addresses), 2 on bad
// input.
import type { Command } from 'commander';
import { Option } from 'commander';
import { ApiError } from '../../api/errors';
import type { ImportArgs, ImportFormat, ImportResult } from '../../api/replay';
import { importCapture } from '../../engine/capture/import/import';
import { exitCodes } from '../usage';

interface ImportFlags {
  out: string;
  format?: ImportFormat;
  chargerSide?: 'client' | 'server';
  redact: boolean;
  json?: boolean;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Convert a browser HAR file (WebSocket messages) or a pcap/pcapng of unencrypted OCPP-J over WebSocket into a capture.')
    .argument('<file>', 'the .har, .pcap or .pcapng file')
    .requiredOption('-o, --out <file>', 'capture file to write (replaced if it exists)')
    .addOption(new Option('--format <format>', 'the input format (default: from its contents)').choices(['har', 'pcap', 'pcapng']))
    .addOption(new Option('--charger-side <side>', 'HAR only: which end of the browser\'s WebSocket is the charger (default client: the page\'s sent messages go charger → CSMS)').choices(['client', 'server']))
    .option('--no-redact', 'keep HTTP Basic passwords (redacted by default)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nIn packet captures the TCP client is the charger (it opens the WebSocket). Exit codes: 0 when everything was read,\n1 when a stream could not be read (TLS, lost packets, compressed messages), 2 on bad arguments or a file that is none of these.')
    .action(async (file: string, flags: ImportFlags) => {
      const args: ImportArgs = { path: file, out: flags.out };
      if (flags.format !== undefined) args.format = flags.format;
      if (flags.chargerSide !== undefined) args.chargerSide = flags.chargerSide;
      if (!flags.redact) args.keepCredentials = true;
      let result: ImportResult;
      try {
        result = await importCapture(args);
      } catch (err) {
        if (err instanceof ApiError && (err.code === 'bad-args' || err.code === 'io')) {
          process.stderr.write(`ocpp-bench import: ${err.message}\n`);
          process.exitCode = exitCodes.usage;
          return;
        }
        throw err;
      }
      if (flags.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        for (const p of result.problems) process.stderr.write(`${p.severity}: ${p.stream}: ${p.message}\n`);
        process.stdout.write(`${file} (${result.format}) → ${result.out}: ${result.connections} connection${result.connections === 1 ? '' : 's'}, ${result.frames} frames from ${result.read} ${result.format === 'har' ? 'entries' : 'packets'}\n`);
        if (result.connections === 0) process.stdout.write('No WebSocket connection could be read: the capture holds no session.\n');
      }
      process.exitCode = result.problems.some((p) => p.severity === 'error') ? exitCodes.failed : exitCodes.ok;
    });
}
