// `ocpp-bench proxy`: the transparent man-in-the-middle proxy in a terminal. A thin shell
// over the engine's proxy commands: it starts one proxy, prints one line per frame, and
// stops cleanly (capture flushed) on Ctrl-C or SIGTERM. If recording fails, the engine
// stops the proxy and this exits non-zero with a loud message.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { ApiError } from '../../api/errors';
import type { EventPayload } from '../../api/events';
import type { PathMode, ProxyInfo, ProxySettings } from '../../api/proxy';
import { createEngine } from '../../engine/engine';
import { describePathMode } from '../../engine/proxy/path-mapping';
import { exitCodes, UsageError } from '../usage';
import { formatConnectionLine, formatFrameLine, formatPressureLine } from './proxy-lines';
import { applyJudgeFlags, profileOption, responseTimeoutOption, type JudgeFlags } from '../judge-options';

interface ProxyFlags extends JudgeFlags {
  listen: { host: string; port: number };
  upstream: string;
  capture?: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsClientCa?: string;
  upstreamCa?: string;
  upstreamCert?: string;
  upstreamKey?: string;
  rules?: string;
  pathMode: PathMode;
  redact: boolean;
  connectTimeout?: number;
  quiet?: boolean;
}

export function registerProxy(program: Command): void {
  program
    .command('proxy')
    .description('Sit between chargers and their CSMS: relay every frame unmodified, record and judge it, optionally inject faults.')
    .requiredOption('--listen <host:port>', 'where chargers connect, e.g. 0.0.0.0:9000 (port 0: any free port)', parseListen)
    .requiredOption('--upstream <url>', 'the CSMS, ws:// or wss://, without the charge point id')
    .option('--capture <file>', 'record every frame to this capture file (JSON Lines, flushed every 100 ms)')
    .option('--tls-cert <file>', 'serve wss:// to chargers with this certificate (PEM; security profile 2)')
    .option('--tls-key <file>', 'private key of --tls-cert (PEM)')
    .option('--tls-client-ca <file>', 'require charger certificates signed by this CA (PEM; security profile 3)')
    .option('--upstream-ca <file>', 'CA to trust for the CSMS certificate (PEM; default: the system CAs)')
    .option('--upstream-cert <file>', 'client certificate to present to the CSMS (PEM)')
    .option('--upstream-key <file>', 'private key of --upstream-cert (PEM)')
    .option('--rules <file>', 'fault-injection rules (JSON or YAML)')
    .addOption(
      new Option('--path-mode <mode>', 'id: <upstream>/<chargePointId> (the last path segment); full: <upstream>/<the charger\'s whole path>')
        .choices(['id', 'full'])
        .default('id'),
    )
    .option('--no-redact', 'keep credentials (Basic auth passwords, AuthorizationKey, BasicAuthPassword) in the capture')
    .option('--connect-timeout <ms>', 'how long the CSMS may take to accept a connection (default 10000)', parsePositiveInt)
    .option('--quiet', 'no line per frame or connection')
    .addOption(profileOption())
    .addOption(responseTimeoutOption())
    .addHelpText(
      'after',
      [
        '',
        'Path mapping: a charger connecting to ws://HOST:PORT/any/path/CP001 is relayed to <upstream>/CP001',
        '(--path-mode id, the default), or to <upstream>/any/path/CP001 (--path-mode full). The query string',
        'is kept. The CSMS is offered the charger\'s subprotocols and Authorization header, and the charger is',
        'answered only once the CSMS has accepted (or with its refusal: 401, 403, 404…; 502 when the CSMS',
        'cannot be reached or TLS fails; 504 on timeout; 400 when it takes none of the subprotocols).',
        '',
        'Exit codes: 0 after Ctrl-C or SIGTERM, 1 when recording failed, 2 on bad arguments or unreadable files.',
      ].join('\n'),
    )
    .action(async (flags: ProxyFlags) => {
      process.exitCode = await runProxy(flags);
    });
}

function parseListen(value: string): { host: string; port: number } {
  // IPv6 hosts go in brackets: [::1]:9000.
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(value) ?? /^([^:[\]]+):(\d+)$/.exec(value);
  const port = Number(match?.[2]);
  if (match === null || !Number.isInteger(port) || port > 65535) {
    throw new InvalidArgumentError('must be HOST:PORT, e.g. 0.0.0.0:9000 or [::1]:9000.');
  }
  return { host: match[1]!, port };
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer.');
  return n;
}

