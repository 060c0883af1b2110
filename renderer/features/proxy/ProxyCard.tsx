import type { ProxyInfo } from '../../../api/proxy';
import { StateDot } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useStores } from '../../stores/context';

/** One proxy: where chargers connect, where it forwards, how it is doing. */
export function ProxyCard({ info, selected }: { info: ProxyInfo; selected: boolean }) {
  const { proxy, nav, frames } = useStores();
  const running = info.state === 'running';
  const showTraffic = () => {
    frames.getState().actions.setFollow(true);
    nav.getState().actions.go('traffic');
  };
  return (
    <div
      className={selected ? 'proxy-card proxy-card-selected' : 'proxy-card'}
      data-testid="proxy-card"
      data-proxy={info.id}
      data-state={info.state}
      onClick={() => proxy.getState().actions.select(info.id)}
    >
      <div className="proxy-card-head">
        <StateDot state={info.state} />
        <span className="proxy-url mono" data-testid="proxy-url">
          {info.url}
        </span>
        <span className="dim">→</span>
        <span className="proxy-url mono">{info.upstream}</span>
        <span className="proxy-card-tools">
          <Button small onClick={showTraffic} data-testid="proxy-show-traffic">
            Traffic
          </Button>
          {running && (
            <Button small variant="danger" onClick={() => void proxy.getState().actions.stop(info.id)} data-testid="proxy-stop">
              Stop
            </Button>
          )}
        </span>
      </div>
      <div className="proxy-card-meta dim">
        <span>
          {info.state}
          {info.reason !== undefined ? `: ${info.reason}` : ''}
        </span>
        <span data-testid="proxy-sessions">
          {info.openSessions} open / {info.totalSessions} sessions
        </span>
        {info.failedConnections > 0 && <span className="error-text">{info.failedConnections} refused</span>}
        {info.pressureEvents > 0 && <span title="Times one leg was paused because the other could not keep up">{info.pressureEvents} pressure pauses</span>}
        <span>
          chargers: {info.chargerTls === 'none' ? 'ws' : info.chargerTls === 'tls' ? 'wss (profile 2)' : 'wss + client certs (profile 3)'}
          {info.upstreamClientCert ? ' · client cert to CSMS' : ''}
        </span>
        <span>path: {info.pathMode === 'id' ? 'charge point id' : 'full path'}</span>
        <span>{info.capture !== undefined ? `recording to ${info.capture}` : 'not recording to a file'}</span>
      </div>
      <div className="proxy-hint faint">
        Point chargers at {info.url}/…/<i>chargePointId</i>
      </div>
    </div>
  );
}
