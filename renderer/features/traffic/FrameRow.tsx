import { memo, type CSSProperties } from 'react';
import type { FrameSummary } from '../../../api/model';
import { FindingBadges } from '../../components/Badge';
import { delta, DIRECTION_LABEL, DIRECTION_TITLE, duration, frameNo, KIND_LABEL, timeOfDay } from './format';

export interface FrameRowProps {
  position: number;
  frame: FrameSummary | undefined;
  /** Monotonic time of the row above, for Δt. */
  previousMono: number | undefined;
  chargePoint: string | undefined;
  showChargePoint: boolean;
  selected: boolean;
  /** Offset of the row in the scrolled content, in pixels. */
  top: number;
  /** The shared grid template (a stable object). */
  template: CSSProperties;
  onSelect(position: number, frame: FrameSummary): void;
  onJumpToPair(frame: FrameSummary): void;
}

export const FrameRow = memo(function FrameRow(props: FrameRowProps) {
  const { position, frame, previousMono, chargePoint, showChargePoint, selected, top, template } = props;
  const style: CSSProperties = { ...template, transform: `translateY(${top}px)` };
  if (frame === undefined) {
    return (
      <div className="fr fr-loading" style={style} role="row" aria-rowindex={position + 2}>
        <span role="gridcell" className="fc fc-right faint">…</span>
      </div>
    );
  }
  const worst = frame.findings.error > 0 ? 'error' : frame.findings.warning > 0 ? 'warning' : '';
  const classes = ['fr', `fr-${frame.dir}`, selected ? 'fr-selected' : '', worst !== '' ? `fr-${worst}` : '', frame.kind === undefined ? 'fr-invalid' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={style}
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selected}
      data-testid="frame-row"
      data-index={frame.index}
      onMouseDown={() => props.onSelect(position, frame)}
    >
      <span role="gridcell" className="fc fc-right faint">{frameNo(frame.index)}</span>
      <span role="gridcell" className="fc" title={frame.time}>
        {timeOfDay(frame.time)}
      </span>
      <span role="gridcell" className="fc fc-right faint">{previousMono === undefined ? '' : delta(frame.mono - previousMono)}</span>
      {showChargePoint && <span role="gridcell" className="fc">{chargePoint ?? frame.session}</span>}
      <span className={`fc fc-dir dir-${frame.dir}`} title={DIRECTION_TITLE[frame.dir]}>
        {DIRECTION_LABEL[frame.dir]}
      </span>
      <span className={`fc kind kind-${frame.kind ?? 'invalid'}`}>{frame.kind === undefined ? 'INVALID' : KIND_LABEL[frame.kind]}</span>
      <span role="gridcell" className="fc fc-action">{frame.action ?? ''}</span>
      <span role="gridcell" className="fc mono" title={frame.messageId}>
        {frame.messageId ?? ''}
      </span>
      <span role="gridcell" className="fc fc-right">{frame.latencyMs === undefined ? '' : duration(frame.latencyMs)}</span>
      <span role="gridcell" className="fc">
        {frame.pair !== undefined && (
          <button
            type="button"
            className="pair-link"
            title={`Go to frame ${frameNo(frame.pair)}, the matching ${frame.kind === 'CALL' ? 'response' : 'request'}`}
            data-testid="pair-link"
            onMouseDown={(e) => e.stopPropagation()}
            onClick={() => props.onJumpToPair(frame)}
          >
            {frame.kind === 'CALL' ? '↓' : '↑'} {frameNo(frame.pair)}
          </button>
        )}
      </span>
      <span role="gridcell" className="fc">
        <FindingBadges counts={frame.findings} />
        {frame.marks !== undefined && frame.marks.length > 0 && <span className="mark" title={frame.marks.join(', ')}>{frame.marks[0]}</span>}
      </span>
    </div>
  );
});
