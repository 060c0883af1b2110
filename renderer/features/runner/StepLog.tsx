import { useEffect, useRef } from 'react';
import type { LogEntry } from '../../stores/runner/runner-store';
import { VERDICT_MARK, verdictTone } from './verdicts';

/** The run as it happens: cases, steps, prompts and verdicts; follows the end while you are there. */
export function StepLog({ log }: { log: readonly LogEntry[] }) {
  const box = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el !== null && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [log]);
  return (
    <ol
      ref={box}
      className="step-log"
      data-testid="step-log"
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 20;
      }}
    >
      {log.map((entry) => (
        <li key={entry.n} className={`log-${entry.kind}`}>
          {entry.kind === 'verdict' && entry.verdict !== undefined && <span className={`verdict-mark tone-${verdictTone(entry.verdict)}`}>{VERDICT_MARK[entry.verdict]}</span>}
          {entry.text}
        </li>
      ))}
    </ol>
  );
}
