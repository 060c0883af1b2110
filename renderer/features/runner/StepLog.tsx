import { FollowingList } from '../../components/FollowingList';
import type { LogEntry } from '../../stores/runner/runner-store';
import { VERDICT_MARK, verdictTone } from './verdicts';

/** The run as it happens: cases, steps, prompts and verdicts; follows the end while you are there. */
export function StepLog({ log }: { log: readonly LogEntry[] }) {
  return (
    <FollowingList changes={log} className="step-log" testId="step-log">
      {log.map((entry) => (
        <li key={entry.n} className={`log-${entry.kind}`}>
          {entry.kind === 'verdict' && entry.verdict !== undefined && <span className={`verdict-mark tone-${verdictTone(entry.verdict)}`}>{VERDICT_MARK[entry.verdict]}</span>}
          {entry.text}
        </li>
      ))}
    </FollowingList>
  );
}
