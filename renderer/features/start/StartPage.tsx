// The start page: the bench's roles, one sentence each, and opening a capture right here.
import { Button } from '../../components/Button';
import type { ViewName } from '../../stores/app/nav-store';
import { useNav, useSessions } from '../../stores/hooks';
import { OpenCaptureForm } from '../capture/OpenCaptureForm';
import { ReplayStartLinks } from '../replay/ReplayStartLinks';
import { viewInfo } from '../shell/views';
import './start.css';

const ROLES: ReadonlyArray<{ view: ViewName; action: string }> = [
  { view: 'proxy', action: 'Set up a proxy' },
  { view: 'csms', action: 'Start a CSMS' },
  { view: 'sim', action: 'Start chargers' },
  { view: 'runner', action: 'Run tests' },
  { view: 'replay', action: 'Replay a capture' },
];

export function StartPage() {
  const go = useNav((s) => s.actions.go);
  const sessions = useSessions((s) => s.order.length);
  return (
    <div className="start" data-testid="start-page">
      <header className="start-head">
        <h1>OCPP Bench</h1>
        <p className="dim">Protocol inspector and conformance bench for OCPP-J 1.6, 2.0.1 and 2.1.</p>
      </header>
      <div className="start-grid">
        {ROLES.map(({ view, action }) => {
          const info = viewInfo(view);
          return (
            <section key={view} className="start-card" data-testid={`start-${view}`}>
              <h2>{info.label}</h2>
              <p className="dim">{info.blurb}</p>
              <span className="start-actions">
                <Button onClick={() => go(view)} data-testid={`start-go-${view}`}>
                  {action}
                </Button>
                {view === 'replay' && <ReplayStartLinks />}
              </span>
            </section>
          );
        })}
        <section className="start-card start-card-wide" data-testid="start-capture">
          <h2>Open capture</h2>
          <p className="dim">Inspect a recorded session: every frame, judged again as it loads.</p>
          <OpenCaptureForm />
        </section>
      </div>
      {sessions > 0 && (
        <p className="start-traffic">
          The engine holds {sessions} session{sessions === 1 ? '' : 's'}.{' '}
          <Button small onClick={() => go('traffic')} data-testid="start-go-traffic">
            Show traffic
          </Button>
        </p>
      )}
    </div>
  );
}
