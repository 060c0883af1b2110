import { useEffect } from 'react';
import { useAlerts } from '../../stores/hooks';

/** Information goes away by itself; warnings and errors stay until dismissed. */
const INFO_MS = 6000;

/** Engine alerts and failed actions, newest at the bottom, until dismissed. */
export function AlertStack() {
  const alerts = useAlerts((s) => s.alerts);
  const dismiss = useAlerts((s) => s.actions.dismiss);
  useEffect(() => {
    const timers = alerts.filter((a) => a.severity === 'info').map((a) => setTimeout(() => dismiss(a.id), INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [alerts, dismiss]);
  if (alerts.length === 0) return null;
  return (
    <div className="alert-stack" role="log" aria-live="polite" data-testid="alerts">
      {alerts.slice(-4).map((alert) => (
        <div key={alert.id} className={`alert alert-${alert.severity}`} role={alert.severity === 'error' ? 'alert' : 'status'}>
          <span className="alert-source">{alert.source}</span>
          <span className="alert-message">{alert.message}</span>
          <button type="button" className="alert-close" aria-label="Dismiss" onClick={() => dismiss(alert.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
