// The page's only way to the host (contextIsolation and sandbox on): `call`, `on` and a few
// OS helpers (api/host.ts HostBridge). Generic over the api maps: no command or event name
// appears here. Bundled to one CommonJS file that requires nothing but 'electron'.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { HOST_BRIDGE_KEY, type HostBridge, type HostRequest } from '../api/host';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_HOST_CHANNEL, type EventBatchMessage, type ReplyMessage } from '../api/transport';

type Listener = (payload: unknown) => void;

const listeners = new Map<string, Set<Listener>>();
let nextId = 1;
let announced = '';

/** Tells the main process which events this page listens to, when that set changes. */
function syncSubscriptions(): void {
  const names = [...listeners.keys()].sort();
  const key = names.join('\n');
  if (key === announced) return;
  announced = key;
  void ipcRenderer.invoke(IPC_API_CHANNEL, { id: nextId++, subscriptions: names });
}

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, batch: EventBatchMessage) => {
  for (const { event, payload } of batch.events) {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`Listener of ${event} failed`, err);
      }
    }
  }
});

async function host(request: HostRequest): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(IPC_HOST_CHANNEL, request)) as { ok: true; result: unknown } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result;
}

const bridge: HostBridge = {
  async call(name, args) {
    const reply = (await ipcRenderer.invoke(IPC_API_CHANNEL, { id: nextId++, name, args })) as ReplyMessage;
    return reply.ok ? { ok: true, result: reply.result } : { ok: false, error: reply.error };
  },
  on(name, listener) {
    let set = listeners.get(name);
    if (set === undefined) {
      set = new Set();
      listeners.set(name, set);
    }
    set.add(listener);
    syncSubscriptions();
    return () => {
      const current = listeners.get(name);
      if (current === undefined || !current.delete(listener)) return;
      if (current.size === 0) listeners.delete(name);
      syncSubscriptions();
    };
  },
  openFile: async (options) => ((await host({ op: 'openFile', options })) as string | null) ?? undefined,
  saveFile: async (options) => ((await host({ op: 'saveFile', options })) as string | null) ?? undefined,
  savePdf: async (options) => ((await host({ op: 'savePdf', options })) as string | null) ?? undefined,
  showItemInFolder: async (path) => {
    await host({ op: 'showItemInFolder', path });
  },
  pathForFile: (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
};

contextBridge.exposeInMainWorld(HOST_BRIDGE_KEY, bridge);
