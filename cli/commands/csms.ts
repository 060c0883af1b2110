// `ocpp-bench csms --listen HOST:PORT …`: stand in for the CSMS. Starts one through the
// api, prints a line per frame and per connection, runs a --script or an interactive
// prompt, and prints a per-charger summary when it stops (--duration, end of script,
// quit, Ctrl-C, or a recording failure).
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import type { CsmsChargerState, CsmsStartArgs } from '../../api/csms';
import { ApiError } from '../../api/errors';
import { createEngine } from '../../engine/engine';
import { checkBehaviours } from '../../engine/csms/behaviours';
import { parseListen } from '../../engine/csms/commands';
import { describeStep, parseScript, runScript, ScriptError, type ScriptStep } from '../../engine/csms/script';
import { exitCodes, loadUserFile, UsageError } from '../usage';
import { followTraffic, formatSummary } from './csms-lines';
import { interpretLine } from './csms-prompt';
import { applyJudgeFlags, profileOption, responseTimeoutOption, type JudgeFlags } from '../judge-options';

interface CsmsOptions extends JudgeFlags {
  listen: string;
  capture?: string;
  config?: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsClientCa?: string;
  quiet?: boolean;
  redact?: boolean;
  behaviour?: string;
  duration?: number;
  script?: string;
}

function parseListenOption(value: string): string {
  try {
    parseListen(value);
  } catch {
    throw new InvalidArgumentError('must be HOST:PORT, e.g. 0.0.0.0:9000 or [::1]:9000.');
  }
  return value;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('must be a positive number of seconds.');
  return n;
}

