// Renders views over a scripted client with fresh stores, as a test needs them.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createAppStores, type AppStores } from '../../stores/app-stores';
import type { ViewName } from '../../stores/app/nav-store';
import { connectEvents } from '../../stores/connect-events';
import { StoresProvider } from '../../stores/context';
import type { HostHelpers } from '../../stores/host';
import type { FakeClient } from '../../api/fake-client';

export interface Rendered extends RenderResult {
  stores: AppStores;
}

export function renderWithStores(ui: ReactNode, client: FakeClient, options: { view?: ViewName; host?: HostHelpers } = {}): Rendered {
  const stores = createAppStores(client, { host: options.host, ...(options.view !== undefined ? { view: options.view } : {}) });
  connectEvents(stores);
  const result = render(<StoresProvider stores={stores}>{ui}</StoresProvider>);
  return { ...result, stores };
}
