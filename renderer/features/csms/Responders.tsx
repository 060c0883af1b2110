// How the CSMS answers each charger-initiated action: by default (state-aware, valid), a
// fixed payload, a CALLERROR, or not at all, optionally late; for every charger or this one.
import { useCallback, useEffect, useState } from 'react';
import type { CsmsResponders, ResponderSpec } from '../../../api/csms';
import type { OcppVersion } from '../../../api/model';
import type { OcppActionInfo } from '../../../api/ocpp';
import { errorInfo } from '../../stores/errors';
import { useClient } from '../../stores/hooks';
import { ResponderEditor } from './ResponderEditor';

export function Responders({ csmsId, chargePointId, version }: { csmsId: string; chargePointId: string; version: OcppVersion }) {
  const client = useClient();
  const [actions, setActions] = useState<OcppActionInfo[]>();
  const [responders, setResponders] = useState<CsmsResponders>();
  const [editing, setEditing] = useState<string>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let live = true;
    Promise.all([client.call('ocpp.actions', { version }), client.call('csms.responders.get', { id: csmsId, chargePointId })]).then(
      ([all, current]) => {
        if (!live) return;
        setActions(all.filter((a) => a.initiator !== 'csms' && a.unconfirmed !== true));
        setResponders(current);
      },
      (err: unknown) => live && setProblem(errorInfo(err).message),
    );
    return () => {
      live = false;
    };
  }, [client, csmsId, chargePointId, version]);

  const save = useCallback(
    async (action: string, scope: 'all' | 'charger', responder: ResponderSpec | null) => {
      try {
        const next = await client.call('csms.responders.set', { id: csmsId, action, responder, ...(scope === 'charger' ? { chargePointId } : {}) });
        // The answer names the charger's overrides only when asked for that charger.
        setResponders(scope === 'charger' ? next : { ...next, charger: responders?.charger ?? {} });
        setProblem(undefined);
        return true;
      } catch (err) {
        setProblem(errorInfo(err).message);
        return false;
      }
    },
    [client, csmsId, chargePointId, responders],
  );

  if (problem !== undefined && actions === undefined) return <p className="error-text pad">{problem}</p>;
  if (actions === undefined || responders === undefined) return <p className="dim pad">Loading…</p>;
  return (
    <div className="responders" data-testid="csms-responders">
      <table className="data-table">
        <thead>
          <tr>
            <th>Action ({version})</th>
            <th>Answer</th>
            <th>Applies to</th>
          </tr>
        </thead>
        <tbody>
          {actions.map(({ action }) => {
            const own = responders.charger?.[action];
            const spec = own ?? responders.global[action];
            return (
              <tr key={action} className={editing === action ? 'row-selected' : ''} onClick={() => setEditing(action)} data-testid="responder-row" data-action={action}>
                <td className="mono">{action}</td>
                <td>{spec === undefined ? <span className="dim">default</span> : describeSpec(spec)}</td>
                <td className="dim">{own !== undefined ? chargePointId : spec !== undefined ? 'every charger' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problem !== undefined && <p className="error-text">{problem}</p>}
      {editing !== undefined && (
        <ResponderEditor
          key={editing}
          action={editing}
          chargePointId={chargePointId}
          current={responders.charger?.[editing] ?? responders.global[editing]}
          currentScope={responders.charger?.[editing] !== undefined ? 'charger' : 'all'}
          onSave={save}
          onClose={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}

export function describeSpec(spec: ResponderSpec): string {
  const delay = spec.delayMs !== undefined && spec.delayMs > 0 ? ` after ${spec.delayMs} ms` : '';
  switch (spec.mode) {
    case 'default':
      return `default${delay}`;
    case 'fixed':
      return `fixed payload ${JSON.stringify(spec.payload ?? {})}${spec.allowInvalid === true ? ' (even if invalid)' : ''}${delay}`;
    case 'error':
      return `CALLERROR ${spec.code ?? ''}${spec.description !== undefined ? ` "${spec.description}"` : ''}${delay}`;
    case 'noAnswer':
      return 'no answer';
  }
}
