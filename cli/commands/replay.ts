// `ocpp-bench replay FILE --as charger|csms`: plays one side of a recorded session against a
// live peer and says where the peer's answers differ from the recorded ones. A thin shell
// over engine/replay: it prints a line per exchange and a verdict, writes the report, and
// exits 0 when everything matched, 1 when something differed (or the replay could not run
// to its end), 2 on bad input.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import type { ReplayExchange, ReplayResult, ReplaySettings, ReplayTiming } from '../../api/replay';
import { CaptureReadError } from '../../engine/capture/reader';
import { CaptureWriteError } from '../../engine/capture/writer';
import { DEFAULT_CORRELATED, DEFAULT_VOLATILE } from '../../engine/replay/compare';
import { writeReplayReport } from '../../engine/replay/commands';
import { checkReplay, parseTiming, prepareReplay, runReplay } from '../../engine/replay/replay';
import { judgeSettingsFrom, profileOption, responseTimeoutOption, type JudgeFlags } from '../judge-options';
import { exitCodes, parseHostPort, parseSut, parseVersionOption, UsageError } from '../usage';
import { formatChange, parseList } from './diff-lines';

interface ReplayFlags extends JudgeFlags {
  as: 'charger' | 'csms';
  target?: string;
  listen?: { host: string; port: number };
  session?: string;
  timing: ReplayTiming;
  report?: string;
  capture?: string;
  json?: boolean;
  check?: boolean;
  quiet?: boolean;
  version?: OcppVersion;
  password?: string;
  ca?: string;
  cert?: string;
  key?: string;
  tlsCert?: string;
  tlsKey?: string;
  volatile?: string[];
  alsoVolatile?: string[];
  correlated?: string[];
  callTimeout?: number;
  peerWait?: number;
  connectTimeout?: number;
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Play one side of a recorded session against a live peer: the charger\'s side against a CSMS (--as charger --target URL), or the CSMS\'s against a charger (--as csms --listen HOST:PORT). Compares every live answer with the recorded one.')
    .argument('<file>', 'capture file (.jsonl) holding the session')
    .addOption(new Option('--as <side>', 'the side the bench plays: charger or csms').argParser(parseSut).makeOptionMandatory())
    .option('--target <url>', 'as charger: the CSMS, ws:// or wss:// (a bare host gets the recorded path; a path gets the charge point id appended)')
    .option('--listen <host:port>', 'as csms: where the charger connects (port 0: any free port)', parseHostPort)
    .option('--session <id>', 'connection id or charge point id of the session (needed when the capture holds several)')
    .addOption(
      new Option('--timing <mode>', 'recorded (wait as the recording did), fast, or fixed:MS between the bench\'s CALLs')
        .argParser(parseTimingOption)
        .default({ mode: 'recorded' } as ReplayTiming, 'recorded'),
    )
    .option('--report <file>', 'write the result: HTML for a .html file, JSON otherwise')
    .option('--capture <file>', 'record the replay to this capture (the bench\'s frames marked replayed)')
    .option('--json', 'print the result as JSON')
    .option('--check', 'only say whether the session can be replayed, and why not')
    .option('--quiet', 'no line per exchange')
    .option('--version <version>', 'treat the session as this OCPP version (1.6, 2.0.1, 2.1)', parseVersionOption)
    .option('--password <password>', 'as charger: HTTP Basic password (captures keep it redacted)')
    .option('--ca <file>', 'as charger: CA to trust for a wss:// CSMS (PEM)')
    .option('--cert <file>', 'as charger: client certificate (PEM; security profile 3)')
    .option('--key <file>', 'as charger: key of --cert (PEM)')
    .option('--tls-cert <file>', 'as csms: serve wss:// with this certificate (PEM)')
    .option('--tls-key <file>', 'as csms: key of --tls-cert (PEM)')
    .option('--volatile <list>', `fields to ignore, comma-separated, instead of the defaults (${DEFAULT_VOLATILE.join(', ')})`, parseList)
    .option('--also-volatile <list>', 'fields to ignore besides the defaults (names, JSON Pointers with *, @date-time)', parseList)
    .option('--correlated <list>', `id fields that may differ consistently, instead of the defaults (${DEFAULT_CORRELATED.join(', ')})`, parseList)
    .option('--call-timeout <ms>', 'how long to wait for each answer (default 30000)', parsePositiveInt)
    .option('--peer-wait <ms>', 'how long to wait for a CALL the peer sent in the recording (default 10000)', parsePositiveInt)
    .option('--connect-timeout <ms>', 'as csms: how long to wait for the charger (default 60000)', parsePositiveInt)
    .addOption(profileOption())
    .addOption(responseTimeoutOption())
    .addHelpText(
      'after',
      [
        '',
        'Message ids are fresh; transaction and other ids the live peer issues replace the recorded ones; every',
        'date-time moves with its frame to now. Details: docs/replay.md.',
        '',
        'Exit codes: 0 when every live answer matches the recording, 1 when one differs or the replay could not',
        'run to its end, 2 on bad arguments, an unreadable capture or a session that cannot be replayed.',
      ].join('\n'),
    )
    .action(async (file: string, flags: ReplayFlags) => {
      process.exitCode = await runReplayCommand(file, flags);
    });
}

function parseTimingOption(value: string): ReplayTiming {
  const t = parseTiming(value);
  if (t === undefined) throw new InvalidArgumentError('must be recorded, fast or fixed:MS.');
  return t;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number of milliseconds.');
  return n;
}

