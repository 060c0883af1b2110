// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsmsInfo, CsmsResponders } from '../../../api/csms';
import { createFakeClient } from '../../api/fake-client';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { CsmsView } from './CsmsView';
import { chargerState } from './testing';

afterEach(cleanup);
failOnConsoleProblems();

const info: CsmsInfo = { id: 'csms_1', url: 'ws://127.0.0.1:39000', securityProfile: 0, started: '2026-01-01T10:00:00.000Z', chargers: 0, connected: 0 };
const resetSchema = { type: 'object', properties: { type: { type: 'string', enum: ['Hard', 'Soft'] } }, required: ['type'] };

function csmsClient() {
  let running: CsmsInfo[] = [];
  let responders: CsmsResponders = { global: {}, charger: {} };
  return createFakeClient({
    'csms.list': () => running,
    'csms.start': () => {
      running = [info];
      return info;
    },
    'csms.chargers': () => [chargerState()],
    'ocpp.actions': () => [
      { action: 'Reset', initiator: 'csms', group: 'Core' },
      { action: 'Heartbeat', initiator: 'charger', group: 'Core' },
      { action: 'DataTransfer', initiator: 'both', group: 'Core' },
    ],
    'ocpp.schema': () => ({ schema: resetSchema }),
    'csms.template': () => ({ payload: { type: 'Hard' } }),
    'ocpp.check': ({ payload }) => ({
      findings:
        (payload as { type?: string }).type === 'Hard' || (payload as { type?: string }).type === 'Soft'
          ? []
          : [{ rule: 'schema.enum', severity: 'error' as const, group: 'schema' as const, message: '"type" must be one of Hard, Soft', path: '/type' }],
    }),
    'csms.send': ({ payload }) => ({ kind: 'result', messageId: 'm1', payload: { status: 'Accepted', echo: payload }, findings: [], latencyMs: 12, notes: [] }),
    'csms.responders.get': () => responders,
    'csms.responders.set': ({ action, chargePointId, responder }) => {
      if (chargePointId !== undefined && responder !== null) responders = { ...responders, charger: { ...responders.charger, [action]: responder } };
      return responders;
    },
  });
}

async function openCharger() {
  const client = csmsClient();
  const rendered = renderWithStores(<CsmsView />, client);
  fireEvent.change(await screen.findByTestId('csms-listen'), { target: { value: '127.0.0.1:0' } });
  await act(async () => fireEvent.click(screen.getByTestId('csms-start')));
  expect((await screen.findByTestId('csms-url')).textContent).toBe('ws://127.0.0.1:39000');
  act(() => client.emit('csms.changed', { id: 'csms_1', chargers: [{ chargePointId: 'CP-1', version: '1.6', connected: true, bootStatus: 'Accepted', activeTransactions: 1 }] }));
  await act(async () => fireEvent.click(await screen.findByTestId('csms-charger')));
  await screen.findByTestId('csms-charger-state');
  return { client, ...rendered };
}

describe('CSMS console', () => {
  it('starts a CSMS and shows a charger\u2019s connectors, transactions with meter chart, and configuration', async () => {
    const { client } = await openCharger();
    expect(client.callsTo('csms.start')[0]).toMatchObject({ listen: '127.0.0.1:0', settings: { subprotocols: ['ocpp2.0.1', 'ocpp1.6', 'ocpp2.1'] } });
    expect(within(screen.getByTestId('csms-connectors')).getByText('Charging')).toBeTruthy();
    expect(within(screen.getByTestId('csms-transactions')).getByText('0.60 kWh')).toBeTruthy();
    expect(screen.getByTestId('meter-chart').querySelector('path.chart-line')).not.toBeNull();
    expect(within(screen.getByTestId('csms-config')).getByText('HeartbeatInterval')).toBeTruthy();
  });

  it('composes from the schema, checks as you type, refuses an invalid payload unless told, and sends', async () => {
    const { client } = await openCharger();
    fireEvent.click(screen.getByTestId('csms-tab-send'));
    const select = await screen.findByTestId('composer-action');
    await waitFor(() => expect(within(select).queryByText('Reset')).toBeTruthy());
    // Only CSMS-initiated actions are offered.
    expect(within(select).queryByText('Heartbeat')).toBeNull();
    await act(async () => fireEvent.change(select, { target: { value: 'Reset' } }));
    const field = (await screen.findByTestId('schema-form')).querySelector('[data-pointer="/type"]') as HTMLSelectElement;
    expect(field.value).toBe('Hard');
    fireEvent.click(screen.getByText('JSON'));
    fireEvent.change(screen.getByTestId('composer-json'), { target: { value: '{"type":"Warm"}' } });
    await waitFor(() => expect(screen.getByTestId('composer-verdict').textContent).toContain('must be one of Hard, Soft'));
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('composer-allow-invalid'));
    await act(async () => fireEvent.click(screen.getByTestId('composer-send')));
    expect(client.callsTo('csms.send')[0]).toEqual({ id: 'csms_1', chargePointId: 'CP-1', action: 'Reset', payload: { type: 'Warm' }, allowInvalid: true });
    const item = await screen.findByTestId('sent-item');
    expect(item.getAttribute('data-outcome')).toBe('result');
    expect(within(screen.getByTestId('sent-detail')).getByText('"Accepted"')).toBeTruthy();
  });

  it('sets a CALLERROR responder for one charger', async () => {
    const { client } = await openCharger();
    fireEvent.click(screen.getByTestId('csms-tab-responders'));
    const rows = await screen.findAllByTestId('responder-row');
    expect(rows.map((r) => r.getAttribute('data-action'))).toEqual(['Heartbeat', 'DataTransfer']);
    fireEvent.click(rows[0]!);
    const editor = screen.getByTestId('responder-editor');
    fireEvent.click(within(editor).getByText('CALLERROR'));
    fireEvent.change(within(editor).getByTestId('responder-code'), { target: { value: 'NotSupported' } });
    fireEvent.click(within(editor).getByText('CP-1'));
    await act(async () => fireEvent.click(within(editor).getByTestId('responder-save')));
    expect(client.callsTo('csms.responders.set')[0]).toEqual({ id: 'csms_1', action: 'Heartbeat', chargePointId: 'CP-1', responder: { mode: 'error', code: 'NotSupported' } });
    await waitFor(() => expect(screen.getAllByTestId('responder-row')[0]!.textContent).toContain('CALLERROR NotSupported'));
  });
});
