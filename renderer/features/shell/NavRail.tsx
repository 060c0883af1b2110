import { useNav } from '../../stores/hooks';
import { VIEW_INFO } from './views';

export function NavRail() {
  const view = useNav((s) => s.view);
  const go = useNav((s) => s.actions.go);
  return (
    <nav className="nav-rail" aria-label="Views">
      <div className="nav-brand" title="OCPP Bench">
        OCPP<span>Bench</span>
      </div>
      {VIEW_INFO.map((info) => (
        <button
          key={info.name}
          type="button"
          className="nav-item"
          aria-current={view === info.name ? 'page' : undefined}
          data-testid={`nav-${info.name}`}
          title={`${info.label} (Alt+${info.key})`}
          onClick={() => go(info.name)}
        >
          {info.label}
        </button>
      ))}
    </nav>
  );
}
