// Every store the window uses, created together for one api client (and afresh per test).
import type { ApiClient } from '../../api/client';
import { createCaptureStore, type CaptureStore } from './capture/capture-store';
import { detectHost, type HostHelpers } from './host';
import { createConnectionStore, type ConnectionStore } from './app/connection-store';
import { createAlertsStore, type AlertsStore } from './app/alerts-store';
import { createNavStore, type NavStore, type ViewName } from './app/nav-store';
import { createComposerStore, type ComposerStore } from './csms/composer-store';
import { createCsmsStore, type CsmsStore } from './csms/csms-store';
import { createFilterStore, type FilterStore } from './filter/filter-store';
import { createFrameWindowStore, type FrameWindowStore } from './frames/frame-window-store';
import { createInspectorStore, type InspectorStore } from './inspector/inspector-store';
import { createProxyStore, type ProxyStore } from './proxy/proxy-store';
import { createDiffStore, type DiffStore } from './replay/diff-store';
import { createImportStore, type ImportStore } from './replay/import-store';
import { createReplayStore, type ReplayStore } from './replay/replay-store';
import { createRunnerStore, type RunnerStore } from './runner/runner-store';
import { createSimStore, type SimStore } from './sim/sim-store';
import { createSessionsStore, type SessionsStore } from './sessions/sessions-store';

export interface AppStores {
  client: ApiClient;
  /** Native dialogs and PDF printing, in Electron only. */
  host: HostHelpers | undefined;
  nav: NavStore;
  connection: ConnectionStore;
  alerts: AlertsStore;
  sessions: SessionsStore;
  frames: FrameWindowStore;
  inspector: InspectorStore;
  capture: CaptureStore;
  filter: FilterStore;
  proxy: ProxyStore;
  csms: CsmsStore;
  composer: ComposerStore;
  sim: SimStore;
  runner: RunnerStore;
  replay: ReplayStore;
  diff: DiffStore;
  importer: ImportStore;
}

export interface AppStoreOptions {
  view?: ViewName;
  /** Defaults to the Electron bridge when the page has one. */
  host?: HostHelpers;
}

export function createAppStores(client: ApiClient, options: AppStoreOptions = {}): AppStores {
  return {
    client,
    host: 'host' in options ? options.host : detectHost(),
    nav: createNavStore(options.view),
    connection: createConnectionStore(client),
    alerts: createAlertsStore(),
    sessions: createSessionsStore(client),
    frames: createFrameWindowStore(client),
    inspector: createInspectorStore(client),
    capture: createCaptureStore(client),
    filter: createFilterStore(client),
    proxy: createProxyStore(client),
    csms: createCsmsStore(client),
    composer: createComposerStore(client),
    sim: createSimStore(client),
    runner: createRunnerStore(client),
    replay: createReplayStore(client),
    diff: createDiffStore(client),
    importer: createImportStore(client),
  };
}
