// The desktop host's OS helpers (Electron's preload bridge, api/host.ts), when there is one.
// In a browser there is none: views offer a typed path instead of native dialogs.
import { HOST_BRIDGE_KEY, type HostBridge } from '../../api/host';

export type HostHelpers = Pick<HostBridge, 'openFile' | 'saveFile' | 'savePdf' | 'pathForFile' | 'showItemInFolder'>;

export function detectHost(): HostHelpers | undefined {
  if (typeof window === 'undefined') return undefined;
  const bridge = (window as unknown as Record<string, unknown>)[HOST_BRIDGE_KEY];
  return typeof bridge === 'object' && bridge !== null && 'openFile' in bridge ? (bridge as HostHelpers) : undefined;
}

export const CAPTURE_FILTERS = [
  { name: 'OCPP Bench captures', extensions: ['jsonl', 'ocpp.jsonl'] },
  { name: 'All files', extensions: ['*'] },
];
