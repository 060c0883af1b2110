// Selector hooks: components subscribe to the slice they render and nothing more.
import { useStore } from 'zustand';
import type { ApiClient } from '../../api/client';
import type { AlertsState } from './app/alerts-store';
import type { CaptureState } from './capture/capture-store';
import type { HostHelpers } from './host';
import type { ConnectionStoreState } from './app/connection-store';
import type { NavState } from './app/nav-store';
import { useStores } from './context';
import type { FilterState } from './filter/filter-store';
import type { FrameWindowState } from './frames/frame-window-store';
import type { InspectorState } from './inspector/inspector-store';
import type { ProxyState } from './proxy/proxy-store';
import type { SessionsState } from './sessions/sessions-store';

export const useClient = (): ApiClient => useStores().client;
export const useNav = <T>(selector: (s: NavState) => T): T => useStore(useStores().nav, selector);
export const useAlerts = <T>(selector: (s: AlertsState) => T): T => useStore(useStores().alerts, selector);
export const useSessions = <T>(selector: (s: SessionsState) => T): T => useStore(useStores().sessions, selector);
export const useFrameWindow = <T>(selector: (s: FrameWindowState) => T): T => useStore(useStores().frames, selector);
export const useInspector = <T>(selector: (s: InspectorState) => T): T => useStore(useStores().inspector, selector);
export const useCapture = <T>(selector: (s: CaptureState) => T): T => useStore(useStores().capture, selector);
export const useHost = (): HostHelpers | undefined => useStores().host;
export const useFilter = <T>(selector: (s: FilterState) => T): T => useStore(useStores().filter, selector);
export const useConnection = <T>(selector: (s: ConnectionStoreState) => T): T => useStore(useStores().connection, selector);
export const useProxy = <T>(selector: (s: ProxyState) => T): T => useStore(useStores().proxy, selector);
