// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimChargerState, SimChargerSummary, SimConnectorState } from '../../../api/sim';
import { createFakeClient } from '../../api/fake-client';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { SimView } from './SimView';

afterEach(cleanup);
failOnConsoleProblems();

const connector = (patch: Partial<SimConnectorState> = {}): SimConnectorState => ({
  id: 1,
  status: 'Available',
  plugged: false,
  evConnected: false,
  evSuspended: false,
  locked: false,
  faulted: false,
  operative: true,
  energyWh: 0,
  powerW: 0,
  ...patch,
});

const summary = (connectors: SimConnectorState[]): SimChargerSummary => ({
  id: 'SIM-001',
  version: '1.6',
  url: 'ws://127.0.0.1:9000/ocpp',
  connection: 'open',
  registration: 'accepted',
  securityProfile: 0,
  connectors,
  behaviours: [],
  sent: 3,
  received: 1,
  queued: 0,
  firmwareVersion: '1.0',
});

const state = (s: SimChargerSummary): SimChargerState => ({
  ...s,
  stats: { sent: { BootNotification: 1 }, received: {}, errors: {}, timeouts: {} },
  findings: { error: 0, warning: 0, info: 0, byRule: {} },
  localList: { version: 0, entries: 0 },
  authCache: { entries: 0 },
  chargingProfiles: [],
  firmware: { status: 'Idle' },
  upload: { status: 'Idle' },
  certificates: [],
  log: [{ time: '2026-01-01T10:00:00.000Z', text: 'Booted: Accepted' }],
});

function simClient() {
  let current = summary([connector()]);
  let started = false;
  return createFakeClient({
    'sim.list': () => (started ? [current] : []),
    'sim.behaviours': () => [{ name: 'skips-boot', description: 'Never sends BootNotification.', versions: ['1.6'], targets: ['Core'], rule: 'sequence.boot-first', judgedNow: false }],
    'sim.start': () => {
      started = true;
      return { ids: ['SIM-001'] };
    },
    'sim.state': () => state(current),
    'sim.operator': ({ action }) => {
      if (action === 'plugIn') current = summary([connector({ plugged: true, evConnected: true, status: 'Preparing' })]);
      return current;
    },
  });
}

describe('simulator panel', () => {
  it('starts chargers with a chosen behaviour, shows them and plugs a cable in', async () => {
    const client = simClient();
    renderWithStores(<SimView />, client);
    const behaviour = await screen.findByText('skips-boot');
    fireEvent.click(behaviour.closest('label')!.querySelector('input')!);
    fireEvent.change(screen.getByTestId('sim-url'), { target: { value: 'ws://127.0.0.1:4000/ocpp' } });
    await act(async () => fireEvent.click(screen.getByTestId('sim-start')));
    expect(client.callsTo('sim.start')[0]).toMatchObject({ url: 'ws://127.0.0.1:4000/ocpp', version: '1.6', behaviours: ['skips-boot'] });
    const card = await screen.findByTestId('sim-connector');
    expect(within(card).getByTestId('sim-connector-status').textContent).toBe('Available');
    await act(async () => fireEvent.click(within(card).getByTestId('sim-plug-in')));
    expect(client.callsTo('sim.operator')[0]).toEqual({ id: 'SIM-001', action: 'plugIn', connectorId: 1 });
    await waitFor(() => expect(screen.getByTestId('sim-connector-status').textContent).toBe('Preparing'));
    expect(screen.getByTestId('sim-log').textContent).toContain('Booted: Accepted');
  });

  it('follows sim.chargers events', async () => {
    const client = simClient();
    const { stores } = renderWithStores(<SimView />, client);
    act(() => client.emit('sim.chargers', { chargers: [{ ...summary([connector({ status: 'Faulted', faulted: true, errorCode: 'GroundFailure' })]), connection: 'open' }] }));
    await act(() => stores.sim.getState().actions.select('SIM-001'));
    expect((await screen.findByTestId('sim-connector-status')).textContent).toBe('Faulted');
    expect(screen.getByTestId('sim-clear-fault')).toBeTruthy();
  });
});
