// A finished replay: what was played against what, the ids the live peer issued, what the
// comparison ignored, and every exchange with its outcome; one opens into its changes.
import { useState, type ReactNode } from 'react';
import type { ReplayResult } from '../../../api/replay';
import { FindingBadges } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useSessions } from '../../stores/hooks';
import { DIRECTION_LABEL, duration, timeOfDay } from '../traffic/format';
import { ExchangeDetail } from './ExchangeDetail';
import { comparisonText, OUTCOME_TONE, seqPair, shortValue, VERDICT_TONE } from './outcomes';
import { useShowInTraffic } from './use-show-in-traffic';

export function ReplayResultView({ result }: { result: ReplayResult }) {
  const firstDifference = result.exchanges.find((e) => e.outcome !== 'match')?.n;
  const [open, setOpen] = useState<number | undefined>(firstDifference ?? result.exchanges[0]?.n);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const inTraffic = useSessions((s) => result.liveSession !== undefined && s.byId.has(result.liveSession));
  const show = useShowInTraffic();
  const rows = onlyDifferences ? result.exchanges.filter((e) => e.outcome !== 'match') : result.exchanges;
  const current = result.exchanges.find((e) => e.n === open);
  const remapped = Object.entries(result.ids).flatMap(([field, pairs]) => pairs.map((p) => `${field} ${shortValue(p.recorded, 40)} → ${shortValue(p.live, 40)}`));

  return (
    <div className="replay-result" data-testid="replay-result" data-verdict={result.verdict}>
      <div className="replay-summary">
        <div className="facts">
          <Fact label="Verdict">
            <span className={`pill pill-${VERDICT_TONE[result.verdict]}`} data-testid="replay-verdict">
              {result.verdict}
            </span>
          </Fact>
          <Fact label="Session">
            {result.session.chargePointId} <span className="dim mono">{result.session.id}</span>
          </Fact>
          <Fact label={result.as === 'charger' ? 'As the charger, against' : 'As the CSMS, at'}>
            <span className="mono">{result.target}</span>
          </Fact>
          <Fact label="Timing and duration">
            {result.timing.mode === 'fixed' ? `fixed ${result.timing.ms} ms` : result.timing.mode} · started {timeOfDay(result.started)} · {duration(result.durationMs)}
          </Fact>
          <Fact label="Findings on the live session">{result.findings.error + result.findings.warning + result.findings.info === 0 ? <span className="dim">none</span> : <FindingBadges counts={result.findings} />}</Fact>
          {remapped.length > 0 && <Fact label="Ids the live peer issued">{remapped.join('; ')}</Fact>}
          {result.capture !== undefined && (
            <Fact label="Recorded to">
              <span className="mono">{result.capture}</span>
            </Fact>
          )}
        </div>
        <div className="dim replay-ignored">{comparisonText(result.comparison)}</div>
        {result.warnings.length > 0 && (
          <ul className="replay-warnings" data-testid="replay-warnings">
            {result.warnings.map((w, i) => (
              <li key={i} className="warn-text">
                {w}
              </li>
            ))}
          </ul>
        )}
        <div className="replay-result-tools">
          <label className="check">
            <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} data-testid="replay-only-differences" /> Only exchanges that did not match
          </label>
          {inTraffic && result.liveSession !== undefined && (
            <Button small onClick={() => void show(result.liveSession!)} data-testid="replay-show-in-traffic" title="The replay's live session, judged like any traffic">
              Show in traffic
            </Button>
          )}
        </div>
      </div>
      <table className="data-table exchange-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Outcome</th>
            <th>Action</th>
            <th>Sent by</th>
            <th>Changes</th>
            <th title="Frame seqs of the request and its answer in the recorded session">Recorded (seq)</th>
            <th title="Frame seqs of the request and its answer in the live session">Live (seq)</th>
            <th>Latency</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.n} className={e.n === open ? 'row-selected' : ''} onClick={() => setOpen(e.n)} data-testid="exchange-row" data-action={e.action} data-outcome={e.outcome}>
              <td className="dim">{e.n}</td>
              <td>
                <span className={`pill pill-${OUTCOME_TONE[e.outcome]}`}>{e.outcome}</span>
              </td>
              <td>{e.action}</td>
              <td>
                <span className={`dir-${e.dir}`}>{DIRECTION_LABEL[e.dir]}</span> <span className="dim">{e.by === 'bench' ? 'replayed' : 'live peer'}</span>
              </td>
              <td>{e.changes.length > 0 ? e.changes.length : e.note !== undefined ? <span className="dim">{e.note}</span> : ''}</td>
              <td className="mono dim">{seqPair(e.recorded)}</td>
              <td className="mono dim">{seqPair(e.live)}</td>
              <td className="dim">{e.live?.latencyMs !== undefined ? duration(e.live.latencyMs) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="dim pad">Every exchange matched.</p>}
      {current !== undefined && <ExchangeDetail exchange={current} liveSession={result.liveSession} />}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <div className="fact-label">{label}</div>
      <div className="fact-value">{children}</div>
    </div>
  );
}
