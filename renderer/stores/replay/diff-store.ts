// Semantic diff of two captures (api/replay.ts `diff.captures`): the two paths, which
// sessions to compare, and the differences the engine found.
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { CaptureDiff, DiffArgs } from '../../../api/replay';
import { createFormCommandStore, type FormCommandState } from '../form-command-store';
import { listOf } from './replay-draft';

export interface DiffDraft {
  a: string;
  b: string;
  /** `CONN_A=CONN_B` pairs, or connection / charge point ids to keep; separated by commas or spaces. */
  sessions: string;
}

export type DiffState = FormCommandState<DiffDraft, CaptureDiff>;

export type DiffStore = StoreApi<DiffState>;

/** Pure: the command's arguments, or what is missing. */
export function diffArgsOf(d: DiffDraft): { ok: true; args: DiffArgs } | { ok: false; message: string } {
  const a = d.a.trim();
  const b = d.b.trim();
  if (a === '' || b === '') return { ok: false, message: 'Give both captures: A (before, or the reference) and B.' };
  const sessions = listOf(d.sessions);
  return { ok: true, args: { a, b, ...(sessions.length > 0 ? { sessions } : {}) } };
}

export function createDiffStore(client: ApiClient): DiffStore {
  return createFormCommandStore<DiffDraft, DiffArgs, CaptureDiff>({ a: '', b: '', sessions: '' }, diffArgsOf, (args) => client.call('diff.captures', args));
}
