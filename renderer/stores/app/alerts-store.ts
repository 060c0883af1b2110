// Problems the user must see: `engine.alert` events and failed user actions. Newest last,
// bounded, each dismissable.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface Alert {
  id: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
}

export const MAX_ALERTS = 20;

export interface AlertsState {
  alerts: readonly Alert[];
  actions: {
    push(alert: Omit<Alert, 'id'>): void;
    dismiss(id: number): void;
  };
}

export type AlertsStore = StoreApi<AlertsState>;

export function createAlertsStore(): AlertsStore {
  let next = 1;
  return createStore<AlertsState>()((set) => ({
    alerts: [],
    actions: {
      push: (alert) => set((s) => ({ alerts: [...s.alerts, { ...alert, id: next++ }].slice(-MAX_ALERTS) })),
      dismiss: (id) => set((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) })),
    },
  }));
}