async function runReplayCommand(file: string, flags: ReplayFlags): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`ocpp-bench replay: ${s}\n`);
  try {
    if (flags.check === true) {
      const check = await checkReplay({ path: file, as: flags.as, ...(flags.session !== undefined ? { session: flags.session } : {}), ...(flags.version !== undefined ? { version: flags.version } : {}) });
      if (flags.json === true) out(JSON.stringify(check, null, 2));
      else {
        for (const p of check.problems) out(`${p.severity}: ${p.message}`);
        out(check.replayable ? `${file}: session ${check.session!.id} (${check.session!.chargePointId}) can be replayed as the ${flags.as}` : `${file}: cannot be replayed as the ${flags.as}`);
      }
      return check.replayable ? exitCodes.ok : exitCodes.usage;
    }
    const settings = settingsFrom(file, flags);
    const session = await prepareReplay(settings);
    const judging = await judgeSettingsFrom(flags);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let result: ReplayResult;
    try {
      result = await runReplay(
        settings,
        {
          judging,
          signal: controller.signal,
          onProgress: (p) => {
            if (flags.json === true) return;
            if (p.state === 'listening') out(`listening on ${p.url} — point the charger ${session.info.chargePointId} at it`);
            if (p.state === 'connecting') out(`connecting to ${p.url}`);
            if (p.exchange !== undefined && flags.quiet !== true) out(formatExchange(p.exchange));
          },
        },
        session,
      );
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    if (flags.report !== undefined) await writeReplayReport(result, flags.report);
    if (flags.json === true) out(JSON.stringify(result, null, 2));
    else out(summary(result, flags.report));
    return result.verdict === 'match' ? exitCodes.ok : exitCodes.failed;
  } catch (e) {
    if (e instanceof UsageError || e instanceof CaptureReadError || e instanceof CaptureWriteError || (e instanceof ApiError && (e.code === 'bad-args' || e.code === 'io'))) {
      err(e.message);
      return exitCodes.usage;
    }
    throw e;
  }
}

function settingsFrom(file: string, f: ReplayFlags): ReplaySettings {
  if (f.as === 'charger' && f.listen !== undefined) throw new UsageError('--listen is for --as csms; as the charger, give the CSMS with --target');
  if (f.as === 'csms' && f.target !== undefined) throw new UsageError('--target is for --as charger; as the CSMS, give --listen HOST:PORT');
  if ((f.tlsCert === undefined) !== (f.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const s: ReplaySettings = { path: file, as: f.as, timing: f.timing };
  if (f.target !== undefined) s.target = f.target;
  if (f.listen !== undefined) s.listen = f.listen;
  if (f.session !== undefined) s.session = f.session;
  if (f.version !== undefined) s.version = f.version;
  if (f.capture !== undefined) s.capture = f.capture;
  if (f.password !== undefined) s.password = f.password;
  if (f.ca !== undefined || f.cert !== undefined || f.key !== undefined) {
    s.tls = { ...(f.ca !== undefined ? { caFile: f.ca } : {}), ...(f.cert !== undefined ? { certFile: f.cert } : {}), ...(f.key !== undefined ? { keyFile: f.key } : {}) };
  }
  if (f.tlsCert !== undefined && f.tlsKey !== undefined) s.listenTls = { certFile: f.tlsCert, keyFile: f.tlsKey };
  if (f.volatile !== undefined || f.alsoVolatile !== undefined) s.volatile = [...(f.volatile ?? DEFAULT_VOLATILE), ...(f.alsoVolatile ?? [])];
  if (f.correlated !== undefined) s.correlated = f.correlated;
  if (f.callTimeout !== undefined) s.callTimeoutMs = f.callTimeout;
  if (f.peerWait !== undefined) s.peerWaitMs = f.peerWait;
  if (f.connectTimeout !== undefined) s.connectTimeoutMs = f.connectTimeout;
  return s;
}

export function formatExchange(e: ReplayExchange): string {
  const arrow = e.dir === 'cp2csms' ? '→' : '←';
  const who = e.by === 'bench' ? 'bench' : 'peer ';
  const lines = [`#${String(e.n).padEnd(4)} ${who} ${arrow} ${e.action.padEnd(28)} ${e.outcome}${e.note !== undefined ? ` — ${e.note}` : ''}`];
  for (const c of e.changes) lines.push(`        ${formatChange(c, c.recorded, c.live, ['recorded', 'live'])}`);
  return lines.join('\n');
}

function summary(r: ReplayResult, report: string | undefined): string {
  const c = r.counts;
  const lines: string[] = [];
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  const total = r.exchanges.length;
  if (r.verdict === 'match') lines.push(`MATCH: all ${total} exchanges of ${r.session.id} (${r.session.chargePointId}) answered as recorded`);
  else if (r.verdict === 'failed') lines.push(`FAILED: ${r.reason ?? 'the replay could not run'}`);
  else {
    const parts = [`${c.differs} differ`, `${c.missing} missing`, `${c.unexpected} unexpected`, `${c.timeout} unanswered`, `${c.closed} not sent`].filter((p) => !p.startsWith('0 '));
    lines.push(`DIFFERS: ${parts.join(', ')}; ${c.match} of ${total} exchanges match${r.reason !== undefined ? ` (${r.reason})` : ''}`);
  }
  const ids = Object.entries(r.ids).map(([field, pairs]) => `${field} ${pairs.map((p) => `${JSON.stringify(p.recorded)}→${JSON.stringify(p.live)}`).join(', ')}`);
  if (ids.length > 0) lines.push(`ids issued live: ${ids.join('; ')}`);
  lines.push(`judge: ${r.findings.error} errors, ${r.findings.warning} warnings on the live session${r.capture !== undefined ? ` (recorded to ${r.capture})` : ''}`);
  if (report !== undefined) lines.push(`report: ${report}`);
  return lines.join('\n');
}
