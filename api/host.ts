// What the desktop host adds around the api: the bridge Electron's preload exposes to the
// page (`window.ocppBench`), its few OS helpers, and the events the host itself pushes
// (menu choices). In a browser there is no bridge: the page talks WebSocket and has no
// native dialogs.
import type { ApiErrorData } from './errors';

export interface FileFilter {
  name: string;
  /** Extensions without the dot, e.g. `jsonl`. */
  extensions: string[];
}

export interface OpenFileOptions {
  title?: string;
  filters?: FileFilter[];
}

export interface SaveFileOptions {
  title?: string;
  /** File name or path proposed to the user. */
  defaultPath?: string;
  filters?: FileFilter[];
}

export interface SavePdfOptions {
  /** A self-contained HTML document (e.g. a conformance report); rendered with scripts off. */
  html: string;
  title?: string;
  defaultPath?: string;
}

/** The page's whole view of Electron: `call`, `on` and the OS helpers, nothing else. */
export interface HostBridge {
  /** Runs a command; the answer is data (errors included), never a thrown object. */
  call(name: string, args: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ApiErrorData }>;
  /** Listens to an event; returns the unsubscribe function. */
  on(name: string, listener: (payload: unknown) => void): () => void;
  /** Native open dialog; the chosen path, or undefined when cancelled. */
  openFile(options: OpenFileOptions): Promise<string | undefined>;
  /** Native save dialog; the chosen path, or undefined when cancelled. */
  saveFile(options: SaveFileOptions): Promise<string | undefined>;
  /** Asks where to save, prints the HTML to PDF there; the path, or undefined when cancelled. */
  savePdf(options: SavePdfOptions): Promise<string | undefined>;
  showItemInFolder(path: string): Promise<void>;
  /** The file system path of a file dropped on the window (a DOM `File`). */
  pathForFile(file: object): string;
}

/** The name under which the preload exposes the bridge on `window`. */
export const HOST_BRIDGE_KEY = 'ocppBench';

/** What the native menu asks the page to do. */
export type MenuAction =
  /** The user chose a capture in the native dialog; `path` is set. */
  | 'open-capture'
  | 'save-capture'
  | 'export-report'
  /** Show a view; `view` names it (`start`, `traffic`, `proxy`, `csms`, `sim`, `runner`, `replay`). */
  | 'show-view';

export interface HostEvents {
  /** A native menu item was chosen (Electron only). */
  'host.menu': { action: MenuAction; path?: string; view?: string };
}

/** What the OS-helper channel carries (Electron's IPC_HOST_CHANNEL). */
export type HostRequest =
  | { op: 'openFile'; options: OpenFileOptions }
  | { op: 'saveFile'; options: SaveFileOptions }
  | { op: 'savePdf'; options: SavePdfOptions }
  | { op: 'showItemInFolder'; path: string };
