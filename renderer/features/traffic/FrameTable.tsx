// The virtualised frame table (@tanstack/react-virtual): only the rows on screen exist in
// the DOM, and only the pages near them in memory; the engine holds the rest.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FrameSummary } from '../../../api/model';
import { useStores } from '../../stores/context';
import { findLoaded, rowAt } from '../../stores/frames/pages';
import { useCapture, useFrameWindow, useInspector, useSessions } from '../../stores/hooks';
import { COLUMNS, gridTemplate } from './columns';
import { FrameRow } from './FrameRow';
import { useJumpToFrame } from './use-jump';

export const ROW_HEIGHT = 22;

export function FrameTable() {
  const { frames: store, inspector } = useStores();
  const total = useFrameWindow((s) => s.total);
  const pages = useFrameWindow((s) => s.pages);
  const generation = useFrameWindow((s) => s.generation);
  const scrollRequest = useFrameWindow((s) => s.scrollTo);
  const session = useFrameWindow((s) => s.query.session);
  const sessions = useSessions((s) => s.byId);
  const selected = useInspector((s) => s.selected);
  const jumpToFrame = useJumpToFrame();

  const follow = useFrameWindow((s) => s.follow);
  const opening = useCapture((s) => s.opening);
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const seen = useRef({ total: 0, generation: -1 });
  const [behind, setBehind] = useState(false);
  const setFollow = useCallback((on: boolean) => store.getState().actions.setFollow(on), [store]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the first measurement (and in tests, where nothing has a size) assume a screenful.
    initialRect: { width: 1000, height: 600 },
    // Let React batch scroll renders instead of forcing one synchronously per scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const end = (items[items.length - 1]?.index ?? -1) + 1;

  useEffect(() => {
    store.getState().actions.showRange(first, end);
  }, [store, first, end, total, generation]);

  // Auto-scroll only while the user is at the bottom; otherwise say that rows arrived below.
  useLayoutEffect(() => {
    const before = seen.current;
    seen.current = { total, generation };
    if (total === 0) return;
    if (follow) virtualizer.scrollToIndex(total - 1, { align: 'end' });
    else if (before.generation !== generation) virtualizer.scrollToOffset(0);
    else if (total > before.total && before.total > 0) setBehind(true);
  }, [total, generation, follow, virtualizer]);

  useEffect(() => {
    if (scrollRequest === undefined) return;
    setFollow(false);
    virtualizer.scrollToIndex(scrollRequest.position, { align: 'center' });
  }, [scrollRequest, virtualizer, setFollow]);

  // The header sits outside the scroller: leave room for its vertical scrollbar, whatever its width.
  useLayoutEffect(() => {
    const el = scroller.current;
    const row = header.current?.firstElementChild;
    if (el !== null && row instanceof HTMLElement) row.style.paddingRight = `${el.offsetWidth - el.clientWidth}px`;
  }, [total]);

  const onScroll = () => {
    const el = scroller.current;
    if (el === null) return;
    // A narrow window scrolls the table sideways: the header follows.
    if (header.current !== null) header.current.scrollLeft = el.scrollLeft;
    if (el.scrollHeight <= el.clientHeight) return;
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 1.5;
    setFollow(atBottom);
    if (atBottom) setBehind(false);
  };

  const jumpToLatest = () => {
    setFollow(true);
    setBehind(false);
    virtualizer.scrollToIndex(total - 1, { align: 'end' });
  };

  const onSelect = useCallback((_position: number, frame: FrameSummary) => void inspector.getState().actions.select(frame.index), [inspector]);
  const onJumpToPair = useCallback((frame: FrameSummary) => void (frame.pair !== undefined && jumpToFrame(frame.pair)), [jumpToFrame]);

  const moveSelection = (to: number) => {
    const position = Math.max(0, Math.min(total - 1, to));
    const frame = rowAt(store.getState().pages, position);
    virtualizer.scrollToIndex(position, { align: 'auto' });
    setFollow(position === total - 1);
    if (frame !== undefined) void inspector.getState().actions.select(frame.index);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (total === 0) return;
    const current = selected === undefined ? undefined : findLoaded(store.getState().pages, selected);
    const page = Math.max(1, items.length - 4);
    const from = current ?? first;
    switch (e.key) {
      case 'ArrowDown':
        moveSelection(current === undefined ? first : from + 1);
        break;
      case 'ArrowUp':
        moveSelection(from - 1);
        break;
      case 'PageDown':
        moveSelection(from + page);
        break;
      case 'PageUp':
        moveSelection(from - page);
        break;
      case 'Home':
        moveSelection(0);
        break;
      case 'End':
        moveSelection(total - 1);
        break;
      case 'p': {
        const frame = current === undefined ? undefined : rowAt(store.getState().pages, current);
        if (frame?.pair !== undefined) void jumpToFrame(frame.pair);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const showChargePoint = session === undefined;
  const hidden = useMemo(() => new Set(showChargePoint ? [] : ['cp']), [showChargePoint]);
  const template = useMemo(() => ({ gridTemplateColumns: gridTemplate(hidden) }), [hidden]);
  const columns = COLUMNS.filter((c) => !hidden.has(c.id));

  return (
    <div className="frame-table" role="grid" aria-rowcount={total + 1} aria-label="Frames" data-testid="frame-table" data-total={total}>
      <div ref={header} className="frame-head">
        <div className="fr fr-head" role="row" aria-rowindex={1} style={template}>
        {columns.map((c) => (
          <span key={c.id} role="columnheader" className={c.align === 'right' ? 'fc fc-right' : 'fc'} title={c.title}>
            {c.label}
          </span>
        ))}
        </div>
      </div>
      <div ref={scroller} className="frame-scroll" tabIndex={0} onScroll={onScroll} onKeyDown={onKeyDown} data-testid="frame-scroll">
        <div className="frame-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const frame = rowAt(pages, item.index);
            const previous = item.index > 0 ? rowAt(pages, item.index - 1) : undefined;
            return (
              <FrameRow
                key={item.index}
                position={item.index}
                frame={frame}
                previousMono={previous?.mono}
                chargePoint={frame === undefined ? undefined : sessions.get(frame.session)?.chargePointId}
                showChargePoint={showChargePoint}
                selected={frame !== undefined && frame.index === selected}
                top={item.start}
                template={template}
                onSelect={onSelect}
                onJumpToPair={onJumpToPair}
              />
            );
          })}
        </div>
      </div>
      {opening !== undefined ? (
        <div className="frame-empty dim" role="status" data-testid="capture-opening">
          <span className="spinner" /> Opening {opening}: the engine reads and judges every frame…
        </div>
      ) : (
        total === 0 && <div className="frame-empty dim">No frames yet. Start a proxy, CSMS or simulator, or open a capture.</div>
      )}
      {behind && (
        <button type="button" className="follow-button" onClick={jumpToLatest} data-testid="follow">
          New frames ↓
        </button>
      )}
    </div>
  );
}
