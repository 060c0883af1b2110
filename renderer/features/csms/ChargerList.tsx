import { StateDot } from '../../components/Badge';
import { useStores } from '../../stores/context';
import { useCsms } from '../../stores/hooks';

/** Chargers that connected to the running CSMSs. */
export function ChargerList() {
  const { csms } = useStores();
  const chargers = useCsms((s) => s.chargers);
  const selected = useCsms((s) => s.selected);
  if (chargers.length === 0) return <p className="dim pad">No charger has connected yet.</p>;
  return (
    <ul className="charger-list" role="listbox" aria-label="Chargers" data-testid="csms-chargers">
      {chargers.map((c) => {
        const isSelected = selected?.csms === c.csms && selected.chargePointId === c.chargePointId;
        return (
          <li
            key={`${c.csms}/${c.chargePointId}`}
            role="option"
            aria-selected={isSelected}
            className="charger-item"
            data-testid="csms-charger"
            data-charger={c.chargePointId}
            onClick={() => void csms.getState().actions.select(c.csms, c.chargePointId)}
          >
            <div className="session-line">
              <StateDot state={c.connected ? 'connected' : 'closed'} />
              <span className="session-cp">{c.chargePointId}</span>
              {c.activeTransactions > 0 && <span className="pill pill-ok">{c.activeTransactions} charging</span>}
            </div>
            <div className="session-meta dim">
              {c.version !== undefined ? `OCPP ${c.version}` : 'version unknown'} · boot {c.bootStatus} · {c.connected ? 'connected' : 'disconnected'}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
