// Proxies the engine runs (api/proxy.ts): their settings, state and fault rules, kept from
// `proxy.list` and the `proxy.status` / `proxy.rules` events.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { FaultRule, FaultRuleInfo, ProxyInfo, ProxySettings } from '../../../api/proxy';
import { errorInfo, type ErrorInfo } from '../errors';

export interface ProxyState {
  /** Ids in the order the proxies started. */
  order: readonly string[];
  byId: ReadonlyMap<string, ProxyInfo>;
  selected?: string;
  starting: boolean;
  startError?: ErrorInfo;
  /** The last rule change that failed, per proxy. */
  ruleError?: { proxy: string; error: ErrorInfo };
  actions: {
    load(): Promise<void>;
    start(settings: ProxySettings): Promise<ProxyInfo | undefined>;
    stop(id: string): Promise<void>;
    select(id: string | undefined): void;
    addRule(id: string, rule: FaultRule): Promise<boolean>;
    removeRule(id: string, ruleId: string): Promise<void>;
    setRules(id: string, rules: FaultRule[]): Promise<boolean>;
    /** Explains rules without applying them; rejects with the engine's reason. */
    check(rules: FaultRule[]): Promise<FaultRuleInfo[]>;
    /** Events. */
    status(proxy: ProxyInfo): void;
    rules(proxy: string, rules: FaultRuleInfo[]): void;
  };
}

export type ProxyStore = StoreApi<ProxyState>;

export function createProxyStore(client: ApiClient): ProxyStore {
  return createStore<ProxyState>()((set, get) => {
    const put = (info: ProxyInfo) =>
      set((s) => {
        const byId = new Map(s.byId).set(info.id, info);
        const order = s.order.includes(info.id) ? s.order : [...s.order, info.id];
        return { byId, order, selected: s.selected ?? info.id };
      });
    const putRules = (id: string, rules: FaultRuleInfo[]) => {
      const info = get().byId.get(id);
      if (info !== undefined) put({ ...info, rules });
    };
    const ruleChange = async (id: string, change: () => Promise<FaultRuleInfo[]>): Promise<boolean> => {
      try {
        putRules(id, await change());
        set({ ruleError: undefined });
        return true;
      } catch (err) {
        set({ ruleError: { proxy: id, error: errorInfo(err) } });
        return false;
      }
    };
    return {
      order: [],
      byId: new Map(),
      starting: false,
      actions: {
        async load() {
          const list = await client.call('proxy.list', {});
          for (const info of list) put(info);
        },
        async start(settings) {
          set({ starting: true, startError: undefined });
          try {
            const info = await client.call('proxy.start', settings);
            put(info);
            set({ starting: false, selected: info.id });
            return info;
          } catch (err) {
            set({ starting: false, startError: errorInfo(err) });
            return undefined;
          }
        },
        async stop(id) {
          try {
            put(await client.call('proxy.stop', { id }));
          } catch (err) {
            set({ ruleError: { proxy: id, error: errorInfo(err) } });
          }
        },
        select: (selected) => set({ selected }),
        addRule: (id, rule) => ruleChange(id, () => client.call('proxy.rules.add', { id, rule })),
        removeRule: async (id, ruleId) => void (await ruleChange(id, () => client.call('proxy.rules.remove', { id, ruleId }))),
        setRules: (id, rules) => ruleChange(id, () => client.call('proxy.rules.set', { id, rules })),
        check: (rules) => client.call('proxy.rules.check', { rules }),
        status: put,
        rules: putRules,
      },
    };
  });
}
