// One case of a report: its steps as sentences with their verdicts, the expectation that
// broke, and the frames each step concerns (the transcript, with findings).
import { useState } from 'react';
import type { CaseResult, StepFrame } from '../../../api/conformance';
import { SeverityBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { JsonTree } from '../../components/json/JsonTree';
import { useStores } from '../../stores/context';
import { useSessions } from '../../stores/hooks';
import { DIRECTION_LABEL, timeOfDay } from '../traffic/format';
import { VERDICT_MARK, verdictTone } from './verdicts';

export function CaseDetail({ result }: { result: CaseResult }) {
  const failing = result.steps.find((s) => s.verdict === 'fail');
  const [frameNo, setFrameNo] = useState<number | undefined>(failing?.frames[0]);
  const frame = result.frames.find((f) => f.n === frameNo);
  return (
    <div className="case-detail" data-testid="case-detail" data-case={result.id}>
      <h3>
        {result.id} · {result.title}
      </h3>
      <ol className="steps">
        {result.steps.map((step) => (
          <li key={step.index} className={`step step-${step.verdict}`} style={{ paddingLeft: `${step.depth * 16 + 4}px` }} data-testid="case-step" data-verdict={step.verdict}>
            <span className={`verdict-mark tone-${verdictTone(step.verdict)}`}>{VERDICT_MARK[step.verdict]}</span>
            <span className="step-text">{step.text}</span>
            {step.frames.length > 0 && (
              <span className="step-frames">
                {step.frames.map((n) => (
                  <button key={n} type="button" className={n === frameNo ? 'frame-chip frame-chip-open' : 'frame-chip'} onClick={() => setFrameNo(n)} data-testid="step-frame">
                    #{n}
                  </button>
                ))}
              </span>
            )}
            {(step.expected !== undefined || step.actual !== undefined) && (
              <div className="step-why">
                {step.expected !== undefined && <div>Expected: {step.expected}</div>}
                {step.actual !== undefined && <div>Actual: {step.actual}</div>}
              </div>
            )}
          </li>
        ))}
      </ol>
      <Transcript frames={result.frames} open={frameNo} onOpen={setFrameNo} />
      {frame !== undefined && <FrameView frame={frame} />}
    </div>
  );
}

function Transcript({ frames, open, onOpen }: { frames: readonly StepFrame[]; open: number | undefined; onOpen(n: number): void }) {
  if (frames.length === 0) return null;
  return (
    <>
      <h3>Frames ({frames.length})</h3>
      <div className="transcript" data-testid="transcript">
        {frames.map((f) => (
          <button key={f.n} type="button" className={f.n === open ? 'transcript-row transcript-open' : 'transcript-row'} onClick={() => onOpen(f.n)}>
            <span className="dim">#{f.n}</span>
            <span className="dim">{timeOfDay(f.time)}</span>
            <span className={`dir-${f.dir}`}>{DIRECTION_LABEL[f.dir]}</span>
            <span className="mono transcript-text">{f.text}</span>
            <span>{f.findings.length > 0 && <SeverityBadge severity={f.findings.some((x) => x.severity === 'error') ? 'error' : 'warning'} count={f.findings.length} />}</span>
          </button>
        ))}
      </div>
    </>
  );
}

function FrameView({ frame }: { frame: StepFrame }) {
  const { frames, inspector, nav } = useStores();
  const inTraffic = useSessions((s) => s.byId.has(frame.session));
  let value: unknown;
  try {
    value = JSON.parse(frame.text);
  } catch {
    value = undefined;
  }
  // Frames of a run are in the traffic store under their session; with a session-only
  // query a frame's position is its seq.
  const showInTraffic = async () => {
    await frames.getState().actions.setQuery({ session: frame.session, filter: '' });
    const page = await frames.getState().actions.locateSeq(frame.seq);
    if (page !== undefined) {
      frames.getState().actions.scrollTo(page.position);
      void inspector.getState().actions.select(page.index);
    }
    nav.getState().actions.go('traffic');
  };
  return (
    <div className="frame-view" data-testid="frame-view">
      <div className="frame-view-head">
        <b>Frame #{frame.n}</b> <span className={`dir-${frame.dir}`}>{DIRECTION_LABEL[frame.dir]}</span> <span className="dim">{timeOfDay(frame.time)}</span>
        {inTraffic && (
          <Button small variant="ghost" onClick={() => void showInTraffic()}>
            Show in traffic
          </Button>
        )}
      </div>
      {frame.findings.map((f, i) => (
        <div key={i} className="frame-finding">
          <SeverityBadge severity={f.severity} /> {f.path !== undefined ? <code>{f.path}</code> : null} {f.message} <span className="faint">{f.rule}</span>
        </div>
      ))}
      {value !== undefined ? <JsonTree value={value} openDepth={4} /> : <pre className="raw-text">{frame.text}</pre>}
    </div>
  );
}
