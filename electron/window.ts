// The main window: our page from app://, the preload's bridge as its only way out.
import { BrowserWindow } from 'electron';
import { APP_URL } from './app-protocol';

export interface WindowOptions {
  preload: string;
  icon?: string;
  /** Shows the window only once painted (no white flash); tests may want it shown at once. */
  showWhenReady?: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'OCPP Bench',
    show: options.showWhenReady === false,
    backgroundColor: '#1b1d22',
    ...(options.icon !== undefined ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  if (options.showWhenReady !== false) win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
