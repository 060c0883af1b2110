// The differences between two captures, per pair of sessions: changed exchanges with
// their paths (A → B), exchanges only in A (missing) or only in B (extra).
import type { CaptureDiff, DiffSessionRef, ExchangeDiff, SessionDiff } from '../../../api/replay';
import { EmptyState } from '../../components/Panel';
import { useDiff } from '../../stores/hooks';
import { DIRECTION_LABEL } from '../traffic/format';
import { ChangeTable } from './ChangeTable';
import { comparisonText, DIFF_STATUS_TONE, seqPair } from './outcomes';

const sessionName = (s: DiffSessionRef) => `${s.chargePointId} (${s.id}, ${s.frames} frames)`;

export function DiffResultView() {
  const result = useDiff((s) => s.result);
  if (result === undefined) {
    return <EmptyState title="Nothing compared yet">Give two captures and press Compare: a capture against a later one, or a recording against its replay.</EmptyState>;
  }
  return <DiffSummary result={result} />;
}

function DiffSummary({ result }: { result: CaptureDiff }) {
  const { counts } = result;
  return (
    <div className="diff-result" data-testid="diff-result" data-equal={result.equal}>
      <div className="run-progress">
        <div className="run-progress-line">
          <b data-testid="diff-headline">{result.equal ? 'The captures are equal' : 'The captures differ'}</b>
          <span className="run-counts" data-testid="diff-counts">
            <span className="ok-text">{counts.same} same</span>
            <span className="error-text">{counts.changed} changed</span>
            <span className="warn-text">{counts.missing} missing</span>
            <span className="warn-text">{counts.extra} extra</span>
          </span>
        </div>
        <div className="dim mono diff-files">
          A {result.a} · B {result.b}
        </div>
        <div className="dim">{comparisonText(result.comparison)}</div>
      </div>
      {result.warnings.map((w, i) => (
        <p key={i} className="warn-text pad">
          {w}
        </p>
      ))}
      {result.sessions.map((s) => (
        <SessionDiffView key={`${s.a.id}=${s.b.id}`} diff={s} />
      ))}
      {result.unpaired.a.length + result.unpaired.b.length > 0 && (
        <section className="diff-session" data-testid="diff-unpaired">
          <h3>Sessions in one capture only</h3>
          <ul className="plain-list">
            {result.unpaired.a.map((s) => (
              <li key={`a-${s.id}`}>Only in A: {sessionName(s)}</li>
            ))}
            {result.unpaired.b.map((s) => (
              <li key={`b-${s.id}`}>Only in B: {sessionName(s)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const PAIRED_BY: Record<SessionDiff['pairedBy'], string> = { chargePointId: 'by charge point id', explicit: 'as asked', only: 'the only session of each' };

function SessionDiffView({ diff }: { diff: SessionDiff }) {
  return (
    <section className="diff-session" data-testid="diff-session" data-equal={diff.equal}>
      <h3>
        A {sessionName(diff.a)} ↔ B {sessionName(diff.b)}{' '}
        <span className="dim diff-session-meta">
          · paired {PAIRED_BY[diff.pairedBy]} · {diff.same} same{diff.equal ? ', no difference' : `, ${diff.differences.length} different`}
        </span>
      </h3>
      {diff.differences.map((d, i) => (
        <ExchangeDiffView key={i} diff={d} />
      ))}
    </section>
  );
}

function ExchangeDiffView({ diff: d }: { diff: ExchangeDiff }) {
  const label = d.status === 'missing' ? 'only in A' : d.status === 'extra' ? 'only in B' : 'changed';
  return (
    <div className="diff-exchange" data-testid="diff-exchange" data-status={d.status} data-action={d.action ?? ''}>
      <div className="diff-exchange-head">
        <span className={`pill pill-${DIFF_STATUS_TONE[d.status]}`}>{label}</span>
        <b>{d.action ?? d.kind}</b>
        <span className="dim">{d.kind}</span>
        <span className={`dir-${d.dir}`}>{DIRECTION_LABEL[d.dir]}</span>
        {d.a !== undefined && <span className="dim mono">A {seqPair(d.a)}</span>}
        {d.b !== undefined && <span className="dim mono">B {seqPair(d.b)}</span>}
      </div>
      <ChangeTable changes={d.changes.map((c) => ({ part: c.part, path: c.path, change: c.change, left: c.a, right: c.b }))} left="A" right="B" />
    </div>
  );
}
