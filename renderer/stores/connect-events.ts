// Routes the engine's batched events into the stores: one store update per batch.
import type { AppStores } from './app-stores';
import { asUiClient } from './app/connection-store';
import { VIEWS, type ViewName } from './app/nav-store';
import { openCapture } from './capture/open-capture';

const isView = (name: string | undefined): name is ViewName => (VIEWS as readonly string[]).includes(name ?? '');

/** Everything the window shows, fetched afresh (at start and after a reconnect). */
export function resync(stores: AppStores): void {
  void stores.sessions.getState().actions.load();
  void stores.frames.getState().actions.setQuery({});
  // Roles an engine may not offer (an older engine, a test's fake): nothing to show then.
  stores.proxy.getState().actions.load().catch(() => {});
  stores.csms.getState().actions.load().catch(() => {});
  stores.sim.getState().actions.load().catch(() => {});
}

export function connectEvents(stores: AppStores): () => void {
  const { client } = stores;
  // Session counts of a proxy change with each connection; refetch at most twice a second.
  let proxyRefresh: ReturnType<typeof setTimeout> | undefined;
  const refreshProxies = () => {
    proxyRefresh ??= setTimeout(() => {
      proxyRefresh = undefined;
      stores.proxy.getState().actions.load().catch(() => {});
    }, 500);
  };
  const ui = asUiClient(client);
  // The transport may have opened before we listened.
  if (ui !== undefined) stores.connection.getState().actions.set(ui.connection());
  const offs = [
    // Events were missed while the transport was down: fetch the state again.
    ui?.onConnection((state) => {
      const before = stores.connection.getState().state;
      stores.connection.getState().actions.set(state);
      if (state === 'open' && before !== 'open') resync(stores);
    }) ?? (() => {}),
    client.on('traffic.frames', ({ frames }) => stores.frames.getState().actions.live(frames)),
    client.on('traffic.updated', ({ frames }) => {
      stores.frames.getState().actions.updated(frames);
      void stores.inspector.getState().actions.refreshIfSelected(frames.map((f) => f.index));
    }),
    client.on('traffic.sessions', ({ sessions }) => {
      stores.sessions.getState().actions.apply(sessions);
      // Sessions counting more frames than the unfiltered view knows: frames came without events.
      const { query, total, actions } = stores.frames.getState();
      if (query.filter === '' && query.session === undefined) {
        let counted = 0;
        for (const s of stores.sessions.getState().byId.values()) counted += s.frames;
        if (counted > total) actions.catchUp();
      }
    }),
    client.on('traffic.reset', ({ reason }) => {
      // The engine says "opened PATH" when a capture replaces the store; anything else empties it.
      if (!reason.startsWith('opened ')) stores.capture.getState().actions.forget();
      stores.sessions.getState().actions.reset();
      stores.inspector.getState().actions.clear();
      stores.frames.getState().actions.reset();
      void stores.sessions.getState().actions.load();
    }),
    client.on('proxy.status', ({ proxy }) => stores.proxy.getState().actions.status(proxy)),
    client.on('proxy.rules', ({ proxy, rules }) => stores.proxy.getState().actions.rules(proxy, rules)),
    client.on('proxy.connection', refreshProxies),
    client.on('csms.changed', ({ id, chargers }) => stores.csms.getState().actions.changed(id, chargers)),
    client.on('csms.stopped', ({ id, reason }) => stores.csms.getState().actions.stopped(id, reason)),
    client.on('sim.chargers', ({ chargers }) => stores.sim.getState().actions.changed(chargers)),
    client.on('conformance.progress', (p) => stores.runner.getState().actions.progress(p)),
    client.on('conformance.prompt', (p) => stores.runner.getState().actions.prompt(p)),
    client.on('conformance.promptClosed', ({ promptId, answer }) => stores.runner.getState().actions.promptClosed(promptId, answer)),
    client.on('conformance.finished', ({ runId, summary, error }) => void stores.runner.getState().actions.finished(runId, summary, error)),
    client.on('replay.progress', (p) => stores.replay.getState().actions.progress(p)),
    client.on('replay.finished', ({ id, verdict, reason }) => void stores.replay.getState().actions.finished(id, verdict, reason)),
    client.on('engine.alert', (alert) => stores.alerts.getState().actions.push(alert)),
    // Electron's native menu (api/host.ts); a browser never sends these.
    client.on('host.menu', ({ action, path, view }) => {
      if (action === 'show-view' && isView(view)) stores.nav.getState().actions.go(view);
      else if (action === 'open-capture' && path !== undefined) void openCapture(stores, path);
      else if (action === 'save-capture' && stores.capture.getState().opened !== undefined) {
        stores.nav.getState().actions.go('traffic');
        stores.capture.getState().actions.showExport(true);
      } else if (action === 'export-report') stores.nav.getState().actions.go('runner');
    }),
  ];
  return () => {
    for (const off of offs) off();
    if (proxyRefresh !== undefined) clearTimeout(proxyRefresh);
  };
}
