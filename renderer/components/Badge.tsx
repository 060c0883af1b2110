import type { FindingCounts, Severity } from '../../api/model';
import './controls.css';

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  return (
    <span className={`badge badge-${severity}`} title={count === undefined ? severity : `${count} ${severity}${count === 1 ? '' : 's'}`}>
      {count ?? severity}
    </span>
  );
}

/** The worst non-zero severities of a frame or session, as compact badges. */
export function FindingBadges({ counts }: { counts: FindingCounts }) {
  if (counts.error + counts.warning + counts.info === 0) return null;
  return (
    <span className="badges">
      {counts.error > 0 && <SeverityBadge severity="error" count={counts.error} />}
      {counts.warning > 0 && <SeverityBadge severity="warning" count={counts.warning} />}
      {counts.info > 0 && <SeverityBadge severity="info" count={counts.info} />}
    </span>
  );
}

export function StateDot({ state }: { state: string }) {
  return <span className={`dot dot-${state}`} aria-hidden="true" />;
}
