// The replay form as strings, and its conversion to ReplaySettings (api/replay.ts) with a
// reason per field. Pure; the engine checks again and says what it refuses.
import { DEFAULT_CORRELATED, DEFAULT_VOLATILE, type ReplaySelection, type ReplaySettings, type ReplaySide } from '../../../api/replay';

export type TimingMode = 'recorded' | 'fast' | 'fixed';

export interface ReplayDraft {
  /** The capture, as the engine sees it. */
  path: string;
  /** Connection or charge point id; '' lets the engine take the only session. */
  session: string;
  as: ReplaySide;
  /** As charger: the CSMS URL. */
  target: string;
  /** As CSMS: HOST:PORT to wait for the charger on. */
  listen: string;
  timing: TimingMode;
  fixedMs: string;
  /** Entries separated by commas or new lines. */
  volatile: string;
  correlated: string;
  /** Record the replay to this capture (optional). */
  capture: string;
  /** As charger: HTTP Basic password (captures keep it redacted). */
  password: string;
  callTimeoutS: string;
  peerWaitS: string;
  connectTimeoutS: string;
}

/**
 * The engine's defaults (docs/replay.md "Volatile fields" and "Ids and times"), from the api
 * contract, shown so they can be edited. They are sent only when edited, so the engine's own
 * apply otherwise.
 */
export { DEFAULT_CORRELATED, DEFAULT_VOLATILE };

export const DEFAULT_REPLAY_DRAFT: ReplayDraft = {
  path: '',
  session: '',
  as: 'charger',
  target: 'ws://127.0.0.1:9000',
  listen: '0.0.0.0:9000',
  timing: 'recorded',
  fixedMs: '500',
  volatile: DEFAULT_VOLATILE.join(', '),
  correlated: DEFAULT_CORRELATED.join(', '),
  capture: '',
  password: '',
  callTimeoutS: '',
  peerWaitS: '',
  connectTimeoutS: '',
};

export type ReplayDraftErrors = Partial<Record<keyof ReplayDraft, string>>;

/** Entries of a list typed as text: separated by commas, spaces or new lines. */
export const listOf = (text: string): string[] => text.split(/[\s,]+/).filter((x) => x !== '');

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What `replay.check` needs: the capture, the session, the side. */
export function selectionOf(d: ReplayDraft): ReplaySelection {
  const session = d.session.trim();
  return { path: d.path.trim(), as: d.as, ...(session !== '' ? { session } : {}) };
}

export function settingsFromDraft(d: ReplayDraft): { ok: true; settings: ReplaySettings } | { ok: false; errors: ReplayDraftErrors } {
  const errors: ReplayDraftErrors = {};
  const settings: ReplaySettings = selectionOf(d);
  if (settings.path === '') errors.path = 'the capture to replay';
  if (d.as === 'charger') {
    const target = d.target.trim();
    if (!/^wss?:\/\/[^/]+/i.test(target)) errors.target = 'the CSMS address: ws://host:port or wss://…; the recorded path is appended';
    else settings.target = target;
    if (d.password !== '') settings.password = d.password;
  } else {
    const match = /^(.+):(\d{1,5})$/.exec(d.listen.trim());
    const port = match === null ? NaN : Number(match[2]);
    if (match === null || port > 65535) errors.listen = 'HOST:PORT, e.g. 0.0.0.0:9000 (port 0 picks a free one)';
    else settings.listen = { host: match[1]!, port };
  }
  if (d.timing === 'fixed') {
    const ms = Number(d.fixedMs.trim());
    if (d.fixedMs.trim() === '' || !Number.isFinite(ms) || ms < 0) errors.fixedMs = 'milliseconds before each CALL, 0 or more';
    else settings.timing = { mode: 'fixed', ms };
  } else {
    settings.timing = { mode: d.timing };
  }
  const volatile = listOf(d.volatile);
  if (!sameList(volatile, DEFAULT_VOLATILE)) settings.volatile = volatile;
  const correlated = listOf(d.correlated);
  if (!sameList(correlated, DEFAULT_CORRELATED)) settings.correlated = correlated;
  if (d.capture.trim() !== '') settings.capture = d.capture.trim();
  const seconds = (key: 'callTimeoutS' | 'peerWaitS' | 'connectTimeoutS', into: 'callTimeoutMs' | 'peerWaitMs' | 'connectTimeoutMs') => {
    const text = d[key].trim();
    if (text === '') return;
    const s = Number(text);
    if (!Number.isFinite(s) || s <= 0) errors[key] = 'seconds, more than 0 (empty: the default)';
    else settings[into] = Math.round(s * 1000);
  };
  seconds('callTimeoutS', 'callTimeoutMs');
  seconds('peerWaitS', 'peerWaitMs');
  if (d.as === 'csms') seconds('connectTimeoutS', 'connectTimeoutMs');
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
