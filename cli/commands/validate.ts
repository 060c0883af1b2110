// `ocpp-bench validate FILE`: judge a capture and print its findings.
import type { Command } from 'commander';
import type { LocatedFinding, ValidationReport } from '../../api/model';
import { validateCapture } from '../../engine/judge/validate-capture';
import { CaptureReadError } from '../../engine/capture/reader';
import { exitCodes, parseVersionOption } from '../usage';
import { arrow, pad } from '../format';
import { describeFilterError, FILTER_HELP_EPILOGUE, FILTER_OPTION_HELP } from '../filter-usage';
import { addJudgeOptions, judgeSettingsFrom, type JudgeFlags } from '../judge-options';

export function registerValidate(program: Command): void {
  const command = program
    .command('validate')
    .description('Judge every frame of a capture (framing, schema, correlation, behaviour rules) and print the findings.')
    .argument('<file>', 'capture file (.jsonl) written by ocpp-bench')
    .option('--json', 'print machine-readable findings')
    .option('--version <version>', 'judge every session as this OCPP version (1.6, 2.0.1, 2.1) instead of its negotiated subprotocol', parseVersionOption)
    .option('--filter <expression>', `report the findings of ${FILTER_OPTION_HELP}`);
  addJudgeOptions(command)
    .addHelpText('after', FILTER_HELP_EPILOGUE)
    .action(async (file: string, opts: JudgeFlags & { json?: boolean; version?: '1.6' | '2.0.1' | '2.1'; filter?: string }) => {
      let report: ValidationReport;
      try {
        const judging = await judgeSettingsFrom(opts);
        report = await validateCapture(file, {
          judging,
          ...(opts.version !== undefined ? { version: opts.version } : {}),
          ...(opts.filter !== undefined ? { filter: opts.filter } : {}),
        });
      } catch (err) {
        const filterError = describeFilterError('validate', opts.filter ?? '', err);
        if (filterError !== undefined) {
          process.stderr.write(filterError);
          process.exitCode = exitCodes.usage;
          return;
        }
        if (err instanceof CaptureReadError) {
          process.stderr.write(`ocpp-bench validate: ${err.message}\n`);
          process.exitCode = exitCodes.usage;
          return;
        }
        throw err;
      }
      process.stdout.write(opts.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      process.exitCode = report.errors > 0 ? exitCodes.failed : exitCodes.ok;
    });
}

/** How a deviation profile changed a finding, in a few words. */
export function describeDeviation(f: LocatedFinding['finding']): string {
  const d = f.deviation;
  if (d === undefined) return '';
  const how = d.silenced === true ? 'silenced' : d.originalSeverity !== f.severity ? `${d.originalSeverity} → ${f.severity}` : 'known';
  return ` [deviation "${d.profile}": ${how}${d.reason !== undefined ? `; ${d.reason}` : ''}]`;
}

export function formatFinding(f: LocatedFinding): string {
  const where = f.finding.path !== undefined && f.finding.path !== '' ? ` ${f.finding.path}` : f.finding.element !== undefined ? ` [${f.finding.element}]` : '';
  return [
    pad(`#${f.frame}`, 7),
    f.time,
    pad(f.chargePointId, 12),
    arrow(f.dir),
    pad(f.action ?? '-', 28),
    pad(f.messageId === undefined ? '-' : `id=${f.messageId}`, 16),
    pad(f.finding.severity, 7),
    `${f.finding.rule}${where}: ${f.finding.message}${describeDeviation(f.finding)}`,
  ].join(' ');
}

export function formatReport(report: ValidationReport): string {
  const out: string[] = [];
  for (const w of report.warnings) out.push(`warning: ${w}`);
  for (const f of report.findings) out.push(formatFinding(f));
  out.push('');
  const deviations = report.profile === undefined ? '' : `; ${report.deviations ?? 0} known deviations (profile "${report.profile.name}")`;
  const counted = `${report.findings.length} findings (${report.errors} errors)${deviations}`;
  out.push(
    report.filter === undefined
      ? `${report.file}: ${report.frames} frames in ${report.sessions.length} sessions, ${counted}`
      : `${report.file}: ${report.filter.frames} of ${report.frames} frames in ${report.sessions.length} sessions match the filter "${report.filter.expression}", ${counted}`,
  );
  const rules = Object.entries(report.byRule).sort((a, b) => b[1].count - a[1].count);
  if (rules.length > 0) {
    out.push('By rule:');
    for (const [rule, { severity, count }] of rules) out.push(`  ${pad(severity, 8)}${pad(rule, 40)}${count}`);
  }
  if (report.sessions.length > 0) {
    out.push('By session:');
    for (const s of report.sessions) {
      out.push(
        `  ${pad(s.id, 24)}${pad(s.chargePointId, 16)}${pad(s.subprotocol ?? '-', 12)}${pad(`${s.frames} frames`, 14)}${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} info`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
