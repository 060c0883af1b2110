import type { AppStores } from '../app-stores';

/** Opens a capture into the engine and shows it from its first frame in the traffic view. */
export async function openCapture(stores: Pick<AppStores, 'capture' | 'frames' | 'nav' | 'sessions'>, path: string): Promise<boolean> {
  // A capture reads from the top; stop following before its rows arrive.
  stores.frames.getState().actions.setFollow(false);
  const ok = await stores.capture.getState().actions.open(path);
  if (ok) {
    // A capture loads without per-frame events: read the view afresh once it is in.
    await Promise.all([stores.frames.getState().actions.setQuery({}), stores.sessions.getState().actions.load()]);
    stores.nav.getState().actions.go('traffic');
  }
  return ok;
}
