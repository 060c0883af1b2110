import type { Finding } from '../../../api/model';
import { SeverityBadge } from '../../components/Badge';
import type { JsonTarget } from '../../stores/inspector/inspector-store';
import { findingTarget, targetLabel } from './targets';

export interface FindingListProps {
  findings: readonly Finding[];
  payloadElement: number | undefined;
  highlight: JsonTarget | undefined;
  onChoose(target: JsonTarget | undefined): void;
}

/** The frame's findings; one with a JSON path highlights its node when clicked. */
export function FindingList({ findings, payloadElement, highlight, onChoose }: FindingListProps) {
  if (findings.length === 0) return <div className="findings-none dim" data-testid="findings-none">No findings.</div>;
  return (
    <ul className="finding-list" data-testid="finding-list">
      {findings.map((finding, i) => {
        const target = findingTarget(finding, payloadElement);
        const active = target !== undefined && highlight !== undefined && target.element === highlight.element && target.pointer === highlight.pointer;
        return (
          <li key={i}>
            <button
              type="button"
              className={active ? 'finding finding-active' : 'finding'}
              data-testid="finding"
              data-rule={finding.rule}
              disabled={target === undefined}
              onClick={() => onChoose(active ? undefined : target)}
              title={target === undefined ? 'This finding concerns the frame as a whole' : 'Show where in the frame'}
            >
              <SeverityBadge severity={finding.severity} />
              <span className="finding-message">{finding.message}</span>
              {target !== undefined && <code className="finding-path">{targetLabel(target, payloadElement)}</code>}
              <span className="finding-rule faint">
                {finding.rule}
                {finding.specRef !== undefined ? ` · ${finding.specRef}` : ''}
                {finding.errorCode !== undefined ? ` · answer ${finding.errorCode}` : ''}
                {finding.deviation !== undefined ? ` · deviation profile ${finding.deviation.profile} (was ${finding.deviation.originalSeverity})` : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
