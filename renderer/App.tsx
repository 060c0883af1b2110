// The whole UI over one api client (IPC in Electron, WebSocket in a browser, a fake in
// tests): it creates the window's stores, feeds them the engine's events, and renders.
import { useEffect, useMemo } from 'react';
import type { ApiClient } from '../api/client';
import { AppShell } from './features/shell/AppShell';
import { createAppStores } from './stores/app-stores';
import type { ViewName } from './stores/app/nav-store';
import { connectEvents, resync } from './stores/connect-events';
import { StoresProvider } from './stores/context';
import type { HostHelpers } from './stores/host';
import './styles/index.css';

export interface AppProps {
  client: ApiClient;
  /** OS helpers; by default the Electron bridge when there is one. */
  host?: HostHelpers;
  /** The view to start on. */
  view?: ViewName;
}

export function App({ client, host, view }: AppProps) {
  const stores = useMemo(() => createAppStores(client, { ...(host !== undefined ? { host } : {}), ...(view !== undefined ? { view } : {}) }), [client, host, view]);

  useEffect(() => {
    const disconnect = connectEvents(stores);
    resync(stores);
    return disconnect;
  }, [stores]);

  return (
    <StoresProvider stores={stores}>
      <AppShell />
    </StoresProvider>
  );
}
