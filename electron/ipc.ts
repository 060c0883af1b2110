// The one generic binding of the api to Electron's IPC (DESIGN "Layers"): one invoke channel
// for every command (and the page's event subscriptions), one channel pushing batched
// events, and one for the OS helpers. Every message's sender is checked; errors come back
// as data. Written against small interfaces, so it is tested without Electron.
import type { ApiClient } from '../api/client';
import type { ApiErrorData } from '../api/errors';
import type { HostRequest, OpenFileOptions, SaveFileOptions, SavePdfOptions } from '../api/host';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_HOST_CHANNEL, type ReplyMessage } from '../api/transport';
import { ApiSession, errorData } from '../engine/transport/api-session';

/** The part of a WebContents the binding uses. */
export interface SenderLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The part of an IpcMainInvokeEvent the binding uses. */
export interface InvokeEventLike {
  sender: SenderLike;
  /** `parent` is null for a window's top frame (WebFrameMain). */
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Says whether a message comes from our own window's page; anything else is refused. */
export type SenderCheck = (event: InvokeEventLike) => boolean;

/**
 * Trusts only the top frame of our own windows, showing one of our own pages: an iframe,
 * another window, or a page that navigated elsewhere gets `forbidden`.
 */
export function trustOwnPages(ownSenderIds: () => Iterable<number>, isOwnUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null || !isOwnUrl(frame.url)) return false;
    for (const id of ownSenderIds()) if (id === event.sender.id) return true;
    return false;
  };
}

const FORBIDDEN: ApiErrorData = { code: 'forbidden', message: 'This page may not use the OCPP Bench api' };

/** Binds the api; returns the function that unbinds it (and closes every page's session). */
export function bindApi(ipcMain: IpcMainLike, api: ApiClient, options: { isTrusted: SenderCheck; batchMs?: number }): () => void {
  const sessions = new Map<number, ApiSession>();

  const sessionOf = (sender: SenderLike): ApiSession => {
    let session = sessions.get(sender.id);
    if (session === undefined) {
      const created = new ApiSession(api, {
        send: (batch) => {
          if (!sender.isDestroyed()) sender.send(IPC_EVENT_CHANNEL, batch);
        },
        ...(options.batchMs !== undefined ? { batchMs: options.batchMs } : {}),
      });
      sessions.set(sender.id, created);
      sender.once('destroyed', () => {
        created.close();
        sessions.delete(sender.id);
      });
      session = created;
    }
    return session;
  };

  ipcMain.handle(IPC_API_CHANNEL, async (event, message): Promise<ReplyMessage> => {
    if (!options.isTrusted(event)) return { id: idOf(message), ok: false, error: FORBIDDEN };
    return sessionOf(event.sender).handle(message);
  });

  return () => {
    ipcMain.removeHandler(IPC_API_CHANNEL);
    for (const session of sessions.values()) session.close();
    sessions.clear();
  };
}

/** The OS helpers, implemented by the main process (electron/host-helpers.ts). */
export interface HostHelpers {
  openFile(options: OpenFileOptions): Promise<string | undefined>;
  saveFile(options: SaveFileOptions): Promise<string | undefined>;
  savePdf(options: SavePdfOptions): Promise<string | undefined>;
  showItemInFolder(path: string): Promise<void>;
}

export type HostReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

export function bindHost(ipcMain: IpcMainLike, helpers: HostHelpers, options: { isTrusted: SenderCheck }): () => void {
  ipcMain.handle(IPC_HOST_CHANNEL, async (event, request): Promise<HostReply> => {
    if (!options.isTrusted(event)) return { ok: false, error: FORBIDDEN };
    return runHostRequest(helpers, request);
  });
  return () => ipcMain.removeHandler(IPC_HOST_CHANNEL);
}

/** Validates an OS-helper request from the page and runs it; failures are data. */
export async function runHostRequest(helpers: HostHelpers, request: unknown): Promise<HostReply> {
  const bad = (message: string): HostReply => ({ ok: false, error: { code: 'bad-args', message } });
  if (typeof request !== 'object' || request === null) return bad('A host request must be an object');
  const r = request as Partial<HostRequest> & Record<string, unknown>;
  try {
    switch (r.op) {
      case 'openFile':
        return { ok: true, result: (await helpers.openFile(dialogOptions(r['options']))) ?? null };
      case 'saveFile':
        return { ok: true, result: (await helpers.saveFile(dialogOptions(r['options']))) ?? null };
      case 'savePdf': {
        const o = r['options'] as Partial<SavePdfOptions> | undefined;
        if (typeof o?.html !== 'string' || o.html === '') return bad('savePdf needs the report as "html"');
        const pdf: SavePdfOptions = { ...dialogOptions(o), html: o.html };
        return { ok: true, result: (await helpers.savePdf(pdf)) ?? null };
      }
      case 'showItemInFolder':
        if (typeof r['path'] !== 'string' || r['path'] === '') return bad('showItemInFolder needs a "path"');
        await helpers.showItemInFolder(r['path']);
        return { ok: true, result: null };
      default:
        return bad(`Unknown host operation ${JSON.stringify(r.op)}`);
    }
  } catch (err) {
    return { ok: false, error: errorData(err) };
  }
}

/** Keeps only the dialog fields we know, with the right types (the page is not trusted with more). */
function dialogOptions(value: unknown): SaveFileOptions {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const out: SaveFileOptions = {};
  if (typeof o['title'] === 'string') out.title = o['title'].slice(0, 200);
  if (typeof o['defaultPath'] === 'string') out.defaultPath = o['defaultPath'];
  if (Array.isArray(o['filters'])) {
    out.filters = o['filters']
      .filter((f): f is { name: string; extensions: string[] } => typeof f?.name === 'string' && Array.isArray(f?.extensions) && f.extensions.every((e: unknown) => typeof e === 'string'))
      .map((f) => ({ name: f.name, extensions: [...f.extensions] }));
  }
  return out;
}

function idOf(message: unknown): number | null {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}
