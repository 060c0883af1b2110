// One connector (1.6) or EVSE (2.x) of a simulated charger, with the operator's hands:
// plug in, present a card, unplug, suspend, fault.
import { useState } from 'react';
import type { SimChargerSummary, SimConnectorState, SimOperatorAction } from '../../../api/sim';
import { Button } from '../../components/Button';
import { useStores } from '../../stores/context';

export function ConnectorCard({ charger, connector }: { charger: SimChargerSummary; connector: SimConnectorState }) {
  const { sim } = useStores();
  const [token, setToken] = useState('TAG-0001');
  const [errorCode, setErrorCode] = useState(charger.version === '1.6' ? 'GroundFailure' : '');
  const act = (action: SimOperatorAction, extra: { idToken?: string; errorCode?: string } = {}) =>
    void sim.getState().actions.operator({ id: charger.id, action, connectorId: connector.id, ...extra });
  const running = charger.connection !== 'stopped';
  const c = connector;
  return (
    <div className="connector-card" data-testid="sim-connector" data-connector={c.id} data-status={c.status}>
      <div className="connector-head">
        <b>{charger.version === '1.6' ? 'Connector' : 'EVSE'} {c.id}</b>
        <span className={`pill pill-${tone(c.status)}`} data-testid="sim-connector-status">
          {c.status}
        </span>
        {c.errorCode !== undefined && c.errorCode !== 'NoError' && <span className="error-text">{c.errorCode}</span>}
      </div>
      <div className="connector-facts dim">
        <span>{c.plugged ? 'cable in' : 'no cable'}</span>
        {c.plugged && <span>{c.evConnected ? 'EV connected' : 'EV not connected'}</span>}
        {c.locked && <span>locked</span>}
        {!c.operative && <span>inoperative{c.scheduledOperative !== undefined ? ' (change scheduled)' : ''}</span>}
        <span>{(c.energyWh / 1000).toFixed(2)} kWh</span>
        <span>
          {(c.powerW / 1000).toFixed(1)} kW{c.limitW !== undefined ? ` (limit ${(c.limitW / 1000).toFixed(1)} kW)` : ''}
        </span>
        {c.transaction !== undefined && (
          <span className="ok-text">
            transaction {c.transaction.id ?? '(pending id)'} · {c.transaction.idToken}
          </span>
        )}
        {c.authorized !== undefined && <span>authorised {c.authorized}, waiting for a cable</span>}
        {c.reservation !== undefined && <span>reserved for {c.reservation.idToken}</span>}
      </div>
      <div className="connector-actions">
        {!c.plugged ? (
          <Button small onClick={() => act('plugIn')} disabled={!running} data-testid="sim-plug-in">
            Plug in
          </Button>
        ) : (
          <Button small onClick={() => act('unplug')} disabled={!running} data-testid="sim-unplug">
            Unplug
          </Button>
        )}
        <span className="token">
          <input className="input" value={token} onChange={(e) => setToken(e.target.value)} aria-label="Id token" data-testid="sim-token" />
          <Button small onClick={() => act('presentIdToken', { idToken: token })} disabled={!running || token === ''} data-testid="sim-present">
            Present card
          </Button>
        </span>
        {c.plugged && c.transaction !== undefined && (
          <Button small variant="ghost" onClick={() => act(c.evSuspended ? 'evResume' : 'evSuspend')} disabled={!running}>
            {c.evSuspended ? 'EV resumes' : 'EV suspends'}
          </Button>
        )}
        {c.plugged && c.evConnected && (
          <Button small variant="ghost" onClick={() => act('evDisconnect')} disabled={!running} title="Cable pulled out at the EV side only">
            EV side off
          </Button>
        )}
        {!c.faulted ? (
          <span className="token">
            <input className="input" value={errorCode} onChange={(e) => setErrorCode(e.target.value)} aria-label="Error code" placeholder="error code" />
            <Button small variant="danger" onClick={() => act('fault', errorCode !== '' ? { errorCode } : {})} disabled={!running} data-testid="sim-fault">
              Fault
            </Button>
          </span>
        ) : (
          <Button small onClick={() => act('clearFault')} disabled={!running} data-testid="sim-clear-fault">
            Clear fault
          </Button>
        )}
      </div>
    </div>
  );
}

function tone(status: string): string {
  if (status === 'Available') return 'ok';
  if (status === 'Faulted') return 'bad';
  if (status === 'Unavailable') return 'off';
  return 'busy';
}
