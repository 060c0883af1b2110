// Simulated chargers (api/sim.ts): list rows from `sim.list` and `sim.chargers` events,
// the selected charger's full state (refreshed as it changes), and operator actions.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { OcppVersion } from '../../../api/model';
import type { BehaviourInfo, SimChargerState, SimChargerSummary, SimOperatorStep, SimStartArgs } from '../../../api/sim';
import { errorInfo, type ErrorInfo } from '../errors';

export interface SimState {
  order: readonly string[];
  byId: ReadonlyMap<string, SimChargerSummary>;
  selected?: string;
  detail?: SimChargerState;
  behaviours?: readonly BehaviourInfo[];
  starting: boolean;
  startError?: ErrorInfo;
  /** The last operator action that failed. */
  actionError?: ErrorInfo;
  actions: {
    load(): Promise<void>;
    loadBehaviours(version: OcppVersion): Promise<void>;
    start(args: SimStartArgs): Promise<string[] | undefined>;
    stop(ids?: string[]): Promise<void>;
    select(id: string | undefined): Promise<void>;
    refreshDetail(): Promise<void>;
    operator(step: SimOperatorStep & { id: string }): Promise<boolean>;
    /** Event. */
    changed(chargers: readonly SimChargerSummary[]): void;
  };
}

export type SimStore = StoreApi<SimState>;

/** Pure: merges changed chargers, appending new ones. */
export function mergeSim(state: Pick<SimState, 'order' | 'byId'>, chargers: readonly SimChargerSummary[]): Pick<SimState, 'order' | 'byId'> {
  const byId = new Map(state.byId);
  const added: string[] = [];
  for (const c of chargers) {
    if (!byId.has(c.id)) added.push(c.id);
    byId.set(c.id, c);
  }
  return { byId, order: added.length > 0 ? [...state.order, ...added] : state.order };
}

export function createSimStore(client: ApiClient): SimStore {
  let busy = false;
  let again = false;
  return createStore<SimState>()((set, get) => ({
    order: [],
    byId: new Map(),
    starting: false,
    actions: {
      async load() {
        const list = await client.call('sim.list', {});
        set((s) => mergeSim(s, list));
      },
      async loadBehaviours(version) {
        try {
          set({ behaviours: await client.call('sim.behaviours', { version }) });
        } catch {
          set({ behaviours: [] });
        }
      },
      async start(args) {
        set({ starting: true, startError: undefined });
        try {
          const { ids } = await client.call('sim.start', args);
          set({ starting: false });
          await get().actions.load().catch(() => {});
          if (get().selected === undefined && ids[0] !== undefined) void get().actions.select(ids[0]);
          return ids;
        } catch (err) {
          set({ starting: false, startError: errorInfo(err) });
          return undefined;
        }
      },
      async stop(ids) {
        try {
          await client.call('sim.stop', ids !== undefined ? { ids } : {});
          await get().actions.load();
        } catch (err) {
          set({ actionError: errorInfo(err) });
        }
      },
      async select(id) {
        set({ selected: id, detail: undefined });
        if (id !== undefined) await get().actions.refreshDetail();
      },
      async refreshDetail() {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            const id = get().selected;
            if (id === undefined) return;
            try {
              const detail = await client.call('sim.state', { id });
              if (get().selected === id) set({ detail });
            } catch (err) {
              if (get().selected === id) set({ actionError: errorInfo(err) });
            }
          } while (again);
        } finally {
          busy = false;
        }
      },
      async operator(step) {
        try {
          const summary = await client.call('sim.operator', step);
          set((s) => ({ ...mergeSim(s, [summary]), actionError: undefined }));
          if (get().selected === step.id) void get().actions.refreshDetail();
          return true;
        } catch (err) {
          set({ actionError: errorInfo(err) });
          return false;
        }
      },
      changed(chargers) {
        set((s) => mergeSim(s, chargers));
        const selected = get().selected;
        if (selected !== undefined && chargers.some((c) => c.id === selected)) void get().actions.refreshDetail();
      },
    },
  }));
}
