// What an import read: connections and frames written, packets or entries read, and each
// stream that could not be read (and why); the capture opens in the traffic view.
import type { ImportResult } from '../../../api/replay';
import { SeverityBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/Panel';
import { useImporter } from '../../stores/hooks';
import { useOpenCapture } from '../capture/use-open-capture';

export function ImportResultView() {
  const result = useImporter((s) => s.result);
  if (result === undefined) return <EmptyState title="Nothing imported yet">Give a HAR, pcap or pcapng file and press Import.</EmptyState>;
  return <ImportSummary result={result} />;
}

function ImportSummary({ result }: { result: ImportResult }) {
  const open = useOpenCapture();
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="import-result" data-testid="import-result">
      <div className="run-progress">
        <div className="run-progress-line">
          <b data-testid="import-headline">
            {errors === 0 ? 'Everything was read' : `${errors} stream${errors === 1 ? '' : 's'} could not be read`}: {result.connections} connection{result.connections === 1 ? '' : 's'}, {result.frames} frame{result.frames === 1 ? '' : 's'}
          </b>
          <Button small variant="primary" onClick={() => void open(result.out)} data-testid="import-open">
            Open in traffic
          </Button>
        </div>
        <div className="dim">
          {result.format.toUpperCase()} · {result.read} {result.format === 'har' ? (result.read === 1 ? 'entry' : 'entries') : result.read === 1 ? 'packet' : 'packets'} read · written to <span className="mono">{result.out}</span>
        </div>
      </div>
      {result.problems.length > 0 && (
        <table className="data-table problems" data-testid="import-problems">
          <thead>
            <tr>
              <th>Severity</th>
              <th>Stream</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={i} data-testid="import-problem" data-severity={p.severity}>
                <td>
                  <SeverityBadge severity={p.severity} />
                </td>
                <td className="mono">{p.stream}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
