// The CSMS console's composer: an action of the charger's version, its payload (edited as a
// schema-driven form or as JSON text), and the engine's verdict on it (`ocpp.check`), so
// the user sees what is wrong before sending.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { Finding, OcppVersion } from '../../../api/model';
import type { OcppActionInfo } from '../../../api/ocpp';
import { errorInfo, type ErrorInfo } from '../errors';

export type ComposerMode = 'form' | 'json';

export interface ComposerState {
  version?: OcppVersion;
  /** CSMS-initiated actions of the version. */
  available?: readonly OcppActionInfo[];
  action?: string;
  schema?: Record<string, unknown>;
  payload: unknown;
  /** The JSON editor's text; in step with `payload` while it parses. */
  text: string;
  /** Why `text` is not a JSON object, when it is not. */
  textError?: string;
  findings: readonly Finding[];
  /** The payload `findings` judge (stale while a check is on its way). */
  checked?: string;
  mode: ComposerMode;
  error?: ErrorInfo;
  actions: {
    setVersion(version: OcppVersion): Promise<void>;
    choose(action: string): Promise<void>;
    setPayload(payload: unknown): void;
    setText(text: string): void;
    setMode(mode: ComposerMode): void;
    /** Asks the engine about the current payload (the view calls it after typing stops). */
    check(): Promise<void>;
    resetToTemplate(): Promise<void>;
  };
}

export type ComposerStore = StoreApi<ComposerState>;

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function createComposerStore(client: ApiClient): ComposerStore {
  return createStore<ComposerState>()((set, get) => ({
    payload: {},
    text: '{}',
    findings: [],
    mode: 'form',
    actions: {
      async setVersion(version) {
        if (get().version === version && get().available !== undefined) return;
        set({ version, available: undefined, action: undefined, schema: undefined, error: undefined });
        try {
          const all = await client.call('ocpp.actions', { version });
          if (get().version !== version) return;
          const fromCsms = all.filter((a) => a.initiator !== 'charger').sort((a, b) => a.action.localeCompare(b.action));
          set({ available: fromCsms });
        } catch (err) {
          set({ error: errorInfo(err) });
        }
      },
      async choose(action) {
        const version = get().version;
        if (version === undefined) return;
        set({ action, schema: undefined, findings: [], checked: undefined, error: undefined });
        try {
          const [{ schema }, { payload }] = await Promise.all([
            client.call('ocpp.schema', { version, action, role: 'request' }),
            client.call('csms.template', { version, action }),
          ]);
          if (get().action !== action) return;
          set({ schema, payload, text: pretty(payload), textError: undefined });
        } catch (err) {
          if (get().action === action) set({ error: errorInfo(err) });
        }
      },
      setPayload(payload) {
        set({ payload, text: pretty(payload), textError: undefined });
      },
      setText(text) {
        try {
          const value: unknown = JSON.parse(text);
          if (typeof value !== 'object' || value === null || Array.isArray(value)) set({ text, textError: 'A payload is a JSON object: { … }' });
          else set({ text, payload: value, textError: undefined });
        } catch (err) {
          set({ text, textError: err instanceof Error ? err.message : String(err) });
        }
      },
      setMode(mode) {
        // Leaving the JSON editor with text that does not parse keeps the last good payload.
        if (mode === 'form') set({ text: pretty(get().payload), textError: undefined });
        set({ mode });
      },
      async check() {
        const { version, action, payload } = get();
        if (version === undefined || action === undefined) return;
        const key = JSON.stringify(payload);
        try {
          const { findings } = await client.call('ocpp.check', { version, action, role: 'request', payload });
          if (JSON.stringify(get().payload) === key && get().action === action) set({ findings, checked: key });
        } catch (err) {
          set({ error: errorInfo(err) });
        }
      },
      async resetToTemplate() {
        const action = get().action;
        if (action !== undefined) await get().actions.choose(action);
      },
    },
  }));
}
