import type { FaultRuleInfo } from '../../../api/proxy';
import { Button } from '../../components/Button';

/** The proxy's rules, each in its own sentence, with how often it acted. */
export function RuleList({ rules, onRemove }: { rules: readonly FaultRuleInfo[]; onRemove(id: string): void }) {
  if (rules.length === 0) return <p className="dim rule-none">No fault rules: every frame passes through unaltered.</p>;
  return (
    <ol className="rule-list" data-testid="rule-list">
      {rules.map((info) => (
        <li key={info.id} className="rule" data-testid="rule" data-rule={info.id}>
          <span className="rule-id mono">{info.id}</span>
          <span className="rule-sentence" data-testid="rule-sentence">
            {info.description}
          </span>
          <span className="rule-count dim" title="Frames this rule acted on">
            {info.applied} applied{info.remaining !== undefined ? ` · ${info.remaining} left` : ''}
          </span>
          <Button small variant="ghost" onClick={() => onRemove(info.id)} aria-label={`Remove rule ${info.id}`} data-testid="rule-remove">
            Remove
          </Button>
        </li>
      ))}
    </ol>
  );
}
