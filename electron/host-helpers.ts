// The OS helpers behind the preload's bridge: native file dialogs, PDF export of a report,
// and revealing a file. Each is tied to the window that asked.
import { BrowserWindow, dialog, shell } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenFileOptions, SaveFileOptions, SavePdfOptions } from '../api/host';
import type { HostHelpers } from './ipc';
import { hardenContents } from './security';

export function hostHelpers(window: () => BrowserWindow | undefined): HostHelpers {
  return {
    async openFile(options: OpenFileOptions) {
      const parent = window();
      const opts = { title: options.title ?? 'Open', properties: ['openFile' as const], ...(options.filters !== undefined ? { filters: options.filters } : {}) };
      const result = parent !== undefined ? await dialog.showOpenDialog(parent, opts) : await dialog.showOpenDialog(opts);
      return result.canceled ? undefined : result.filePaths[0];
    },
    saveFile(options: SaveFileOptions) {
      return askSavePath(window(), options);
    },
    async savePdf(options: SavePdfOptions) {
      const path = await askSavePath(window(), {
        title: options.title ?? 'Export PDF',
        defaultPath: options.defaultPath ?? 'report.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (path === undefined) return undefined;
      await writeFile(path, await printHtmlToPdf(options.html));
      return path;
    },
    async showItemInFolder(path: string) {
      shell.showItemInFolder(path);
    },
  };
}

async function askSavePath(parent: BrowserWindow | undefined, options: SaveFileOptions): Promise<string | undefined> {
  const opts = {
    title: options.title ?? 'Save',
    ...(options.defaultPath !== undefined ? { defaultPath: options.defaultPath } : {}),
    ...(options.filters !== undefined ? { filters: options.filters } : {}),
  };
  const result = parent !== undefined ? await dialog.showSaveDialog(parent, opts) : await dialog.showSaveDialog(opts);
  return result.canceled || result.filePath === undefined || result.filePath === '' ? undefined : result.filePath;
}

/**
 * Renders a self-contained HTML report in a hidden window with scripts off and prints it.
 * The HTML goes through a temporary file: reports can exceed what a data: URL may hold.
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'ocpp-bench-pdf-'));
  const file = join(dir, 'report.html');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  hardenContents(win.webContents);
  try {
    await writeFile(file, html);
    await win.loadFile(file);
    return Buffer.from(await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
