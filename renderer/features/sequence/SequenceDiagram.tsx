// The frames of the current view as a sequence diagram: a charger lane and a CSMS lane,
// one arrow per message (responses dashed, errors red), findings marked. Virtualised like
// the frame table, over the same pages, so a long session scrolls as smoothly.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { FrameSummary } from '../../../api/model';
import { useStores } from '../../stores/context';
import { rowAt } from '../../stores/frames/pages';
import { useFrameWindow, useInspector, useSessions } from '../../stores/hooks';
import { delta, duration, frameNo, KIND_LABEL, timeOfDay } from '../traffic/format';
import './sequence.css';

const ROW = 34;

export function SequenceDiagram() {
  const { frames: store, inspector } = useStores();
  const total = useFrameWindow((s) => s.total);
  const pages = useFrameWindow((s) => s.pages);
  const generation = useFrameWindow((s) => s.generation);
  const scrollRequest = useFrameWindow((s) => s.scrollTo);
  const session = useFrameWindow((s) => s.query.session);
  const sessions = useSessions((s) => s.byId);
  const selected = useInspector((s) => s.selected);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10, initialRect: { width: 1000, height: 600 }, useFlushSync: false });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const end = (items[items.length - 1]?.index ?? -1) + 1;

  useEffect(() => store.getState().actions.showRange(first, end), [store, first, end, total, generation]);
  useEffect(() => {
    if (scrollRequest !== undefined) virtualizer.scrollToIndex(scrollRequest.position, { align: 'center' });
  }, [scrollRequest, virtualizer]);

  const charger = session === undefined ? 'Chargers' : (sessions.get(session)?.chargePointId ?? 'Charger');
  return (
    <div className="sequence" data-testid="sequence">
      <div className="seq-head">
        <span className="seq-gutter" />
        <span className="seq-lane-title">{charger}</span>
        <span className="seq-lane-title seq-lane-right">CSMS</span>
      </div>
      <div ref={scroller} className="seq-scroll">
        <div className="seq-lines" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const frame = rowAt(pages, item.index);
            const previous = item.index > 0 ? rowAt(pages, item.index - 1) : undefined;
            return (
              <Arrow
                key={item.index}
                top={item.start}
                frame={frame}
                previousMono={previous?.mono}
                chargePoint={session === undefined && frame !== undefined ? sessions.get(frame.session)?.chargePointId : undefined}
                selected={frame !== undefined && frame.index === selected}
                onSelect={(index) => void inspector.getState().actions.select(index)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface ArrowProps {
  top: number;
  frame: FrameSummary | undefined;
  previousMono: number | undefined;
  chargePoint: string | undefined;
  selected: boolean;
  onSelect(index: number): void;
}

const Arrow = memo(function Arrow({ top, frame, previousMono, chargePoint, selected, onSelect }: ArrowProps) {
  const style = { transform: `translateY(${top}px)` };
  if (frame === undefined) return <div className="seq-row" style={style} />;
  const response = frame.kind === 'CALLRESULT' || frame.kind === 'CALLERROR' || frame.kind === 'CALLRESULTERROR';
  const error = frame.kind === 'CALLERROR' || frame.kind === 'CALLRESULTERROR' || frame.kind === undefined;
  const findings = frame.findings.error + frame.findings.warning;
  const classes = ['seq-row', `seq-${frame.dir}`, response ? 'seq-response' : '', error ? 'seq-error' : '', selected ? 'seq-selected' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} style={style} onMouseDown={() => onSelect(frame.index)} data-testid="seq-arrow" data-index={frame.index}>
      <span className="seq-gutter">
        <span className="seq-time">{timeOfDay(frame.time)}</span>
        <span className="seq-delta">{previousMono === undefined ? '' : delta(frame.mono - previousMono)}</span>
      </span>
      <span className="seq-track">
        <span className="seq-label">
          {findings > 0 && <span className={`seq-finding seq-finding-${frame.findings.error > 0 ? 'error' : 'warning'}`} title={`${findings} finding${findings === 1 ? '' : 's'}`} />}
          <b>{frame.action ?? '(invalid)'}</b> <span className="dim">{frame.kind === undefined ? 'not OCPP-J' : KIND_LABEL[frame.kind]}</span>
          {frame.latencyMs !== undefined && <span className="dim"> · {duration(frame.latencyMs)}</span>}
          {chargePoint !== undefined && <span className="dim"> · {chargePoint}</span>}
          <span className="faint"> #{frameNo(frame.index)}</span>
        </span>
        <span className="seq-line" />
      </span>
    </div>
  );
});
