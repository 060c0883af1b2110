// `ocpp-bench diff A B`: semantic diff of two captures — sessions paired, exchanges aligned
// by the sequence of actions, volatile fields and consistently renamed ids left out. Exit 0
// when they do not differ, 1 when they do, 2 on bad input.
import type { Command } from 'commander';
import { ApiError } from '../../api/errors';
import type { OcppVersion } from '../../api/model';
import type { CaptureDiff, DiffArgs, ExchangeDiff } from '../../api/replay';
import { CaptureReadError } from '../../engine/capture/reader';
import { DEFAULT_CORRELATED, DEFAULT_VOLATILE } from '../../engine/replay/compare';
import { diffCaptures } from '../../engine/replay/diff/capture-diff';
import { exitCodes, parseVersionOption } from '../usage';
import { formatChange, parseList } from './diff-lines';

interface DiffFlags {
  session: string[];
  json?: boolean;
  version?: OcppVersion;
  volatile?: string[];
  alsoVolatile?: string[];
  correlated?: string[];
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('Compare two captures exchange by exchange: what is missing from B, extra in B, and changed (by path), volatile fields aside.')
    .argument('<a>', 'the first capture (.jsonl)')
    .argument('<b>', 'the second capture (.jsonl)')
    .option('--session <id>', 'CONN_A=CONN_B pairs two sessions; a connection id or charge point id keeps only those; repeatable (default: every session, paired by charge point id)', (v: string, all: string[]) => [...all, v], [])
    .option('--json', 'print the diff as JSON')
    .option('--version <version>', 'read every session as this OCPP version (1.6, 2.0.1, 2.1)', parseVersionOption)
    .option('--volatile <list>', `fields to ignore, comma-separated, instead of the defaults (${DEFAULT_VOLATILE.join(', ')})`, parseList)
    .option('--also-volatile <list>', 'fields to ignore besides the defaults (names, JSON Pointers with *, @date-time)', parseList)
    .option('--correlated <list>', `id fields that may differ consistently, instead of the defaults (${DEFAULT_CORRELATED.join(', ')})`, parseList)
    .addHelpText('after', '\nExit codes: 0 when the captures do not differ, 1 when they do, 2 on bad arguments or unreadable captures.')
    .action(async (a: string, b: string, flags: DiffFlags) => {
      const args: DiffArgs = { a, b };
      if (flags.session.length > 0) args.sessions = flags.session;
      if (flags.version !== undefined) args.version = flags.version;
      if (flags.volatile !== undefined || flags.alsoVolatile !== undefined) args.volatile = [...(flags.volatile ?? DEFAULT_VOLATILE), ...(flags.alsoVolatile ?? [])];
      if (flags.correlated !== undefined) args.correlated = flags.correlated;
      let diff: CaptureDiff;
      try {
        diff = await diffCaptures(args);
      } catch (err) {
        if (err instanceof CaptureReadError || (err instanceof ApiError && (err.code === 'bad-args' || err.code === 'io'))) {
          process.stderr.write(`ocpp-bench diff: ${err.message}\n`);
          process.exitCode = exitCodes.usage;
          return;
        }
        throw err;
      }
      process.stdout.write(flags.json === true ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
      process.exitCode = diff.equal ? exitCodes.ok : exitCodes.failed;
    });
}

function where(p: ExchangeDiff['a']): string {
  return p === undefined ? '' : `#${p.requestSeq}${p.responseSeq !== undefined ? `/#${p.responseSeq}` : ''}`;
}

export function formatDiff(d: CaptureDiff): string {
  const out: string[] = [`A: ${d.a}`, `B: ${d.b}`];
  for (const w of d.warnings) out.push(`warning: ${w}`);
  for (const s of d.sessions) {
    const n = (status: string) => s.differences.filter((x) => x.status === status).length;
    out.push('');
    out.push(`session ${s.a.id} (${s.a.chargePointId}) ↔ ${s.b.id} (${s.b.chargePointId}): ${s.equal ? 'no differences' : `${n('changed')} changed, ${n('missing')} missing, ${n('extra')} extra`}; ${s.same} exchanges the same`);
    for (const x of s.differences) {
      const arrow = x.dir === 'cp2csms' ? 'CP → CSMS' : 'CSMS → CP';
      const what = `${arrow} ${x.kind === 'CALL' ? '' : `${x.kind} `}${x.action ?? ''}`.trim();
      if (x.status === 'changed') {
        out.push(`  ~ ${what}  A ${where(x.a)} ↔ B ${where(x.b)}`);
        for (const c of x.changes) out.push(`      ${formatChange(c, c.a, c.b, ['A', 'B'])}`);
      } else if (x.status === 'missing') out.push(`  - ${what}  only in A ${where(x.a)}`);
      else out.push(`  + ${what}  only in B ${where(x.b)}`);
    }
  }
  for (const s of d.unpaired.a) out.push(`only in A: session ${s.id} (${s.chargePointId}, ${s.frames} frames)`);
  for (const s of d.unpaired.b) out.push(`only in B: session ${s.id} (${s.chargePointId}, ${s.frames} frames)`);
  const c = d.counts;
  out.push('');
  out.push(d.equal ? `No differences (${c.same} exchanges compared)` : `Different: ${c.changed} changed, ${c.missing} missing, ${c.extra} extra, ${d.unpaired.a.length + d.unpaired.b.length} sessions unpaired (${c.same} exchanges the same)`);
  return `${out.join('\n')}\n`;
}
