// `ocpp-bench sim --url URL --id ID --version V …`: play one or more chargers against a CSMS.
// Starts them through the api, prints a line per frame and per connection, plays a --script,
// and prints a per-charger summary when it stops (--duration, end of script, Ctrl-C).
import { InvalidArgumentError, type Command } from 'commander';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import type { BehaviourInfo, SimChargerState, SimScriptStep, SimStartArgs } from '../../api/sim';
import { createEngine } from '../../engine/engine';
import { parseSimScript, SimScriptError } from '../../engine/charger/script';
import { pad } from '../format';
import { exitCodes, loadUserFile, parseVersionOption, UsageError } from '../usage';
import { findingsText, followTraffic } from './csms-lines';
import { applyJudgeFlags, profileOption, responseTimeoutOption, type JudgeFlags } from '../judge-options';

interface SimOptions extends JudgeFlags {
  url?: string;
  id?: string;
  version?: OcppVersion;
  password?: string;
  ca?: string;
  cert?: string;
  key?: string;
  insecure?: boolean;
  securityProfile?: number;
  connectors?: number;
  count?: number;
  behaviour: string[];
  script?: string;
  duration?: number;
  capture?: string;
  timeScale?: number;
  power?: number;
  quiet?: boolean;
  listBehaviours?: boolean;
}

const positiveInt = (max: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`must be an integer from 1 to ${max}.`);
  return n;
};

const positiveNumber = (value: string): number => {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('must be a positive number.');
  return n;
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerSim(program: Command): void {
  program
    .command('sim')
    .description('Play one or more chargers (OCPP 1.6 with the security extension, 2.0.1, 2.1) against a CSMS, conformant or with named faulty behaviours.')
    .option('--url <url>', 'CSMS URL without the charge point id (ws:// or wss://)')
    .option('--id <id>', 'charge point id; with --count a pattern: CP{n} → CP1, CP2…; CP{n:3} → CP001…; without {n}, -1, -2… is appended')
    .option('--version <version>', 'OCPP version: 1.6, 2.0.1 or 2.1', parseVersionOption)
    .option('--password <password>', 'HTTP Basic password (security profiles 1 and 2)')
    .option('--ca <file>', 'CA certificate to trust for the CSMS (PEM)')
    .option('--cert <file>', 'client certificate (PEM): security profile 3')
    .option('--key <file>', 'private key of --cert (PEM)')
    .option('--insecure', 'accept any CSMS certificate (testing only)')
    .option('--security-profile <n>', 'security profile 0-3 (default from what is given: --cert 3, wss 2, --password 1, else 0)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 3) throw new InvalidArgumentError('must be 0, 1, 2 or 3.');
      return n;
    })
    .option('--connectors <n>', 'connectors (1.6) or EVSEs (2.x) per charger (default 1)', positiveInt(64))
    .option('--count <n>', 'number of chargers (default 1)', positiveInt(10_000))
    .option('--behaviour <name>', 'a named faulty behaviour, NAME or NAME=VALUE (repeatable; see --list-behaviours)', collect, [])
    .option('--script <file>', 'operator actions to play on every charger (JSON or YAML list: action, wait, waitFor, note)')
    .option('--duration <seconds>', 'disconnect cleanly after this many seconds and print the summary', positiveNumber)
    .option('--capture <file>', 'record every frame to this capture file')
    .option('--time-scale <x>', 'multiply every simulator timer (heartbeat, meter values, retries, expiry…) by this (default 1)', positiveNumber)
    .option('--power <watts>', 'maximum power per connector in W (default 11000)', positiveNumber)
    .option('--quiet', 'no line per frame')
    .addOption(profileOption())
    .addOption(responseTimeoutOption())
    .option('--list-behaviours', 'list the named faulty behaviours and exit')
    .addHelpText('after', '\nExit status: 0, or 1 when the chargers\' traffic raised error findings, the script failed or recording failed; 2 for bad arguments.')
    .action(async (opts: SimOptions) => {
      process.exitCode = await runSim(opts);
    });
}

