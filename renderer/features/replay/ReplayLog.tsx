import { FollowingList } from '../../components/FollowingList';
import type { ReplayLogLine } from '../../stores/replay/replay-store';
import { OUTCOME_TONE } from './outcomes';

/** The replay as it happens: connecting, each exchange and its outcome; follows the end while you are there. */
export function ReplayLog({ log }: { log: readonly ReplayLogLine[] }) {
  return (
    <FollowingList changes={log} className="step-log replay-log" testId="replay-log">
      {log.map((line) => (
        <li key={line.n} className={`rlog-${line.kind}`} data-outcome={line.outcome}>
          {line.outcome !== undefined && <span className={`verdict-mark tone-${OUTCOME_TONE[line.outcome]}`}>{line.outcome === 'match' ? '✓' : '✗'}</span>}
          {line.text}
        </li>
      ))}
    </FollowingList>
  );
}
