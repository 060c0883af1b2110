// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import type { FrameDetail } from '../../../api/model';
import { createFakeClient } from '../../api/fake-client';
import { session, syntheticDetail, syntheticFrame, syntheticPage } from '../../stores/testing/traffic-fixtures';
import { useScreenLayout } from '../testing/layout';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { TrafficView } from './TrafficView';

afterEach(cleanup);
failOnConsoleProblems();
useScreenLayout();

function trafficClient(total: number) {
  return createFakeClient({
    'sessions.list': () => [session({ frames: total, findings: { error: 2, warning: 0, info: 0 } })],
    'frames.query': (q) => syntheticPage(total, q),
    'frames.detail': ({ index }) => syntheticDetail(index),
    'filter.check': ({ expression }) => {
      if (expression.endsWith(':')) throw new ApiError('bad-args', `Filter error at ${expression.length}: a value is missing`, { position: expression.length, length: 0 });
      return { ok: true };
    },
    'filter.help': () => ({
      fields: [{ name: 'action', syntax: 'action:NAME', description: 'The action', example: 'action:Heartbeat', comparisons: [':'] }],
      comparisons: [{ symbol: ':', name: 'is', description: 'equals', example: 'action:Heartbeat' }],
      operators: [{ symbol: '&', name: 'and', description: 'both', example: 'a & b' }],
      text: '',
    }),
  });
}

async function showTraffic(total: number) {
  const client = trafficClient(total);
  const rendered = renderWithStores(<TrafficView />, client);
  await act(async () => {
    await rendered.stores.sessions.getState().actions.load();
    await rendered.stores.frames.getState().actions.setQuery({});
  });
  return { client, ...rendered };
}

describe('traffic view', () => {
  it('lists sessions and renders only a screenful of a million frames', async () => {
    const { client } = await showTraffic(1_000_000);
    expect(within(screen.getByTestId('session-list')).getByText('CP-1')).toBeTruthy();
    const rows = await screen.findAllByTestId('frame-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(120);
    expect(screen.getByTestId('frame-table').getAttribute('data-total')).toBe('1000000');
    // Only pages near the screen were asked for, never the whole store.
    for (const args of client.callsTo('frames.query') ) expect(args.limit).toBeLessThanOrEqual(200);
  });

  it('shows a selected frame, its pair and its findings, and highlights a finding\u2019s JSON node', async () => {
    await showTraffic(40);
    const rows = await screen.findAllByTestId('frame-row');
    fireEvent.mouseDown(rows.find((r) => r.getAttribute('data-index') === '14')!);
    const inspector = await screen.findByTestId('inspector');
    expect(within(inspector).getByText(/Frame 15/)).toBeTruthy();
    expect(within(inspector).getByTestId('inspector-pair').textContent).toContain('frame 16');
    const finding = within(inspector).getByTestId('finding');
    expect(finding.textContent).toContain('payload/status');
    fireEvent.click(finding);
    const marked = inspector.querySelector('.jt-marked');
    expect(marked?.getAttribute('data-path')).toBe('3/status');
  });

  it('moves the selection with the keyboard and jumps to the pair with "p"', async () => {
    const { stores } = await showTraffic(40);
    const scroller = screen.getByTestId('frame-scroll');
    fireEvent.keyDown(scroller, { key: 'ArrowDown' });
    await waitFor(() => expect(stores.inspector.getState().selected).toBe(0));
    fireEvent.keyDown(scroller, { key: 'ArrowDown' });
    await waitFor(() => expect(stores.inspector.getState().selected).toBe(1));
    fireEvent.keyDown(scroller, { key: 'p' });
    await waitFor(() => expect(stores.inspector.getState().selected).toBe(0));
  });

  it('checks the filter as it is typed, underlines the wrong place and applies it on Enter', async () => {
    const { client } = await showTraffic(40);
    const input = screen.getByTestId('filter-input');
    fireEvent.change(input, { target: { value: 'action:' } });
    await waitFor(() => expect(screen.getByTestId('filter-status').textContent).toContain('a value is missing'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('.filter-error-caret')).not.toBeNull();
    fireEvent.change(input, { target: { value: 'action:Heartbeat' } });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('false'));
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect((client.callsTo('frames.query') ).at(-1)?.filter).toBe('action:Heartbeat'));
  });

  it('generates the filter help from the engine and uses an example', async () => {
    await showTraffic(4);
    fireEvent.click(screen.getByTestId('filter-help-toggle'));
    const help = await screen.findByTestId('filter-help');
    await within(help).findByText('action:NAME');
    fireEvent.click(within(help).getAllByText('action:Heartbeat')[0]!);
    expect((screen.getByTestId('filter-input') as HTMLInputElement).value).toBe('action:Heartbeat');
  });

  it('narrows the table to a session and appends live frames from events', async () => {
    const { client, stores } = await showTraffic(4);
    fireEvent.click(screen.getByTestId('session-item'));
    await waitFor(() => expect(stores.frames.getState().query.session).toBe('ses_1'));
    fireEvent.click(screen.getByTestId('session-all'));
    await waitFor(() => expect(stores.frames.getState().query.session).toBeUndefined());
    act(() => client.emit('traffic.frames', { frames: [syntheticFrame(4), syntheticFrame(5)] }));
    await waitFor(() => expect(screen.getByTestId('frame-table').getAttribute('data-total')).toBe('6'));
  });

  it('says when a frame cannot be read', async () => {
    const client = trafficClient(4);
    client.handle({
      'frames.detail': (): FrameDetail => {
        throw new ApiError('io', 'Could not read frame 2 from x.jsonl');
      },
    });
    const { stores } = renderWithStores(<TrafficView />, client);
    await act(() => stores.inspector.getState().actions.select(2));
    expect(screen.getByText('Could not read frame 2 from x.jsonl')).toBeTruthy();
  });
});