export function formatBehaviours(list: readonly BehaviourInfo[]): string {
  const out = [`${pad('behaviour', 40)}${pad('versions', 18)}${pad('targets', 30)}description`];
  for (const b of list) {
    const name = b.parameter !== undefined ? `${b.name}[=${b.parameter.name}]` : b.name;
    out.push(`${pad(name, 40)}${pad(b.versions.join(','), 18)}${pad(b.targets.join(','), 30)}${b.description}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatSimSummary(states: readonly SimChargerState[], seconds: number): string {
  const out: string[] = [`Summary after ${seconds.toFixed(1)} s: ${states.length} charger${states.length === 1 ? '' : 's'}`];
  for (const s of states) {
    const transactions = s.connectors.filter((c) => c.transaction !== undefined).length;
    out.push(`${s.id}  OCPP ${s.version}, ${s.registration === 'accepted' ? 'accepted' : `not accepted (${s.registration})`}, ${s.sent} CALLs sent, ${s.received} received, ${s.queued} queued, ${transactions} transaction(s) running, ${findingsText(s.findings)}`);
    if (s.lastError !== undefined) out.push(`  last error: ${s.lastError}`);
    const actions = [...new Set([...Object.keys(s.stats.sent), ...Object.keys(s.stats.received)])].sort();
    if (actions.length > 0) {
      out.push(`  ${pad('action', 34)}${pad('sent', 8)}${pad('received', 10)}${pad('errors', 8)}timeouts`);
      for (const a of actions) out.push(`  ${pad(a, 34)}${pad(String(s.stats.sent[a] ?? 0), 8)}${pad(String(s.stats.received[a] ?? 0), 10)}${pad(String(s.stats.errors[a] ?? 0), 8)}${s.stats.timeouts[a] ?? 0}`);
    }
    for (const [rule, count] of Object.entries(s.findings.byRule).sort((a, b) => b[1] - a[1])) out.push(`  finding ${rule} ×${count}`);
  }
  return `${out.join('\n')}\n`;
}

function startArgs(opts: SimOptions): SimStartArgs {
  if (opts.url === undefined || opts.id === undefined || opts.version === undefined) {
    const missing = [opts.url === undefined ? '--url' : '', opts.id === undefined ? '--id' : '', opts.version === undefined ? '--version' : ''].filter((x) => x !== '');
    throw new UsageError(`sim needs ${missing.join(', ')} (or --list-behaviours)`);
  }
  if ((opts.cert === undefined) !== (opts.key === undefined)) throw new UsageError('--cert and --key go together');
  const args: SimStartArgs = { url: opts.url, id: opts.id, version: opts.version, behaviours: opts.behaviour };
  if (opts.password !== undefined) args.password = opts.password;
  if (opts.ca !== undefined || opts.cert !== undefined || opts.insecure === true) {
    args.tls = { ...(opts.ca !== undefined ? { caFile: opts.ca } : {}), ...(opts.cert !== undefined ? { certFile: opts.cert, keyFile: opts.key! } : {}), ...(opts.insecure === true ? { insecure: true } : {}) };
  }
  if (opts.securityProfile !== undefined) args.securityProfile = opts.securityProfile;
  if (opts.connectors !== undefined) args.connectors = opts.connectors;
  if (opts.count !== undefined) args.count = opts.count;
  if (opts.capture !== undefined) args.capture = opts.capture;
  if (opts.timeScale !== undefined) args.timeScale = opts.timeScale;
  if (opts.power !== undefined) args.powerW = opts.power;
  return args;
}

function loadScript(path: string): Promise<SimScriptStep[]> {
  return loadUserFile(path, 'script', parseSimScript, [SimScriptError]);
}


export async function runSim(opts: SimOptions): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const engine = createEngine();
  try {
    if (opts.listBehaviours === true) {
      process.stdout.write(formatBehaviours(await engine.call('sim.behaviours', opts.version !== undefined ? { version: opts.version } : {})));
      return exitCodes.ok;
    }
    const args = startArgs(opts);
    await applyJudgeFlags(engine, opts);
    const script = opts.script !== undefined ? await loadScript(opts.script) : undefined;
    let failed = false;
    engine.on('engine.alert', ({ severity, message }) => {
      err(`ocpp-bench sim: ${severity}: ${message}`);
      if (severity === 'error') failed = true;
    });
    if (opts.quiet !== true) followTraffic(engine, out);
    let ids: string[];
    try {
      ({ ids } = await engine.call('sim.start', args));
    } catch (e) {
      err(`ocpp-bench sim: ${e instanceof Error ? e.message : String(e)}`);
      return e instanceof ApiError && e.code === 'internal' ? exitCodes.failed : exitCodes.usage;
    }
    const started = performance.now();
    out(`Simulating ${ids.length === 1 ? ids[0] : `${ids.length} chargers (${ids[0]} … ${ids.at(-1)})`} (OCPP ${args.version}) against ${args.url}${args.behaviours !== undefined && args.behaviours.length > 0 ? ` with ${args.behaviours.join(', ')}` : ''}`);

    const stopping = new AbortController();
    const done = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }));
    const stop = () => {
      if (!stopping.signal.aborted) stopping.abort();
    };
    const onSignal = () => stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const timer = opts.duration !== undefined ? setTimeout(stop, opts.duration * 1000) : undefined;
    if (script !== undefined) {
      void engine.call('sim.play', { script }).then(
        () => {
          out('script finished');
          if (opts.duration === undefined) stop();
        },
        (e: unknown) => {
          out(`script FAILED: ${e instanceof Error ? e.message : String(e)}`);
          failed = true;
          stop();
        },
      );
    }
    await done;
    if (timer !== undefined) clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const { states } = await engine.call('sim.stop', {});
    process.stdout.write(formatSimSummary(states, (performance.now() - started) / 1000));
    const errors = states.some((s) => s.findings.error > 0);
    return failed || errors ? exitCodes.failed : exitCodes.ok;
  } finally {
    await engine.close();
  }
}