function settingsFrom(flags: ProxyFlags): ProxySettings {
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  if (flags.tlsClientCa !== undefined && flags.tlsCert === undefined) throw new UsageError('--tls-client-ca needs --tls-cert and --tls-key (profile 3 runs over TLS)');
  if ((flags.upstreamCert === undefined) !== (flags.upstreamKey === undefined)) throw new UsageError('--upstream-cert and --upstream-key go together');
  const settings: ProxySettings = { listen: flags.listen, upstream: flags.upstream, pathMode: flags.pathMode, redact: flags.redact, store: false };
  if (flags.tlsCert !== undefined && flags.tlsKey !== undefined) {
    settings.tls = { certFile: resolve(flags.tlsCert), keyFile: resolve(flags.tlsKey) };
    if (flags.tlsClientCa !== undefined) settings.tls.clientCaFile = resolve(flags.tlsClientCa);
  }
  if (flags.upstreamCa !== undefined || flags.upstreamCert !== undefined) {
    settings.upstreamTls = {};
    if (flags.upstreamCa !== undefined) settings.upstreamTls.caFile = resolve(flags.upstreamCa);
    if (flags.upstreamCert !== undefined) settings.upstreamTls.certFile = resolve(flags.upstreamCert);
    if (flags.upstreamKey !== undefined) settings.upstreamTls.keyFile = resolve(flags.upstreamKey);
  }
  if (flags.capture !== undefined) settings.capture = resolve(flags.capture);
  if (flags.rules !== undefined) settings.rulesFile = resolve(flags.rules);
  if (flags.connectTimeout !== undefined) settings.connectTimeoutMs = flags.connectTimeout;
  return settings;
}

function banner(info: ProxyInfo): string {
  const lines = [`ocpp-bench proxy: listening on ${info.url}`];
  lines.push(`  ${describePathMode(info.upstream, info.pathMode).replace('<proxy>', info.url)} (path mode ${info.pathMode})`);
  if (info.chargerTls === 'mtls') lines.push('  chargers must present a certificate signed by the client CA (security profile 3)');
  if (info.capture !== undefined) lines.push(`  recording to ${info.capture}${info.redact ? ' (credentials redacted)' : ' (credentials kept: --no-redact)'}`);
  else lines.push('  not recording (no --capture)');
  for (const rule of info.rules) lines.push(`  rule ${rule.id}: ${rule.description}`);
  lines.push('Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}

async function runProxy(flags: ProxyFlags): Promise<number> {
  const settings = settingsFrom(flags);
  const engine = createEngine();
  await applyJudgeFlags(engine, flags);
  const out = (line: string) => {
    if (flags.quiet !== true) process.stdout.write(`${line}\n`);
  };
  let failure: string | undefined;
  let wake: () => void = () => undefined;
  const finished = new Promise<void>((r) => (wake = r));
  // Subscribe before starting: nothing that happens early is missed.
  engine.on('proxy.frames', (e: EventPayload<'proxy.frames'>) => {
    for (const f of e.frames) out(formatFrameLine(f));
  });
  engine.on('proxy.connection', (e: EventPayload<'proxy.connection'>) => out(formatConnectionLine(e.change, e.session)));
  engine.on('proxy.pressure', (e: EventPayload<'proxy.pressure'>) => out(formatPressureLine(e)));
  engine.on('proxy.status', (e: EventPayload<'proxy.status'>) => {
    // This engine runs one proxy: this one.
    if (e.proxy.state === 'failed') {
      failure = e.proxy.reason ?? 'the proxy failed';
      wake();
    }
  });

  let info: ProxyInfo;
  try {
    info = await engine.call('proxy.start', settings);
  } catch (err) {
    await engine.close();
    if (err instanceof ApiError && (err.code === 'bad-args' || err.code === 'io' || err.code === 'conflict')) {
      process.stderr.write(`ocpp-bench proxy: ${err.message}\n`);
      return exitCodes.usage;
    }
    throw err;
  }
  process.stdout.write(banner(info));

  const onSignal = () => wake();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await finished;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);

  if (failure !== undefined) {
    await engine.close();
    process.stderr.write(`\nocpp-bench proxy: RECORDING FAILED. ${failure}\n`);
    return exitCodes.failed;
  }
  await engine.call('proxy.stop', { id: info.id });
  await engine.close();
  process.stdout.write(`ocpp-bench proxy: stopped${info.capture !== undefined ? `; capture ${info.capture} is complete` : ''}.\n`);
  return exitCodes.ok;
}
