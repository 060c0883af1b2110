// `ocpp-bench serve`: the desktop UI in a browser. The engine runs in this process; the
// page talks to it over a WebSocket on loopback, guarded by a random token in the URL and
// an Origin check (DESIGN "Layers").
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowser } from '../serve/open-browser';
import { defaultDataDir, defaultRendererDir } from '../serve/paths';
import { startServe } from '../serve/server';
import { createCliEngine } from '../engine';
import { UsageError } from '../usage';

interface ServeFlags {
  port: number;
  host: string;
  open?: boolean;
  dataDir?: string;
  json?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the UI to a browser on this machine (WebSocket api on loopback, token in the URL).')
    .option('--port <port>', 'TCP port (0: any free port)', parsePort, 0)
    .option('--host <address>', 'address to bind; anything but loopback exposes the bench to your network', '127.0.0.1')
    .option('--open', 'open the URL in the default browser')
    .option('--data-dir <dir>', 'where the engine keeps its files (default: the per-user data folder)')
    .option('--json', 'print the address as one JSON line (for scripts)')
    .action(async (flags: ServeFlags) => {
      const dataDir = resolve(flags.dataDir ?? defaultDataDir());
      try {
        mkdirSync(dataDir, { recursive: true });
      } catch (err) {
        throw new UsageError(`cannot create the data folder ${dataDir}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const rendererDir = defaultRendererDir();
      if (!existsSync(join(rendererDir, 'index.html'))) {
        process.stderr.write(`ocpp-bench serve: the UI is not built (no ${join(rendererDir, 'index.html')}); run \`npm run build\`.\n`);
      }
      // With the conformance plan, as every CLI command has it (the UI's test runner lists it).
      const engine = createCliEngine({ dataDir });
      let server;
      try {
        server = await startServe({ api: engine, rendererDir, host: flags.host, port: flags.port });
      } catch (err) {
        await engine.close();
        throw new UsageError(`cannot listen on ${flags.host}:${flags.port}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (flags.json === true) {
        process.stdout.write(`${JSON.stringify({ url: server.url, apiUrl: server.apiUrl, port: server.port, token: server.token, dataDir })}\n`);
      } else {
        process.stdout.write(`OCPP Bench is serving its UI at\n\n  ${server.url}\n\nData folder: ${dataDir}\nPress Ctrl+C to stop.\n`);
      }
      if (!isLoopback(flags.host)) {
        process.stderr.write(`ocpp-bench serve: warning: bound to ${flags.host}; anyone who can reach it and learns the token controls the bench.\n`);
      }
      if (flags.open === true) {
        const problem = await openBrowser(server.url);
        if (problem !== undefined) process.stderr.write(`ocpp-bench serve: ${problem}; open the URL above yourself.\n`);
      }
      await untilSignalled();
      await server.close();
      await engine.close();
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535.');
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
