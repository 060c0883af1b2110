// Differences at paths: which message (request or answer), the JSON Pointer into its
// payload, and the two values side by side (recorded → live, or A → B).
import { shortValue } from './outcomes';

export interface ChangeRow {
  part: 'request' | 'response';
  path: string;
  change: 'changed' | 'added' | 'removed' | 'kind';
  left?: unknown;
  right?: unknown;
}

export function ChangeTable({ changes, left, right }: { changes: readonly ChangeRow[]; left: string; right: string }) {
  if (changes.length === 0) return null;
  return (
    <table className="data-table change-table" data-testid="change-table">
      <thead>
        <tr>
          <th>Message</th>
          <th>Path</th>
          <th>Change</th>
          <th>{left}</th>
          <th>{right}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c, i) => (
          <tr key={i} data-testid="change-row" data-path={c.path}>
            <td className="dim">{c.part === 'response' ? 'answer' : 'request'}</td>
            <td className="mono">{c.path === '' ? '(payload)' : c.path}</td>
            <td className="dim">{c.change === 'kind' ? 'message type' : c.change}</td>
            <td className="mono change-old">{shortValue(c.left)}</td>
            <td className="mono change-new">{shortValue(c.right)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
