// The application menu, as data: File (open/save capture, export report), View, Help. The
// template is built by a pure function, so it is tested without Electron; main.ts installs it.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openCapture(): void;
  saveCapture(): void;
  exportReport(): void;
  showView(view: string): void;
  about(): void;
  openDataFolder(): void;
}

export interface MenuContext {
  appName: string;
  isMac: boolean;
  /** Unpackaged runs get reload and developer tools. */
  isDev: boolean;
}

/** The views the View menu offers, with their keys (the renderer's nav names). */
export const MENU_VIEWS: ReadonlyArray<{ view: string; label: string }> = [
  { view: 'start', label: 'Start Page' },
  { view: 'traffic', label: 'Traffic' },
  { view: 'proxy', label: 'Proxy' },
  { view: 'csms', label: 'CSMS Console' },
  { view: 'sim', label: 'Simulator' },
  { view: 'runner', label: 'Test Runner' },
  { view: 'replay', label: 'Replay' },
];

export function menuTemplate(actions: MenuActions, ctx: MenuContext): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Capture…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCapture() },
      { label: 'Save Capture As…', accelerator: 'CmdOrCtrl+S', click: () => actions.saveCapture() },
      { type: 'separator' },
      { label: 'Export Report…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
      { type: 'separator' },
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ...(ctx.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // The page handles Alt+digit itself (in the browser too); the menu only shows the key.
      ...MENU_VIEWS.map(({ view: name, label }, i) => ({ label, accelerator: `Alt+${i + 1}`, registerAccelerator: false, click: () => actions.showView(name) })),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${ctx.appName}`, click: () => actions.about() }],
  };
  const mac: MenuItemConstructorOptions[] = ctx.isMac ? [{ role: 'appMenu' }] : [];
  return [...mac, file, edit, view, ...(ctx.isMac ? [{ role: 'windowMenu' } as const] : []), help];
}
