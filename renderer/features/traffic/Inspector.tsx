// The selected frame: what it is, its findings (each pointing at its JSON path), its
// matching request or response, and its text as a tree or raw.
import { useMemo, useState } from 'react';
import type { FrameDetail } from '../../../api/model';
import { Button } from '../../components/Button';
import { JsonTree } from '../../components/json/JsonTree';
import { EmptyState } from '../../components/Panel';
import { useStores } from '../../stores/context';
import { useInspector } from '../../stores/hooks';
import type { JsonTarget } from '../../stores/inspector/inspector-store';
import { FindingList } from './FindingList';
import { DIRECTION_LABEL, duration, frameNo, KIND_LABEL, payloadElement, timeOfDay } from './format';
import { targetSegments } from './targets';
import { useJumpToFrame } from './use-jump';

type Tab = 'tree' | 'raw';

export function Inspector() {
  const selected = useInspector((s) => s.selected);
  const detail = useInspector((s) => s.detail);
  const loading = useInspector((s) => s.loading);
  const error = useInspector((s) => s.error);

  if (selected === undefined) return <EmptyState title="No frame selected">Select a row to see its text, findings and matching request or response.</EmptyState>;
  if (error !== undefined) return <EmptyState title={`Frame ${frameNo(selected)} could not be read`}>{error.message}</EmptyState>;
  if (detail === undefined || loading) return <div className="inspector-loading dim">Loading frame {frameNo(selected)}…</div>;
  return <FrameInspector detail={detail} />;
}

function FrameInspector({ detail }: { detail: FrameDetail }) {
  const { inspector } = useStores();
  const highlight = useInspector((s) => s.highlight);
  const [tab, setTab] = useState<Tab>('tree');
  const jumpToFrame = useJumpToFrame();
  const { summary, pair } = detail;

  const parsed = useMemo(() => parseMessage(detail.text), [detail.text]);
  const payloadAt = payloadElement(summary.kind);
  const labels = useMemo(() => messageLabels(summary.kind), [summary.kind]);

  const onFinding = (target: JsonTarget | undefined) => {
    inspector.getState().actions.highlight(target);
    if (target !== undefined) setTab('tree');
  };

  return (
    <div className="inspector" data-testid="inspector" data-index={summary.index}>
      <div className="inspector-head">
        <span className="inspector-title">
          Frame {frameNo(summary.index)} · <span className={`dir-${summary.dir}`}>{DIRECTION_LABEL[summary.dir]}</span> ·{' '}
          {summary.kind === undefined ? 'not valid OCPP-J' : KIND_LABEL[summary.kind]} {summary.action ?? ''}
        </span>
        <span className="dim mono">
          {timeOfDay(summary.time)} · {summary.size} B{summary.messageId !== undefined ? ` · id ${summary.messageId}` : ''}
          {summary.latencyMs !== undefined ? ` · ${duration(summary.latencyMs)} after its request` : ''}
          {summary.marks !== undefined && summary.marks.length > 0 ? ` · ${summary.marks.join(', ')}` : ''}
        </span>
      </div>
      {pair !== undefined && (
        <div className="inspector-pair">
          <span className="dim">{summary.kind === 'CALL' ? 'Response' : 'Request'}:</span>
          <button type="button" className="pair-link" data-testid="inspector-pair" onClick={() => void jumpToFrame(pair.index)}>
            frame {frameNo(pair.index)} · {pair.kind === undefined ? 'invalid' : KIND_LABEL[pair.kind]} {pair.action ?? ''} · {timeOfDay(pair.time)}
            {pair.latencyMs !== undefined ? ` · ${duration(pair.latencyMs)}` : ''}
          </button>
        </div>
      )}
      {summary.kind === 'CALL' && pair === undefined && <div className="inspector-pair dim">No response seen (yet).</div>}
      <FindingList findings={detail.findings} payloadElement={payloadAt} highlight={highlight} onChoose={onFinding} />
      <div className="inspector-tabs" role="tablist">
        <TabButton id="tree" tab={tab} setTab={setTab}>
          Tree
        </TabButton>
        <TabButton id="raw" tab={tab} setTab={setTab}>
          Raw
        </TabButton>
        <span className="inspector-tabs-fill" />
        {detail.text !== undefined && (
          <Button small variant="ghost" onClick={() => void navigator.clipboard?.writeText(detail.text ?? '')} title="Copy the exact frame text">
            Copy
          </Button>
        )}
      </div>
      <div className="inspector-body" role="tabpanel">
        {tab === 'tree' && parsed.ok && <JsonTree value={parsed.value} highlight={targetSegments(highlight)} labels={labels} openDepth={4} />}
        {tab === 'tree' && !parsed.ok && <p className="inspector-note dim">{parsed.reason} See the raw text.</p>}
        {tab === 'raw' && <pre className="raw-text" data-testid="raw-text">{detail.text ?? `(binary frame, base64)\n${detail.binary ?? ''}`}</pre>}
      </div>
    </div>
  );
}

function TabButton({ id, tab, setTab, children }: { id: Tab; tab: Tab; setTab(t: Tab): void; children: string }) {
  return (
    <button type="button" role="tab" className="tab" aria-selected={tab === id} onClick={() => setTab(id)} data-testid={`inspector-tab-${id}`}>
      {children}
    </button>
  );
}

function parseMessage(text: string | undefined): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text === undefined) return { ok: false, reason: 'A binary frame has no JSON.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'The frame is not JSON.' };
  }
}

/** Names of the OCPP-J message array's elements (OCPP-J 1.6 §4.2.1–4.2.3). */
function messageLabels(kind: FrameDetail['summary']['kind']): Record<string, string> {
  switch (kind) {
    case 'CALL':
    case 'SEND':
      return { '0': 'type', '1': 'message id', '2': 'action', '3': 'payload' };
    case 'CALLRESULT':
      return { '0': 'type', '1': 'message id', '2': 'payload' };
    case 'CALLERROR':
    case 'CALLRESULTERROR':
      return { '0': 'type', '1': 'message id', '2': 'error code', '3': 'description', '4': 'details' };
    default:
      return {};
  }
}
