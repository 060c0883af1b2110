// Two panes with a draggable (and keyboard-movable) divider. `size` is the fixed pane's
// size in pixels; the other pane takes the rest.
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import './split-pane.css';

export interface SplitPaneProps {
  direction: 'row' | 'column';
  /** Which pane keeps `size`: the first (left/top) or the second (right/bottom). */
  fixed?: 'first' | 'second';
  initial: number;
  min?: number;
  label: string;
  children: [ReactNode, ReactNode];
}

export function SplitPane({ direction, fixed = 'first', initial, min = 80, label, children }: SplitPaneProps) {
  const [size, setSize] = useState(initial);
  const root = useRef<HTMLDivElement>(null);
  const drag = useRef<{ start: number; size: number } | undefined>(undefined);

  const clamp = (value: number) => {
    const box = root.current?.getBoundingClientRect();
    const extent = box === undefined ? Infinity : direction === 'row' ? box.width : box.height;
    return Math.max(min, Math.min(value, extent > 0 ? extent - min : value));
  };
  const sign = fixed === 'first' ? 1 : -1;
  const coordinate = (e: PointerEvent) => (direction === 'row' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: coordinate(e), size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current === undefined) return;
    setSize(clamp(drag.current.size + sign * (coordinate(e) - drag.current.start)));
  };
  const onPointerUp = () => {
    drag.current = undefined;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 50 : 10;
    const grow = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    const shrink = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    if (e.key === grow) setSize((s) => clamp(s + sign * step));
    else if (e.key === shrink) setSize((s) => clamp(s - sign * step));
    else return;
    e.preventDefault();
  };

  const fixedStyle = { flexBasis: `${size}px` };
  return (
    <div ref={root} className={`split split-${direction}`}>
      <div className={fixed === 'first' ? 'split-pane split-fixed' : 'split-pane split-fill'} style={fixed === 'first' ? fixedStyle : undefined}>
        {children[0]}
      </div>
      <div
        className="split-handle"
        role="separator"
        aria-label={label}
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(size)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className={fixed === 'second' ? 'split-pane split-fixed' : 'split-pane split-fill'} style={fixed === 'second' ? fixedStyle : undefined}>
        {children[1]}
      </div>
    </div>
  );
}
