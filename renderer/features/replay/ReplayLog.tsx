import { useEffect, useRef } from 'react';
import type { ReplayLogLine } from '../../stores/replay/replay-store';
import { OUTCOME_TONE } from './outcomes';

/** The replay as it happens: connecting, each exchange and its outcome; follows the end while you are there. */
export function ReplayLog({ log }: { log: readonly ReplayLogLine[] }) {
  const box = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el !== null && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [log]);
  return (
    <ol
      ref={box}
      className="step-log replay-log"
      data-testid="replay-log"
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 20;
      }}
    >
      {log.map((line) => (
        <li key={line.n} className={`rlog-${line.kind}`} data-outcome={line.outcome}>
          {line.outcome !== undefined && <span className={`verdict-mark tone-${OUTCOME_TONE[line.outcome]}`}>{line.outcome === 'match' ? '✓' : '✗'}</span>}
          {line.text}
        </li>
      ))}
    </ol>
  );
}
