// The main process's wiring, against a stand-in for Electron (the real binary is not
// needed): the window it opens, the guards it installs, and a command round trip through
// the IPC channel it binds.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { IPC_API_CHANNEL, IPC_HOST_CHANNEL, type ReplyMessage } from '../api/transport';
import { tempDir } from '../engine/testing/tmp';

const data = tempDir();

const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const windows: Array<{ options: Record<string, unknown>; url?: string; webContents: { id: number; handlers: Map<string, Handler>; openHandler?: Handler } }> = [];
  const state = {
    windows,
    ipc: new Map<string, Handler>(),
    appEvents: new Map<string, Handler>(),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    beforeRequest: undefined as { filter: { urls: string[] }; listener: Handler } | undefined,
    menu: undefined as unknown,
    sandboxed: false,
    ready: undefined as Promise<void> | undefined,
  };
  let ids = 1;
  class BrowserWindow {
    static getAllWindows() {
      return windows;
    }
    webContents: { id: number; handlers: Map<string, Handler>; on: (e: string, h: Handler) => void; setWindowOpenHandler: (h: Handler) => void; openHandler?: Handler };
    options: Record<string, unknown>;
    url?: string;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      const handlers = new Map<string, Handler>();
      this.webContents = {
        id: ids++,
        handlers,
        on: (e, h) => void handlers.set(e, h),
        setWindowOpenHandler: (h) => {
          this.webContents.openHandler = h;
        },
      };
      windows.push(this as never);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => {
  const { state, BrowserWindow } = fake;
  let resolveReady: () => void = () => undefined;
  state.ready = new Promise<void>((r) => (resolveReady = r));
  const app = {
    setPath: () => undefined,
    getPath: () => data.path,
    enableSandbox: () => {
      state.sandboxed = true;
    },
    on: (event: string, h: (...args: unknown[]) => unknown) => void state.appEvents.set(event, h),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve().then(() => setTimeout(resolveReady, 0)),
    isPackaged: false,
    quit: () => undefined,
    exit: () => undefined,
  };
  const session = {
    defaultSession: {
      protocol: { handle: (scheme: string, h: (...args: unknown[]) => unknown) => void state.protocolHandlers.set(scheme, h) },
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => void (state.permissionRequest = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => void (state.permissionCheck = h),
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, listener: (...args: unknown[]) => unknown) => void (state.beforeRequest = { filter, listener }) },
    },
  };
  return {
    app,
    BrowserWindow,
    session,
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s) },
    ipcMain: { handle: (channel: string, h: (...args: unknown[]) => unknown) => void state.ipc.set(channel, h), removeHandler: (c: string) => void state.ipc.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) },
    dialog: { showMessageBox: async () => ({}), showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: () => undefined },
    shell: { openPath: async () => '', showItemInFolder: () => undefined },
  };
});

const { state } = fake;

beforeAll(async () => {
  await import('./main');
  await state.ready;
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});

afterAll(async () => {
  // Let the engine close as on quit.
  const willQuit = state.appEvents.get('will-quit');
  willQuit?.({ preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 50));
  data.remove();
});

test('opens one window on our app:// page, isolated, sandboxed, without Node', () => {
  const [win] = state.windows;
  expect(win!.url).toBe('app://bench/index.html');
  const prefs = win!.options['webPreferences'] as Record<string, unknown>;
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, navigateOnDragDrop: false });
  expect(String(prefs['preload'])).toMatch(/preload\.cjs$/);
  expect(state.sandboxed).toBe(true);
  expect(state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
});

test('guards the session: no permissions, no remote requests', () => {
  const granted: boolean[] = [];
  state.permissionRequest!({ getURL: () => 'app://bench/index.html' }, 'geolocation', (ok: boolean) => granted.push(ok));
  state.permissionRequest!({ getURL: () => 'https://evil.example/' }, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok));
  expect(granted).toEqual([false, false]);
  expect(state.permissionCheck!(null, 'media', 'app://bench/')).toBe(false);
  expect(state.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
  const decisions: unknown[] = [];
  state.beforeRequest!.listener({ url: 'https://cdn.example/x.js' }, (d: unknown) => decisions.push(d));
  expect(decisions).toEqual([{ cancel: true }]);
});

test('every web contents refuses navigation away and new windows', () => {
  const created = state.appEvents.get('web-contents-created')!;
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  let openHandler: ((d: unknown) => unknown) | undefined;
  created({}, { on: (e: string, h: (...args: unknown[]) => unknown) => handlers.set(e, h), setWindowOpenHandler: (h: (d: unknown) => unknown) => (openHandler = h) });
  let prevented = 0;
  const event = { preventDefault: () => prevented++ };
  handlers.get('will-navigate')!(event, 'https://example.com/');
  handlers.get('will-navigate')!(event, 'app://bench/index.html');
  handlers.get('will-attach-webview')!(event);
  expect(prevented).toBe(2);
  expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
});

test('serves the page with its CSP from app://', async () => {
  const handler = state.protocolHandlers.get('app')!;
  const response = (await handler({ url: 'app://bench/index.html' })) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(((await handler({ url: 'app://bench/../package.json' })) as Response).status).toBe(404);
});

test('binds one api channel and one host channel; our window gets answers, others are refused', async () => {
  expect([...state.ipc.keys()].sort()).toEqual([IPC_API_CHANNEL, IPC_HOST_CHANNEL].sort());
  const api = state.ipc.get(IPC_API_CHANNEL)!;
  const [win] = state.windows;
  const sender = { id: win!.webContents.id, send: () => undefined, isDestroyed: () => false, once: () => undefined };
  const ours = (await api({ sender, senderFrame: { url: 'app://bench/index.html', parent: null } }, { id: 1, name: 'engine.info', args: {} })) as ReplyMessage;
  expect(ours).toMatchObject({ id: 1, ok: true, result: { tool: 'ocpp-bench' } });
  const stranger = (await api({ sender: { ...sender, id: 999 }, senderFrame: { url: 'app://bench/index.html', parent: null } }, { id: 2, name: 'engine.info', args: {} })) as ReplyMessage;
  expect(stranger).toMatchObject({ id: 2, ok: false, error: { code: 'forbidden' } });
});

test('installs File, Edit, View and Help menus', () => {
  const labels = (state.menu as Array<{ label?: string; role?: string }>).map((m) => m.label ?? m.role);
  expect(labels).toEqual(expect.arrayContaining(['File', 'editMenu', 'View', 'help']));
});
