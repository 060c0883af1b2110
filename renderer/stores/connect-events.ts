// Routes the engine's batched events into the stores: one store update per batch.
import type { AppStores } from './app-stores';

export function connectEvents(stores: AppStores): () => void {
  const { client } = stores;
  const offs = [
    client.on('traffic.frames', ({ frames }) => stores.frames.getState().actions.live(frames)),
    client.on('traffic.sessions', ({ sessions }) => stores.sessions.getState().actions.apply(sessions)),
    client.on('traffic.reset', () => {
      stores.sessions.getState().actions.reset();
      stores.inspector.getState().actions.clear();
      stores.frames.getState().actions.reset();
      void stores.sessions.getState().actions.load();
    }),
    client.on('engine.alert', (alert) => stores.alerts.getState().actions.push(alert)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
