import type { AppStores } from '../app-stores';

/** Opens a capture into the engine and shows it from its first frame in the traffic view. */
export async function openCapture(stores: Pick<AppStores, 'capture' | 'frames' | 'nav'>, path: string): Promise<boolean> {
  // A capture reads from the top; stop following before its rows arrive.
  stores.frames.getState().actions.setFollow(false);
  const ok = await stores.capture.getState().actions.open(path);
  if (ok) stores.nav.getState().actions.go('traffic');
  return ok;
}
