import type { AppStores } from '../app-stores';

/** Warnings shown by name in the alert; the rest are counted. */
const WARNINGS_SHOWN = 3;

/** Opens a capture into the engine and shows it from its first frame in the traffic view. */
export async function openCapture(stores: Pick<AppStores, 'alerts' | 'capture' | 'frames' | 'nav' | 'sessions'>, path: string): Promise<boolean> {
  // A capture reads from the top; stop following before its rows arrive.
  stores.frames.getState().actions.setFollow(false);
  // Show the traffic view at once (it says the capture is opening); back to where the
  // user was, with the reason, if the file cannot be opened.
  const from = stores.nav.getState().view;
  stores.nav.getState().actions.go('traffic');
  const outcome = await stores.capture.getState().actions.open(path);
  if (outcome === 'opened') {
    // What the loader skipped or doubted (a torn last line, corrupt lines) stays on screen until dismissed.
    const warnings = stores.capture.getState().opened?.warnings ?? [];
    if (warnings.length > 0) stores.alerts.getState().actions.push({ severity: 'warning', source: 'capture', message: describeWarnings(path, warnings) });
    // A capture loads without per-frame events: read the view afresh once it is in.
    await Promise.all([stores.frames.getState().actions.setQuery({}), stores.sessions.getState().actions.load()]);
  } else if (outcome === 'failed' && stores.nav.getState().view === 'traffic') {
    stores.nav.getState().actions.go(from === 'traffic' ? 'start' : from);
  }
  return outcome === 'opened';
}

function describeWarnings(path: string, warnings: readonly string[]): string {
  const more = warnings.length - WARNINGS_SHOWN;
  return `Opened ${path} with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warnings.slice(0, WARNINGS_SHOWN).join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
