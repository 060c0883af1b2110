// Every store the window uses, created together for one api client (and afresh per test).
import type { ApiClient } from '../../api/client';
import { createAlertsStore, type AlertsStore } from './app/alerts-store';
import { createNavStore, type NavStore, type ViewName } from './app/nav-store';
import { createFrameWindowStore, type FrameWindowStore } from './frames/frame-window-store';
import { createInspectorStore, type InspectorStore } from './inspector/inspector-store';
import { createSessionsStore, type SessionsStore } from './sessions/sessions-store';

export interface AppStores {
  client: ApiClient;
  nav: NavStore;
  alerts: AlertsStore;
  sessions: SessionsStore;
  frames: FrameWindowStore;
  inspector: InspectorStore;
}

export function createAppStores(client: ApiClient, options: { view?: ViewName } = {}): AppStores {
  return {
    client,
    nav: createNavStore(options.view),
    alerts: createAlertsStore(),
    sessions: createSessionsStore(client),
    frames: createFrameWindowStore(client),
    inspector: createInspectorStore(client),
  };
}
