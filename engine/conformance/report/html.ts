// A self-contained HTML report from the canonical JSON report: summary per profile, each
// case's steps in prose, the frame transcript with findings, timings. No external assets,
// so it opens offline and can be mailed or archived as one file.
import type { CaseResult, ConformanceReport, StepFrame, StepResult } from '../../../api/conformance';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const VERDICT_LABEL: Record<string, string> = { pass: 'PASS', fail: 'FAIL', inconclusive: 'INCONCLUSIVE', notApplicable: 'N/A', info: 'INFO' };

export function renderHtml(report: ConformanceReport): string {
  const profiles = [...new Set(report.cases.map((c) => c.profile))];
  const rows = profiles
    .map((p) => {
      const cs = report.cases.filter((c) => c.profile === p);
      const n = (v: string) => cs.filter((c) => c.verdict === v).length;
      return `<tr><td>${esc(p)}</td><td>${cs.length}</td><td class="pass">${n('pass')}</td><td class="fail">${n('fail')}</td><td class="inconclusive">${n('inconclusive')}</td><td class="na">${n('notApplicable')}</td></tr>`;
    })
    .join('');
  const s = report.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>OCPP ${esc(report.ocppVersion)} conformance — ${esc(report.sutName)}</title>
<style>${CSS}</style></head><body>
<header><h1>OCPP ${esc(report.ocppVersion)} conformance report</h1>
<p class="meta">${esc(report.sut === 'charger' ? 'Charger' : 'CSMS')} under test: <b>${esc(report.sutName)}</b> · ${report.mode === 'simulated' ? `built-in ${report.sut === 'charger' ? 'simulator' : 'CSMS'}${report.behaviour !== undefined ? ` with faulty behaviour <b>${esc(report.behaviour)}</b>` : ''}` : 'live system'} · started ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s${report.timeScale !== 1 ? ` · spec timers × ${report.timeScale}` : ''} · ${esc(report.tool)} ${esc(report.toolVersion)} · run ${esc(report.runId)}</p>
<p class="totals"><span class="pass">${s.pass} passed</span> <span class="fail">${s.fail} failed</span> <span class="inconclusive">${s.inconclusive} inconclusive</span> <span class="na">${s.notApplicable} not applicable</span> of ${s.total}</p>
</header>
<section><h2>By profile</h2><table class="summary"><thead><tr><th>Profile</th><th>Cases</th><th>Pass</th><th>Fail</th><th>Inconclusive</th><th>N/A</th></tr></thead><tbody>${rows}</tbody></table></section>
<section><h2>Cases</h2>${report.cases.map(renderCase).join('\n')}</section>
${report.capture !== undefined ? `<footer>Capture of the whole run: <code>${esc(report.capture)}</code></footer>` : ''}
</body></html>
`;
}

function renderCase(c: CaseResult): string {
  return `<details class="case ${c.verdict}" id="${esc(c.id)}"${c.verdict === 'fail' ? ' open' : ''}>
<summary><span class="badge ${c.verdict}">${VERDICT_LABEL[c.verdict]}</span> <b>${esc(c.id)}</b> ${esc(c.title)} <span class="dim">${esc(c.profile)} · ${(c.durationMs / 1000).toFixed(2)} s</span>${c.reason !== undefined ? `<div class="reason">${esc(c.reason)}</div>` : ''}</summary>
${c.steps.length > 0 ? `<ol class="steps">${c.steps.map(renderStep).join('')}</ol>` : ''}
${c.frames.length > 0 ? `<details class="transcript"><summary>Frames (${c.frames.length})</summary><table><thead><tr><th>#</th><th>time</th><th></th><th>frame</th><th>findings</th></tr></thead><tbody>${c.frames.map(renderFrame).join('')}</tbody></table></details>` : ''}
</details>`;
}

function renderStep(s: StepResult): string {
  const frames = s.frames.length > 0 ? ` <span class="dim">frame${s.frames.length > 1 ? 's' : ''} ${s.frames.map((n) => `#${n}`).join(', ')}</span>` : '';
  const detail = s.expected !== undefined || s.actual !== undefined ? `<div class="detail">${s.expected !== undefined ? `expected: ${esc(s.expected)}` : ''}${s.actual !== undefined ? `<br>actual: ${esc(s.actual)}` : ''}</div>` : '';
  return `<li class="step ${s.verdict}" style="margin-left:${s.depth * 1.5}em"><span class="badge ${s.verdict}">${VERDICT_LABEL[s.verdict]}</span> ${esc(s.text)}${frames} <span class="dim">+${(s.startedMs / 1000).toFixed(2)} s</span>${detail}</li>`;
}

function renderFrame(f: StepFrame): string {
  const findings = f.findings.map((x) => `<div class="finding ${x.severity}">${esc(x.rule)}${x.path !== undefined && x.path !== '' ? ` <code>${esc(x.path)}</code>` : ''}: ${esc(x.message)}</div>`).join('');
  return `<tr class="${f.findings.length > 0 ? 'has-findings' : ''}"><td>${f.n}</td><td>${esc(f.time.slice(11, 23))}</td><td>${f.dir === 'cp2csms' ? 'CP → CSMS' : 'CSMS → CP'}</td><td><code>${esc(f.text)}</code></td><td>${findings}</td></tr>`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:24px;color:#1d2330;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.meta,.dim{color:#667085}.dim{font-size:12px}
.totals span{margin-right:12px;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e7ec;vertical-align:top}
table.summary{width:auto}
.pass{color:#067647}.fail{color:#b42318}.inconclusive{color:#b54708}.na,.notApplicable,.info{color:#667085}
.badge{display:inline-block;min-width:44px;text-align:center;font-size:11px;font-weight:700;border-radius:4px;padding:1px 6px;color:#fff;background:#98a2b3}
.badge.pass{background:#12b76a}.badge.fail{background:#d92d20}.badge.inconclusive{background:#f79009}.badge.notApplicable,.badge.info{background:#98a2b3}
details.case{background:#fff;border:1px solid #e4e7ec;border-radius:6px;margin:6px 0;padding:6px 10px}
details.case>summary{cursor:pointer}
.reason{margin:4px 0 0 52px;color:#b42318}
ol.steps{list-style:none;padding-left:0;margin:8px 0}ol.steps li{margin:3px 0}
.detail{margin-left:52px;font-size:13px;color:#475467}
.transcript table{font-size:12px}.transcript code{word-break:break-all;white-space:pre-wrap}
.finding.error{color:#b42318}.finding.warning{color:#b54708}
tr.has-findings{background:#fef3f2}
footer{margin-top:24px;color:#667085}
`;
