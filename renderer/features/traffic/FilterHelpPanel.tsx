// The filter language's help, generated from `filter.help` (the engine's own operator and
// field list), so it never disagrees with what the engine accepts.
import { useEffect, type ReactNode } from 'react';
import { useStores } from '../../stores/context';
import { useFilter } from '../../stores/hooks';

export function FilterHelpPanel({ onClose, onUse }: { onClose(): void; onUse(example: string): void }) {
  const { filter } = useStores();
  const help = useFilter((s) => s.help);
  const error = useFilter((s) => s.helpError);

  useEffect(() => void filter.getState().actions.loadHelp(), [filter]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const example = (text: string) => (
    <button type="button" className="help-example mono" onClick={() => onUse(text)} title="Use this example">
      {text}
    </button>
  );

  return (
    <div className="filter-help" role="dialog" aria-label="Filter language" data-testid="filter-help">
      {error !== undefined && <p className="error-text">The engine did not give its filter help: {error.message}</p>}
      {help === undefined && error === undefined && <p className="dim">Loading…</p>}
      {help !== undefined && (
        <>
          <h3>Fields</h3>
          <table className="help-table">
            <tbody>
              {help.fields.map((field) => (
                <tr key={field.name}>
                  <td className="mono">{field.syntax}</td>
                  <td>
                    {field.description}
                    {field.aliases !== undefined && field.aliases.length > 0 && <span className="faint"> (also {field.aliases.join(', ')})</span>}
                    {field.values !== undefined && <div className="faint">{field.values.join(' · ')}</div>}
                  </td>
                  <td>{example(field.example)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Comparisons</h3>
          <OperatorTable operators={help.comparisons} example={example} />
          <h3>Combining</h3>
          <OperatorTable operators={help.operators} example={example} />
        </>
      )}
    </div>
  );
}

function OperatorTable({ operators, example }: { operators: Array<{ symbol: string; name: string; description: string; example: string; aliases?: string[] }>; example(text: string): ReactNode }) {
  return (
    <table className="help-table">
      <tbody>
        {operators.map((op) => (
          <tr key={op.symbol}>
            <td className="mono">
              {op.symbol}
              {op.aliases !== undefined && op.aliases.length > 0 && <span className="faint"> {op.aliases.join(' ')}</span>}
            </td>
            <td>
              <b>{op.name}</b> — {op.description}
            </td>
            <td>{example(op.example)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
