// The desktop app's main process: lifecycle only. The engine runs here in plain Node
// (createEngine); the window reaches it through one generic IPC binding (ipc.ts).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../engine/engine';
import { TOOL_VERSION } from '../engine/version';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse, isAppUrl } from './app-protocol';
import { HostApi } from './host-events';
import { hostHelpers } from './host-helpers';
import { bindApi, bindHost, trustOwnPages } from './ipc';
import { menuTemplate } from './menu';
import { hardenContents, hardenSession } from './security';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD = join(here, 'preload.cjs');
const CAPTURE_FILTERS = [
  { name: 'OCPP Bench captures', extensions: ['jsonl'] },
  { name: 'All files', extensions: ['*'] },
];

// A data folder of its own (tests, several benches side by side); before `ready`, so
// Chromium's profile lands there too.
const dataDirOverride = process.env['OCPP_BENCH_DATA_DIR'];
if (dataDirOverride !== undefined && dataDirOverride !== '') {
  mkdirSync(dataDirOverride, { recursive: true });
  app.setPath('userData', dataDirOverride);
}

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenContents(contents));

let engine: Engine | undefined;
let hostApi: HostApi | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail(err));
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  engine = createEngine({ dataDir });
  hostApi = new HostApi(engine);
  hardenSession(session.defaultSession);
  session.defaultSession.protocol.handle(APP_SCHEME, (request) => appResponse(RENDERER_DIR, request.url));

  const isTrusted = trustOwnPages(() => BrowserWindow.getAllWindows().map((w) => w.webContents.id), isAppUrl);
  bindApi(ipcMain, hostApi, { isTrusted });
  bindHost(ipcMain, hostHelpers(() => mainWindow), { isTrusted });

  const menuActions = {
    openCapture: () => void openCaptureFromMenu(),
    saveCapture: () => hostApi?.emit('host.menu', { action: 'save-capture' }),
    exportReport: () => hostApi?.emit('host.menu', { action: 'export-report' }),
    showView: (view: string) => hostApi?.emit('host.menu', { action: 'show-view', view }),
    about: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: 'About OCPP Bench',
        message: `OCPP Bench ${TOOL_VERSION}`,
        detail: `OCPP protocol inspector and conformance test bench.\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}.\nData folder: ${dataDir}`,
      }),
    openDataFolder: () => void shell.openPath(dataDir),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(menuActions, { appName: 'OCPP Bench', isMac: process.platform === 'darwin', isDev: !app.isPackaged })));
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

function openWindow(): void {
  mainWindow = createMainWindow({ preload: PRELOAD });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

async function openCaptureFromMenu(): Promise<void> {
  const opts = { title: 'Open Capture', properties: ['openFile' as const], filters: CAPTURE_FILTERS };
  const result = mainWindow !== undefined ? await dialog.showOpenDialog(mainWindow, opts) : await dialog.showOpenDialog(opts);
  const path = result.filePaths[0];
  // The page runs its own open flow (progress, errors, switching to the traffic view).
  if (!result.canceled && path !== undefined) hostApi?.emit('host.menu', { action: 'open-capture', path });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Stop proxies and flush captures before the process ends.
let closing = false;
app.on('will-quit', (event) => {
  if (closing || engine === undefined) return;
  closing = true;
  event.preventDefault();
  const done = () => app.exit(0);
  engine.close().then(done, done);
});

function fail(err: unknown): void {
  dialog.showErrorBox('OCPP Bench could not start', err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
}
