// 1.6 configuration keys or 2.x device-model variables, as last reported, with a search box.
import { useState } from 'react';
import type { CsmsChargerState } from '../../../api/csms';

export function ConfigTable({ state }: { state: CsmsChargerState }) {
  const [query, setQuery] = useState('');
  const rows = state.version === '1.6' || Object.keys(state.variables).length === 0 ? configRows(state) : variableRows(state);
  const q = query.trim().toLowerCase();
  const shown = q === '' ? rows : rows.filter((r) => r.name.toLowerCase().includes(q) || r.value.toLowerCase().includes(q));
  const title = state.version === '1.6' ? 'Configuration' : 'Device model';
  return (
    <>
      <h3 className="with-tools">
        {title} <span className="dim">({rows.length})</span>
        {rows.length > 8 && <input className="input small-input" placeholder="Search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={`Search ${title}`} />}
      </h3>
      {rows.length === 0 ? (
        <p className="dim">Nothing reported yet: send {state.version === '1.6' ? 'GetConfiguration' : 'GetBaseReport or GetVariables'}.</p>
      ) : (
        <table className="data-table" data-testid="csms-config">
          <thead>
            <tr>
              <th>{state.version === '1.6' ? 'Key' : 'Component / variable'}</th>
              <th>Value</th>
              <th>Access</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.name}>
                <td className="mono">{r.name}</td>
                <td className="mono wrap">{r.value}</td>
                <td className="dim">{r.access}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.unknownConfigurationKeys.length > 0 && <p className="dim">Unknown to the charger: {state.unknownConfigurationKeys.join(', ')}</p>}
    </>
  );
}

interface Row {
  name: string;
  value: string;
  access: string;
}

function configRows(state: CsmsChargerState): Row[] {
  return Object.entries(state.configuration)
    .map(([key, c]) => ({ name: key, value: c.value ?? '', access: c.readonly === true ? 'read-only' : c.readonly === false ? 'read-write' : '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function variableRows(state: CsmsChargerState): Row[] {
  return Object.values(state.variables)
    .map((v) => {
      const component = [v.component.name, v.component.instance, v.component.evse !== undefined ? `evse ${v.component.evse.id}${v.component.evse.connectorId !== undefined ? `/${v.component.evse.connectorId}` : ''}` : undefined].filter(Boolean).join(' ');
      const variable = [v.variable.name, v.variable.instance].filter(Boolean).join(' ');
      const actual = v.attributes.Actual ?? Object.values(v.attributes)[0];
      return { name: `${component} · ${variable}`, value: actual?.value ?? '', access: actual?.mutability ?? '' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
