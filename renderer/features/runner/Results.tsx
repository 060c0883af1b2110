// The report: one row per case; a case opens into its steps (in prose) and the frames
// they exchanged.
import { useState } from 'react';
import type { ConformanceReport } from '../../../api/conformance';
import { duration } from '../traffic/format';
import { CaseDetail } from './CaseDetail';
import { VERDICT_LABEL, VERDICT_MARK, verdictTone } from './verdicts';

export function Results({ report }: { report: ConformanceReport }) {
  const firstFailure = report.cases.find((c) => c.verdict === 'fail')?.id;
  const [open, setOpen] = useState<string | undefined>(firstFailure ?? report.cases[0]?.id);
  const current = report.cases.find((c) => c.id === open);
  return (
    <div className="results" data-testid="results">
      <table className="data-table">
        <thead>
          <tr>
            <th>Verdict</th>
            <th>Case</th>
            <th>Title</th>
            <th>Profile</th>
            <th>Time</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {report.cases.map((c) => (
            <tr key={c.id} className={c.id === open ? 'row-selected' : ''} onClick={() => setOpen(c.id)} data-testid="result-row" data-case={c.id} data-verdict={c.verdict}>
              <td>
                <span className={`pill pill-${verdictTone(c.verdict)}`}>
                  {VERDICT_MARK[c.verdict]} {VERDICT_LABEL[c.verdict]}
                </span>
              </td>
              <td className="mono">{c.id}</td>
              <td>{c.title}</td>
              <td className="dim">{c.profile}</td>
              <td className="dim">{duration(c.durationMs)}</td>
              <td>{c.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {current !== undefined && <CaseDetail result={current} />}
    </div>
  );
}
