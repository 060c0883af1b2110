// Picks the window's api client once, at start: the preload's bridge inside Electron,
// otherwise the WebSocket of `ocpp-bench serve`, whose token comes in the page's URL.
import { HOST_BRIDGE_KEY, type HostBridge } from '../../api/host';
import { TOKEN_PARAM, WS_API_PATH } from '../../api/transport';
import { createIpcClient } from './ipc-client';
import type { UiClient } from './ui-client';
import { createWsClient } from './ws-client';

/** The page was opened without the token `ocpp-bench serve` printed. */
export class MissingTokenError extends Error {
  override name = 'MissingTokenError';
  constructor() {
    super('This page needs the address that `ocpp-bench serve` printed: it carries the access token.');
  }
}

export interface PageLocation {
  protocol: string;
  host: string;
  search: string;
}

/** The parts of `window` the choice looks at. */
export interface PageWindow {
  location: PageLocation;
  [HOST_BRIDGE_KEY]?: Pick<HostBridge, 'call' | 'on'>;
}

export function chooseClient(win: PageWindow = window as unknown as PageWindow): UiClient {
  const bridge = win[HOST_BRIDGE_KEY];
  if (typeof bridge === 'object' && bridge !== null && typeof bridge.call === 'function') return createIpcClient(bridge);
  return createWsClient({ url: apiUrlOf(win.location) });
}

/** The WebSocket api URL for a page served by `ocpp-bench serve`. */
export function apiUrlOf(location: PageLocation): string {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM);
  if (token === null || token === '') throw new MissingTokenError();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_API_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
