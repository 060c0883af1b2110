// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../api/fake-client';
import { session, syntheticDetail, syntheticPage } from '../../stores/testing/traffic-fixtures';
import { useScreenLayout } from '../testing/layout';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { TrafficView } from '../traffic/TrafficView';

afterEach(cleanup);
failOnConsoleProblems();
useScreenLayout();

describe('sequence diagram and charts', () => {
  it('draws one arrow per frame in the right direction and selects on click', async () => {
    const client = createFakeClient({
      'sessions.list': () => [session({ frames: 10 })],
      'frames.query': (q) => syntheticPage(10, q),
      'frames.detail': ({ index }) => syntheticDetail(index),
    });
    const { stores } = renderWithStores(<TrafficView />, client);
    await act(async () => {
      await stores.sessions.getState().actions.load();
      await stores.frames.getState().actions.setQuery({});
    });
    fireEvent.click(screen.getByTestId('traffic-shape-sequence'));
    const arrows = await screen.findAllByTestId('seq-arrow');
    expect(arrows).toHaveLength(10);
    expect(arrows[0]!.className).toContain('seq-cp2csms');
    expect(arrows[1]!.className).toContain('seq-csms2cp');
    expect(arrows[1]!.className).toContain('seq-response');
    fireEvent.mouseDown(arrows[2]!);
    await waitFor(() => expect(stores.inspector.getState().selected).toBe(2));
  });

  it('charts the meter values of the chosen session', async () => {
    const meter = (wh: number, at: string) => JSON.stringify([2, `m${wh}`, 'MeterValues', { connectorId: 1, transactionId: 42, meterValue: [{ timestamp: at, sampledValue: [{ value: String(wh) }] }] }]);
    const summaries = [0, 1].map((i) => ({ ...syntheticPage(2, { offset: i, limit: 1 }).frames[0]!, kind: 'CALL' as const, action: 'MeterValues' }));
    const client = createFakeClient({
      'sessions.list': () => [session({ frames: 2 })],
      'frames.query': (q) => ({ total: 2, offset: q.offset ?? 0, frames: summaries.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 500)) }),
      'frames.detail': ({ index }) => ({ summary: summaries[index]!, text: meter(1000 + index * 500, `2026-01-01T10:0${index}:00Z`), findings: [] }),
    });
    const { stores } = renderWithStores(<TrafficView />, client);
    await act(async () => {
      await stores.sessions.getState().actions.load();
      await stores.frames.getState().actions.setQuery({ session: 'ses_1' });
    });
    fireEvent.click(screen.getByTestId('traffic-shape-charts'));
    const charts = await screen.findByTestId('session-charts');
    await waitFor(() => expect(charts.textContent).toContain('Transaction 42'));
    expect(client.callsTo('frames.query').at(-1)).toMatchObject({ session: 'ses_1', filter: expect.stringContaining('action:MeterValues') });
    expect(charts.querySelector('path.chart-line')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});
