// Standalone CSMSs the engine runs (api/csms.ts), their chargers as list rows (from
// `csms.changed`), the selected charger's full state (fetched on selection and refreshed
// when it changes), and what the console sent to chargers.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { CsmsChargerState, CsmsChargerSummary, CsmsInfo, CsmsSendArgs, CsmsSendOutcome, CsmsStartArgs } from '../../../api/csms';
import { errorInfo, type ErrorInfo } from '../errors';

export interface ChargerRow extends CsmsChargerSummary {
  csms: string;
}

export interface SentCommand {
  id: number;
  at: string;
  csms: string;
  chargePointId: string;
  action: string;
  payload: Record<string, unknown>;
  outcome?: CsmsSendOutcome;
  error?: ErrorInfo;
}

export const MAX_SENT = 50;

export interface CsmsState {
  servers: readonly CsmsInfo[];
  chargers: readonly ChargerRow[];
  selected?: { csms: string; chargePointId: string };
  detail?: CsmsChargerState;
  detailError?: ErrorInfo;
  starting: boolean;
  startError?: ErrorInfo;
  sent: readonly SentCommand[];
  actions: {
    load(): Promise<void>;
    start(args: CsmsStartArgs): Promise<CsmsInfo | undefined>;
    stop(id: string): Promise<void>;
    select(csms: string, chargePointId: string): Promise<void>;
    refreshDetail(): Promise<void>;
    send(args: CsmsSendArgs & { id: string }): Promise<SentCommand>;
    /** Events. */
    changed(csms: string, chargers: readonly CsmsChargerSummary[]): void;
    stopped(csms: string, reason: string): void;
  };
}

export type CsmsStore = StoreApi<CsmsState>;

/** Pure: replaces or appends the rows of one CSMS's changed chargers. */
export function mergeChargers(rows: readonly ChargerRow[], csms: string, changed: readonly CsmsChargerSummary[]): ChargerRow[] {
  const next = rows.slice();
  for (const summary of changed) {
    const row = { ...summary, csms };
    const at = next.findIndex((r) => r.csms === csms && r.chargePointId === summary.chargePointId);
    if (at >= 0) next[at] = row;
    else next.push(row);
  }
  return next;
}

export function createCsmsStore(client: ApiClient): CsmsStore {
  let nextSent = 1;
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;
  return createStore<CsmsState>()((set, get) => {
    const loadChargers = async (id: string) => {
      const states = await client.call('csms.chargers', { id });
      set((s) => ({ chargers: mergeChargers(s.chargers, id, states.map(summaryOf)) }));
    };
    return {
      servers: [],
      chargers: [],
      starting: false,
      sent: [],
      actions: {
        async load() {
          const servers = await client.call('csms.list', {});
          set({ servers });
          await Promise.all(servers.map((s) => loadChargers(s.id).catch(() => {})));
        },
        async start(args) {
          set({ starting: true, startError: undefined });
          try {
            const info = await client.call('csms.start', args);
            set((s) => ({ starting: false, servers: [...s.servers.filter((x) => x.id !== info.id), info] }));
            return info;
          } catch (err) {
            set({ starting: false, startError: errorInfo(err) });
            return undefined;
          }
        },
        async stop(id) {
          try {
            await client.call('csms.stop', { id });
          } finally {
            get().actions.stopped(id, 'stopped by the user');
          }
        },
        async select(csms, chargePointId) {
          set({ selected: { csms, chargePointId }, detail: undefined, detailError: undefined });
          await get().actions.refreshDetail();
        },
        // One request at a time; a change during a fetch asks for one more.
        async refreshDetail() {
          if (refreshing !== undefined) {
            refreshAgain = true;
            return refreshing;
          }
          refreshing = (async () => {
            do {
              refreshAgain = false;
              const selected = get().selected;
              if (selected === undefined) return;
              try {
                const [state] = await client.call('csms.chargers', { id: selected.csms, chargePointId: selected.chargePointId });
                if (get().selected === selected) set({ detail: state, detailError: undefined });
              } catch (err) {
                if (get().selected === selected) set({ detailError: errorInfo(err) });
              }
            } while (refreshAgain);
          })();
          try {
            await refreshing;
          } finally {
            refreshing = undefined;
          }
        },
        async send(args) {
          const { id, ...rest } = args;
          const entry: SentCommand = { id: nextSent++, at: new Date().toISOString(), csms: id, chargePointId: args.chargePointId, action: args.action, payload: args.payload ?? {} };
          const put = (e: SentCommand) => set((s) => ({ sent: [e, ...s.sent.filter((x) => x.id !== e.id)].slice(0, MAX_SENT) }));
          put(entry);
          try {
            const done = { ...entry, outcome: await client.call('csms.send', { id, ...rest }) };
            put(done);
            return done;
          } catch (err) {
            const failed = { ...entry, error: errorInfo(err) };
            put(failed);
            return failed;
          }
        },
        changed(csms, chargers) {
          set((s) => ({ chargers: mergeChargers(s.chargers, csms, chargers) }));
          const selected = get().selected;
          if (selected?.csms === csms && chargers.some((c) => c.chargePointId === selected.chargePointId)) void get().actions.refreshDetail();
        },
        stopped(csms) {
          set((s) => ({
            servers: s.servers.filter((x) => x.id !== csms),
            chargers: s.chargers.map((c) => (c.csms === csms ? { ...c, connected: false } : c)),
          }));
        },
      },
    };
  });
}

function summaryOf(state: CsmsChargerState): CsmsChargerSummary {
  const summary: CsmsChargerSummary = {
    chargePointId: state.chargePointId,
    connected: state.connection.connected,
    bootStatus: state.boot.status,
    activeTransactions: state.transactions.filter((t) => t.state === 'active').length,
  };
  if (state.version !== undefined) summary.version = state.version;
  if (state.lastSeen !== undefined) summary.lastSeen = state.lastSeen;
  return summary;
}
