// The selected simulated charger: its connectors with operator actions, charger-wide
// actions (power, network), and what it has been doing.
import type { SimChargerSummary } from '../../../api/sim';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/Panel';
import { useStores } from '../../stores/context';
import { useSim } from '../../stores/hooks';
import { timeOfDay } from '../traffic/format';
import { ConnectorCard } from './ConnectorCard';

export function SimChargerPanel() {
  const selected = useSim((s) => s.selected);
  const summary = useSim((s) => (s.selected !== undefined ? s.byId.get(s.selected) : undefined));
  const detail = useSim((s) => s.detail);
  const actionError = useSim((s) => s.actionError);
  if (selected === undefined || summary === undefined) return <EmptyState title="No charger selected">Start chargers on the left, then choose one.</EmptyState>;
  return (
    <div className="sim-panel" data-testid="sim-panel">
      <ChargerHeader charger={summary} />
      {actionError !== undefined && (
        <p className="error-text" role="alert" data-testid="sim-action-error">
          {actionError.message}
        </p>
      )}
      <div className="connector-grid">
        {summary.connectors.map((c) => (
          <ConnectorCard key={c.id} charger={summary} connector={c} />
        ))}
      </div>
      {detail !== undefined && detail.id === selected && (
        <>
          <h3>Recent events</h3>
          <ol className="sim-log" data-testid="sim-log">
            {detail.log
              .slice(-30)
              .reverse()
              .map((entry, i) => (
                <li key={i}>
                  <span className="dim mono">{timeOfDay(entry.time)}</span> {entry.text}
                </li>
              ))}
          </ol>
          <h3>Messages</h3>
          <p className="dim">
            Sent {Object.entries(detail.stats.sent).map(([a, n]) => `${a} ×${n}`).join(', ') || 'nothing'}. Received {Object.entries(detail.stats.received).map(([a, n]) => `${a} ×${n}`).join(', ') || 'nothing'}.
          </p>
        </>
      )}
    </div>
  );
}

function ChargerHeader({ charger }: { charger: SimChargerSummary }) {
  const { sim } = useStores();
  const running = charger.connection !== 'stopped';
  const act = (action: 'powerLoss' | 'networkDown' | 'networkUp') => void sim.getState().actions.operator({ id: charger.id, action });
  return (
    <div className="sim-head">
      <div>
        <b className="sim-title">{charger.id}</b>{' '}
        <span className="dim">
          OCPP {charger.version} · {charger.url} · profile {charger.securityProfile} · firmware {charger.firmwareVersion}
        </span>
        <div className="dim">
          <span data-testid="sim-connection">{charger.connection}</span> · registration <span data-testid="sim-registration">{charger.registration}</span> · sent {charger.sent} · received {charger.received}
          {charger.queued > 0 ? ` · ${charger.queued} queued` : ''}
          {charger.lastError !== undefined ? <span className="error-text"> · {charger.lastError}</span> : null}
        </div>
      </div>
      <div className="sim-head-tools">
        {charger.connection === 'network-down' ? (
          <Button small onClick={() => act('networkUp')}>
            Network up
          </Button>
        ) : (
          <Button small variant="ghost" onClick={() => act('networkDown')} disabled={!running}>
            Network down
          </Button>
        )}
        <Button small variant="ghost" onClick={() => act('powerLoss')} disabled={!running}>
          Power loss
        </Button>
        <Button small variant="danger" onClick={() => void sim.getState().actions.stop([charger.id])} disabled={!running} data-testid="sim-stop">
          Stop
        </Button>
      </div>
    </div>
  );
}
