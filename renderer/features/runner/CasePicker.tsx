// The cases of a version and side, grouped by feature profile / functional block, to tick.
import { useMemo, useState } from 'react';
import type { CaseInfo } from '../../../api/conformance';
import { useStores } from '../../stores/context';
import { useRunner } from '../../stores/hooks';

export function CasePicker() {
  const { runner } = useStores();
  const cases = useRunner((s) => s.cases);
  const error = useRunner((s) => s.casesError);
  const selected = useRunner((s) => s.selected);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => group(cases ?? [], query), [cases, query]);
  const toggle = runner.getState().actions.toggle;

  if (error !== undefined) return <p className="error-text">{error.message}</p>;
  if (cases === undefined) return <p className="dim">Loading cases…</p>;
  if (cases.length === 0) return <p className="dim">No case for this version and side yet.</p>;
  return (
    <div className="case-picker" data-testid="case-picker">
      <div className="case-picker-bar">
        <input className="input" placeholder="Search cases" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search cases" />
        <span className="dim">{selected.size === 0 ? `all ${cases.length} will run` : `${selected.size} of ${cases.length} chosen`}</span>
      </div>
      {groups.map(([profile, list]) => {
        const all = list.every((c) => selected.has(c.id));
        return (
          <fieldset key={profile} className="case-group">
            <legend>
              <label className="check">
                <input type="checkbox" checked={all} onChange={() => toggle(list.map((c) => c.id), !all)} /> {profile} <span className="dim">({list.length})</span>
              </label>
            </legend>
            {list.map((c) => (
              <label key={c.id} className="case-row check" title={[c.description, ...c.requires.map((r) => `Needs: ${r}`), ...c.specRefs].filter(Boolean).join('\n')}>
                <input type="checkbox" checked={selected.has(c.id)} onChange={(e) => toggle([c.id], e.target.checked)} data-testid="case-checkbox" data-case={c.id} />
                <span className="mono case-id">{c.id}</span>
                <span className="case-title">{c.title}</span>
                {c.manual && <span className="pill" title="Asks the operator to act when run against a real device">manual</span>}
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

function group(cases: readonly CaseInfo[], query: string): Array<[string, CaseInfo[]]> {
  const q = query.trim().toLowerCase();
  const map = new Map<string, CaseInfo[]>();
  for (const c of cases) {
    if (q !== '' && !`${c.id} ${c.title}`.toLowerCase().includes(q)) continue;
    map.set(c.profile, [...(map.get(c.profile) ?? []), c]);
  }
  return [...map.entries()];
}
