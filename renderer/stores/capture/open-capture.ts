import type { AppStores } from '../app-stores';

/** Opens a capture into the engine and shows it from its first frame in the traffic view. */
export async function openCapture(stores: Pick<AppStores, 'capture' | 'frames' | 'nav' | 'sessions'>, path: string): Promise<boolean> {
  // A capture reads from the top; stop following before its rows arrive.
  stores.frames.getState().actions.setFollow(false);
  // Show the traffic view at once (it says the capture is opening); back to where the
  // user was, with the reason, if the file cannot be opened.
  const from = stores.nav.getState().view;
  stores.nav.getState().actions.go('traffic');
  const ok = await stores.capture.getState().actions.open(path);
  if (ok) {
    // A capture loads without per-frame events: read the view afresh once it is in.
    await Promise.all([stores.frames.getState().actions.setQuery({}), stores.sessions.getState().actions.load()]);
  } else if (stores.nav.getState().view === 'traffic') {
    stores.nav.getState().actions.go(from === 'traffic' ? 'start' : from);
  }
  return ok;
}
