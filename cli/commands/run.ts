// `ocpp-bench run`: run conformance cases against a charger (the bench plays the CSMS) or a
// CSMS (the bench plays the charger), or against the built-in one with --simulate.
// Exit 0 only if every selected case passed (not applicable ones excepted), 1 otherwise,
// 2 on usage errors.
import { createInterface, type Interface } from 'node:readline';
import type { Command } from 'commander';
import type { ConformanceReport, OperatorPrompt, RunRequest } from '../../api/conformance';
import { ApiError } from '../../api/errors';
import { createCliEngine } from '../engine';
import { pad } from '../format';
import { exitCodes, parseHostPort, parsePositiveNumber, parseSut, parseVersionOption, UsageError } from '../usage';

interface RunFlags {
  sut: 'charger' | 'csms';
  version: '1.6' | '2.0.1' | '2.1';
  listen?: { host: string; port: number };
  target?: string;
  id?: string;
  settings?: string;
  cases?: string;
  profiles?: string;
  report?: string;
  junit?: string;
  json?: string;
  capture?: string;
  operator?: 'prompt' | 'auto';
  simulate?: boolean;
  behaviour?: string;
  timeScale?: number;
  quiet?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run conformance cases against a charger or a CSMS, with pass/fail reports.')
    .requiredOption('--sut <side>', 'the system under test: charger (the bench plays the CSMS) or csms (the bench plays the charger)', parseSut)
    .requiredOption('--version <version>', 'OCPP version: 1.6, 2.0.1 or 2.1', parseVersionOption)
    .option('--listen <host:port>', 'charger under test: where the bench listens (default 127.0.0.1:9000; with --simulate a free port)', parseHostPort)
    .option('--target <url>', 'CSMS under test: its WebSocket URL, without the charge point id')
    .option('--id <chargePointId>', 'the charge point id (default: from the settings)')
    .option('--settings <file>', 'SUT settings (JSON or YAML, see docs/sut-settings.md)')
    .option('--cases <patterns>', 'case ids or globs, comma separated (e.g. "TC_00*_CS,TC_010_CS")')
    .option('--profiles <names>', 'only these feature profiles / functional blocks, comma separated')
    .option('--report <file.html>', 'write a self-contained HTML report')
    .option('--junit <file.xml>', 'write a JUnit XML report')
    .option('--json <file.json>', 'write the canonical JSON report')
    .option('--capture <file.jsonl>', 'record every frame of the run')
    .option('--operator <mode>', 'prompt: ask a person for operator steps; auto: never ask (default: auto with --simulate, prompt on a terminal)', parseOperator)
    .option('--simulate', 'run against the built-in simulator (charger) or CSMS, in this process over a real loopback WebSocket')
    .option('--behaviour <name>', 'with --simulate: a named faulty behaviour of the built-in SUT')
    .option('--time-scale <factor>', 'multiply spec timers by this (default 0.05 with --simulate, 1 otherwise)', parsePositiveNumber)
    .option('--quiet', 'no progress output')
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags);
    });
}

function parseOperator(value: string): 'prompt' | 'auto' {
  if (value !== 'prompt' && value !== 'auto') throw new UsageError('--operator must be prompt or auto');
  return value;
}

function requestFrom(flags: RunFlags): RunRequest {
  if (flags.behaviour !== undefined && flags.simulate !== true) throw new UsageError('--behaviour needs --simulate');
  if (flags.sut === 'csms' && flags.simulate !== true && flags.target === undefined) throw new UsageError('--sut csms needs --target URL (or --simulate)');
  if (flags.sut === 'charger' && flags.target !== undefined) throw new UsageError('--target is for --sut csms; a charger under test connects to --listen');
  if (flags.sut === 'csms' && flags.listen !== undefined) throw new UsageError('--listen is for --sut charger; with --sut csms the bench connects to --target');
  const split = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
  const operator = flags.operator ?? (flags.simulate === true ? 'auto' : process.stdin.isTTY === true ? 'prompt' : 'auto');
  const request: RunRequest = { version: flags.version, sut: flags.sut, operator };
  const cases = split(flags.cases);
  const profiles = split(flags.profiles);
  if (cases !== undefined) request.cases = cases;
  if (profiles !== undefined) request.profiles = profiles;
  if (flags.settings !== undefined) request.settingsPath = flags.settings;
  if (flags.id !== undefined) request.chargePointId = flags.id;
  if (flags.capture !== undefined) request.capturePath = flags.capture;
  if (flags.simulate === true) request.simulate = true;
  if (flags.behaviour !== undefined) request.behaviour = flags.behaviour;
  if (flags.timeScale !== undefined) request.timeScale = flags.timeScale;
  if (flags.target !== undefined) request.target = flags.target;
  if (flags.sut === 'charger') request.listen = flags.listen ?? (flags.simulate === true ? { host: '127.0.0.1', port: 0 } : { host: '127.0.0.1', port: 9000 });
  return request;
}

