import type { Finding } from '../../../api/model';
import { SeverityBadge } from '../../components/Badge';

/** The engine's verdict on the payload being composed. */
export function ComposerFindings({ findings, upToDate }: { findings: readonly Finding[]; upToDate: boolean }) {
  return (
    <div className={`composer-verdict${upToDate ? '' : ' stale'}`} data-testid="composer-verdict" data-valid={findings.length === 0}>
      {findings.length === 0 ? (
        <span className="ok-text">✓ Valid against the action's schema</span>
      ) : (
        <ul className="plain-list">
          {findings.map((f, i) => (
            <li key={i}>
              <SeverityBadge severity={f.severity} /> <code>{f.path === undefined || f.path === '' ? 'payload' : f.path}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
