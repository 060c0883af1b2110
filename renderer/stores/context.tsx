// Stores reach components through React context (never module singletons), so each
// window and each test has its own.
import { createContext, useContext, type ReactNode } from 'react';
import type { AppStores } from './app-stores';

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (stores === null) throw new Error('useStores needs a <StoresProvider> above it');
  return stores;
}