async function runCommand(flags: RunFlags): Promise<number> {
  const request = requestFrom(flags);
  const engine = createCliEngine();
  const tty = process.stderr.isTTY === true && flags.quiet !== true;
  const out = (line: string) => {
    if (flags.quiet !== true) process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`);
  };
  let rl: Interface | undefined;
  const asking = new Map<string, AbortController>();
  const ask = (p: OperatorPrompt) => {
    rl ??= createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
    const controller = new AbortController();
    asking.set(p.promptId, controller);
    const choices = p.kind === 'act' ? 'done/skip' : 'yes/no/skip';
    rl.question(`\n[${p.caseId}] ${p.text}\n  (${choices}, ${Math.round(p.timeoutMs / 1000)} s) > `, { signal: controller.signal }, (answer) => {
      asking.delete(p.promptId);
      const a = answer.trim().toLowerCase();
      const normal = a === '' || a === 'd' || a === 'done' ? (p.kind === 'act' ? 'done' : 'yes') : a === 'y' || a === 'yes' ? 'yes' : a === 'n' || a === 'no' ? 'no' : 'skip';
      void engine.call('conformance.answer', { promptId: p.promptId, answer: normal });
    });
  };
  engine.on('conformance.prompt', ask);
  engine.on('conformance.promptClosed', (e) => {
    const c = asking.get(e.promptId);
    if (c !== undefined && e.answer === 'timeout') {
      c.abort();
      asking.delete(e.promptId);
      out('  (no answer in time: the case is inconclusive)');
    }
  });
  engine.on('conformance.progress', (p) => {
    if (p.finished !== undefined) {
      const v = p.finished.verdict;
      out(`${pad(v === 'pass' ? 'PASS' : v === 'fail' ? 'FAIL' : v === 'inconclusive' ? 'INCONCL' : 'N/A', 8)}${p.finished.id}${p.finished.reason !== undefined && v !== 'pass' ? `  ${p.finished.reason}` : ''}`);
    } else if (tty && p.step !== undefined) {
      const s = p.summary;
      const bar = `[${p.caseIndex + 1}/${p.caseCount}] ✓${s.pass} ✗${s.fail} ?${s.inconclusive} -${s.notApplicable}  ${p.caseId}  ${p.step}`;
      process.stderr.write(`\r\x1b[K${bar.slice(0, (process.stderr.columns ?? 120) - 1)}`);
    }
  });

  let report: ConformanceReport;
  try {
    const { runId, caseCount } = await engine.call('conformance.run', request);
    out(`Running ${caseCount} OCPP ${request.version} cases with the ${request.sut} under test${request.simulate === true ? ` (built-in ${request.sut === 'charger' ? 'simulator' : 'CSMS'}${request.behaviour !== undefined ? `, behaviour ${request.behaviour}` : ''})` : ''}...`);
    report = await engine.conformance.waitForRun(runId);
    for (const [format, path] of [['html', flags.report], ['junit', flags.junit], ['json', flags.json]] as const) {
      if (path !== undefined) {
        await engine.call('conformance.export', { runId, format, path });
        out(`Wrote ${format.toUpperCase()} report ${path}`);
      }
    }
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'bad-args' || err.code === 'io' || err.code === 'unreachable')) {
      process.stderr.write(`ocpp-bench run: ${err.message}\n`);
      return exitCodes.usage;
    }
    throw err;
  } finally {
    rl?.close();
    await engine.close();
  }
  const s = report.summary;
  out(`\n${s.pass} passed, ${s.fail} failed, ${s.inconclusive} inconclusive, ${s.notApplicable} not applicable, of ${s.total} (${(report.durationMs / 1000).toFixed(1)} s)`);
  return s.fail === 0 && s.inconclusive === 0 && s.pass + s.notApplicable === s.total ? exitCodes.ok : exitCodes.failed;
}
