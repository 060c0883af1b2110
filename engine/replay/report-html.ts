// A self-contained HTML page of a replay result (no external assets, a strict CSP), like
// the conformance report: the verdict, the settings that explain it, every exchange with
// its differences by path, recorded against live.
import type { ReplayChange, ReplayExchange, ReplayResult, ReplayTiming } from '../../api/replay';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const show = (v: unknown) => (v === undefined ? '—' : esc(JSON.stringify(v)));

export function describeTiming(t: ReplayTiming): string {
  return t.mode === 'fixed' ? `fixed ${t.ms} ms between the bench's CALLs` : t.mode === 'fast' ? 'fast (no waiting)' : 'as recorded';
}

export function renderReplayHtml(r: ReplayResult): string {
  const c = r.counts;
  const ids = Object.entries(r.ids)
    .map(([field, pairs]) => `<tr><td>${esc(field)}</td><td>${pairs.map((p) => `${show(p.recorded)} → ${show(p.live)}`).join('<br>')}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Replay of ${esc(r.session.chargePointId)} — ${r.verdict}</title>
<style>${CSS}</style></head><body>
<header><h1><span class="badge ${r.verdict}">${r.verdict.toUpperCase()}</span> Replay of ${esc(r.session.chargePointId)} as the ${r.as === 'charger' ? 'charger' : 'CSMS'}</h1>
<p class="meta">Session <code>${esc(r.session.id)}</code> of <code>${esc(r.file)}</code> (${esc(r.session.subprotocol ?? '?')}, recorded ${esc(r.session.opened)}) · ${r.as === 'charger' ? 'against' : 'listening at'} <code>${esc(r.target)}</code> · timing ${esc(describeTiming(r.timing))} · started ${esc(r.started)} · ${(r.durationMs / 1000).toFixed(2)} s</p>
${r.reason !== undefined ? `<p class="reason">${esc(r.reason)}</p>` : ''}
<p class="totals"><span class="match">${c.match} match</span> <span class="differs">${c.differs} differ</span> <span class="differs">${c.missing} missing</span> <span class="differs">${c.unexpected} unexpected</span> <span class="differs">${c.timeout} unanswered</span> <span class="dim">${c.closed} not sent (closed)</span> · judge: ${r.findings.error} errors, ${r.findings.warning} warnings</p>
</header>
<section><h2>Exchanges</h2><table class="exchanges"><thead><tr><th>#</th><th>who</th><th>action</th><th>outcome</th><th>recorded</th><th>live</th><th>differences (recorded → live)</th></tr></thead><tbody>${r.exchanges.map(renderExchange).join('')}</tbody></table></section>
${ids !== '' ? `<section><h2>Ids the live peer issued</h2><table class="ids"><tbody>${ids}</tbody></table></section>` : ''}
<section><h2>What the comparison ignores</h2><p>Volatile: ${r.comparison.volatile.map((v) => `<code>${esc(v)}</code>`).join(' ')}. Correlated (may differ consistently): ${r.comparison.correlated.map((v) => `<code>${esc(v)}</code>`).join(' ')}. Message ids are always fresh and never compared.</p></section>
${r.warnings.length > 0 ? `<section><h2>Warnings</h2><ul>${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>` : ''}
${r.capture !== undefined ? `<footer>Capture of the replay: <code>${esc(r.capture)}</code>${r.liveSession !== undefined ? `, session <code>${esc(r.liveSession)}</code>` : ''}</footer>` : ''}
</body></html>
`;
}

function renderExchange(e: ReplayExchange): string {
  const who = `${e.by === 'bench' ? 'bench' : 'peer'} ${e.dir === 'cp2csms' ? 'CP → CSMS' : 'CSMS → CP'}`;
  const rec = e.recorded === undefined ? '—' : `#${e.recorded.requestSeq}${e.recorded.responseSeq !== undefined ? `/#${e.recorded.responseSeq}` : ''}`;
  const live = e.live === undefined ? '—' : `${e.live.requestSeq !== undefined ? `#${e.live.requestSeq}` : ''}${e.live.responseSeq !== undefined ? `/#${e.live.responseSeq}` : ''}${e.live.latencyMs !== undefined ? ` <span class="dim">${e.live.latencyMs.toFixed(1)} ms</span>` : ''}`;
  const changes = e.changes.map(renderChange).join('');
  const note = e.note !== undefined ? `<div class="note">${esc(e.note)}</div>` : '';
  return `<tr class="ex-${e.outcome}"><td>${e.n}</td><td>${esc(who)}</td><td>${esc(e.action)}</td><td><span class="badge ${e.outcome === 'match' ? 'match' : 'differs'}">${e.outcome}</span></td><td>${rec}</td><td>${live}</td><td>${changes}${note}</td></tr>`;
}

function renderChange(c: ReplayChange): string {
  const where = `${c.part}${c.path === '' ? '' : ` <code>${esc(c.path)}</code>`}`;
  switch (c.change) {
    case 'changed':
    case 'kind':
      return `<div class="change">${where}: ${show(c.recorded)} → ${show(c.live)}</div>`;
    case 'added':
      return `<div class="change">${where}: only live, ${show(c.live)}</div>`;
    case 'removed':
      return `<div class="change">${where}: only recorded, ${show(c.recorded)}</div>`;
  }
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:24px;color:#1d2330;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.meta,.dim{color:#667085}.dim{font-size:12px}
.totals span{margin-right:12px;font-weight:600}
.match{color:#067647}.differs,.reason{color:#b42318}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e7ec;vertical-align:top}
.badge{display:inline-block;min-width:44px;text-align:center;font-size:11px;font-weight:700;border-radius:4px;padding:1px 6px;color:#fff;background:#98a2b3}
.badge.match{background:#12b76a}.badge.differs,.badge.failed{background:#d92d20}
tr.ex-differs,tr.ex-missing,tr.ex-unexpected,tr.ex-timeout,tr.ex-closed{background:#fef3f2}
.change{color:#b42318}
code{overflow-wrap:anywhere}.change{font-size:13px}.note{font-size:12px;color:#475467}
footer{margin-top:24px;color:#667085}
`;
