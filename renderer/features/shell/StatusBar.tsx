import { useEffect, useState } from 'react';
import { useCapture, useClient, useConnection, useFrameWindow, useSessions } from '../../stores/hooks';

/** One line at the bottom: what the engine holds and where it came from. */
export function StatusBar() {
  const client = useClient();
  const [version, setVersion] = useState<string>();
  const sessions = useSessions((s) => s.order.length);
  const total = useFrameWindow((s) => s.total);
  const filtered = useFrameWindow((s) => s.query.filter !== '' || s.query.session !== undefined);
  const opened = useCapture((s) => s.opened?.path);
  const connection = useConnection((s) => s.state);

  useEffect(() => {
    let live = true;
    client.call('engine.info', {}).then(
      (info) => live && setVersion(`${info.tool} ${info.version}`),
      () => live && setVersion('engine unreachable'),
    );
    return () => {
      live = false;
    };
  }, [client]);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`conn conn-${connection}`} data-testid="connection" data-state={connection} title="Connection to the engine">
        <span className={`dot dot-${connection === 'open' ? 'connected' : connection === 'closed' ? 'error' : 'connecting'}`} />{' '}
        {connection === 'open' ? (version ?? '…') : connection === 'reconnecting' ? 'Reconnecting to the engine…' : connection === 'connecting' ? 'Connecting…' : 'Disconnected'}
      </span>
      <span>
        {sessions} session{sessions === 1 ? '' : 's'}
      </span>
      <span data-testid="status-frames">
        {total.toLocaleString('en-US')} frame{total === 1 ? '' : 's'}
        {filtered ? ' shown' : ''}
      </span>
      {opened !== undefined && <span className="status-path" title={opened}>{opened}</span>}
    </footer>
  );
}