export function registerCsms(program: Command): void {
  program
    .command('csms')
    .description('Stand in for the CSMS: accept chargers (1.6, 2.0.1, 2.1; security profiles 0-3), answer every action, send any action, keep per-charger state.')
    .requiredOption('--listen <host:port>', 'where chargers connect (ws://HOST:PORT/<any path>/<chargePointId>); port 0 picks a free one', parseListenOption)
    .option('--capture <file>', 'record every frame to this capture file')
    .option('--config <file>', 'settings file (JSON or YAML): id tokens, credentials, boot answers, responders…')
    .option('--tls-cert <file>', 'serve wss:// with this certificate (PEM)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .option('--tls-client-ca <file>', 'require charger certificates signed by this CA (security profile 3)')
    .option('--quiet', 'no line per frame')
    .addOption(profileOption())
    .addOption(responseTimeoutOption())
    .option('--no-redact', 'keep credentials (Basic-auth passwords, AuthorizationKey…) in the capture')
    .option('--behaviour <names>', 'faulty behaviours joined with + (docs/csms.md), to prove conformance cases can fail')
    .option('--duration <seconds>', 'stop after this many seconds and print the summary', parseSeconds)
    .option('--script <file>', 'run these steps (JSON or YAML list: waitFor, send, wait, respond, config, state, note), then stop')
    .addHelpText('after', '\nExit status: 0, or 1 when a charger sent a frame with an error finding, a script step failed or recording failed; 2 for bad arguments.')
    .action(async (opts: CsmsOptions) => {
      process.exitCode = await runCsms(opts);
    });
}

function loadScript(path: string): Promise<ScriptStep[]> {
  return loadUserFile(path, 'script', parseScript, [ScriptError]);
}

function startArgs(opts: CsmsOptions): CsmsStartArgs {
  if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  if (opts.tlsClientCa !== undefined && opts.tlsCert === undefined) throw new UsageError('--tls-client-ca needs --tls-cert and --tls-key');
  const args: CsmsStartArgs = { listen: opts.listen };
  if (opts.capture !== undefined) args.capture = opts.capture;
  if (opts.config !== undefined) args.config = opts.config;
  if (opts.redact === false) args.keepCredentials = true;
  if (opts.behaviour !== undefined) {
    const names = opts.behaviour.split('+').filter((n) => n !== '');
    const problem = checkBehaviours(names);
    if (problem !== undefined) throw new UsageError(problem);
    args.behaviours = names;
  }
  if (opts.tlsCert !== undefined && opts.tlsKey !== undefined) {
    args.tls = { certFile: opts.tlsCert, keyFile: opts.tlsKey, ...(opts.tlsClientCa !== undefined ? { clientCaFile: opts.tlsClientCa } : {}) };
  }
  return args;
}


export async function runCsms(opts: CsmsOptions): Promise<number> {
  const args = startArgs(opts);
  const steps = opts.script !== undefined ? await loadScript(opts.script) : undefined;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const engine = createEngine();
  await applyJudgeFlags(engine, opts);
  let failed = false;
  engine.on('engine.alert', ({ severity, message }) => {
    err(`ocpp-bench csms: ${severity}: ${message}`);
    if (severity === 'error') failed = true;
  });
  if (opts.quiet !== true) followTraffic(engine, out);

  let info;
  try {
    info = await engine.call('csms.start', args);
  } catch (e) {
    err(`ocpp-bench csms: ${e instanceof Error ? e.message : String(e)}`);
    await engine.close();
    return e instanceof ApiError && e.code === 'internal' ? exitCodes.failed : exitCodes.usage;
  }
  const startedAt = performance.now();
  out(`CSMS listening on ${info.url} (security profile ${info.securityProfile}); chargers connect to ${info.url}/<path>/<chargePointId>`);

  const stopping = new AbortController();
  const done = new Promise<string>((resolve) => {
    stopping.signal.addEventListener('abort', () => resolve(String(stopping.signal.reason ?? 'stopped')), { once: true });
  });
  const stop = (reason: string) => {
    if (!stopping.signal.aborted) stopping.abort(reason);
  };
  engine.on('csms.stopped', ({ reason }) => {
    // Stopped by itself (recording failed), not by us.
    if (stopping.signal.aborted) return;
    failed = true;
    stop(reason);
  });
  const onSignal = () => stop('interrupted');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const timer = opts.duration !== undefined ? setTimeout(() => stop(`${opts.duration} s elapsed`), opts.duration * 1000) : undefined;

  if (steps !== undefined) {
    void runScript(engine, info.id, steps, {
      signal: stopping.signal,
      onStep: (i, step, result) => {
        out(`script ${i + 1}/${steps.length} ${result.ok ? 'ok' : 'FAILED'}: ${describeStep(step)}: ${result.message}`);
      },
    }).then((r) => {
      if (!r.ok && !stopping.signal.aborted) failed = true;
      // With --duration the CSMS keeps serving until the time is up.
      if (opts.duration === undefined || !r.ok) stop(r.ok ? 'the script finished' : 'a script step failed');
    });
  } else if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'csms> ' });
    out('Type help for commands.');
    rl.prompt();
    rl.on('line', (line) => {
      rl.pause();
      void interpretLine(line, { client: engine, csmsId: info.id, print: out, signal: stopping.signal }).then((r) => {
        if (r === 'quit') stop('quit');
        else {
          rl.resume();
          rl.prompt();
        }
      });
    });
    rl.on('close', () => stop('quit'));
    stopping.signal.addEventListener('abort', () => rl.close(), { once: true });
  }

  const reason = await done;
  if (timer !== undefined) clearTimeout(timer);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  let chargers: CsmsChargerState[];
  try {
    chargers = (await engine.call('csms.stop', { id: info.id })).chargers;
  } catch {
    // It stopped by itself (recording failed) and took its state with it.
    out('No summary: the CSMS had already stopped.');
    chargers = [];
  }
  await engine.close();
  out(`Stopped: ${reason}.`);
  out(formatSummary(chargers, (performance.now() - startedAt) / 1000).trimEnd());
  const errors = chargers.some((c) => c.stats.findings.error > 0);
  return failed || errors ? exitCodes.failed : exitCodes.ok;
}
