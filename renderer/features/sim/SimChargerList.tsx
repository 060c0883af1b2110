import { StateDot } from '../../components/Badge';
import { useStores } from '../../stores/context';
import { useSim } from '../../stores/hooks';

/** The simulated chargers, one row each. */
export function SimChargerList() {
  const { sim } = useStores();
  const order = useSim((s) => s.order);
  const byId = useSim((s) => s.byId);
  const selected = useSim((s) => s.selected);
  if (order.length === 0) return <p className="dim pad">No simulated charger yet.</p>;
  return (
    <ul className="charger-list" role="listbox" aria-label="Simulated chargers" data-testid="sim-chargers">
      {order.map((id) => {
        const c = byId.get(id);
        if (c === undefined) return null;
        return (
          <li key={id} role="option" aria-selected={selected === id} className="charger-item" onClick={() => void sim.getState().actions.select(id)} data-testid="sim-charger" data-charger={id} data-connection={c.connection}>
            <div className="session-line">
              <StateDot state={c.connection === 'open' ? 'connected' : c.connection === 'stopped' ? 'closed' : 'connecting'} />
              <span className="session-cp">{c.id}</span>
              <span className="connector-dots" title={c.connectors.map((k) => `${k.id}: ${k.status}`).join('\n')}>
                {c.connectors.map((k) => (
                  <span key={k.id} className={`cdot cdot-${k.status}`} />
                ))}
              </span>
            </div>
            <div className="session-meta dim">
              OCPP {c.version} · {c.connection} · {c.registration}
              {c.behaviours.length > 0 ? ` · ${c.behaviours.join(', ')}` : ''}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
