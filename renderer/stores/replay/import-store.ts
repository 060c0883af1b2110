// Import of a browser HAR file or a packet capture into a capture (api/replay.ts
// `capture.import`): the source, where to write, and what was read or could not be.
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { ImportArgs, ImportResult } from '../../../api/replay';
import { createFormCommandStore, type FormCommandState } from '../form-command-store';

export interface ImportDraft {
  path: string;
  /** '' writes next to the source (see defaultImportOut). */
  out: string;
  chargerSide: 'client' | 'server';
  keepCredentials: boolean;
}

export type ImportState = FormCommandState<ImportDraft, ImportResult>;

export type ImportStore = StoreApi<ImportState>;

/** Pure: the capture written next to the source: `lab.pcapng` → `lab.jsonl`. */
export function defaultImportOut(path: string): string {
  const trimmed = path.trim();
  if (trimmed === '') return '';
  return `${trimmed.replace(/\.(har|pcapng|pcap|cap)$/i, '')}.jsonl`;
}

/** Pure: the command's arguments, or what is missing. */
export function importArgsOf(d: ImportDraft): { ok: true; args: ImportArgs } | { ok: false; message: string } {
  const path = d.path.trim();
  if (path === '') return { ok: false, message: 'Give the HAR, pcap or pcapng file to import.' };
  const out = d.out.trim() !== '' ? d.out.trim() : defaultImportOut(path);
  if (out === path) return { ok: false, message: 'The capture would overwrite the file it is imported from: choose another output path.' };
  return {
    ok: true,
    args: { path, out, ...(d.chargerSide !== 'client' ? { chargerSide: d.chargerSide } : {}), ...(d.keepCredentials ? { keepCredentials: true } : {}) },
  };
}

export function createImportStore(client: ApiClient): ImportStore {
  return createFormCommandStore<ImportDraft, ImportArgs, ImportResult>({ path: '', out: '', chargerSide: 'client', keepCredentials: false }, importArgsOf, (args) => client.call('capture.import', args));
}
