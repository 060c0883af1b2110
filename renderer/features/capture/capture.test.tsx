// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { createFakeClient } from '../../api/fake-client';
import { session, syntheticPage } from '../../stores/testing/traffic-fixtures';
import { AppShell } from '../shell/AppShell';
import { useScreenLayout } from '../testing/layout';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { openCapture } from '../../stores/capture/open-capture';

afterEach(cleanup);
failOnConsoleProblems();
useScreenLayout();

function captureClient() {
  let total = 0;
  return createFakeClient({
    'engine.info': () => ({ tool: 'ocpp-bench', version: '0.1.0', ocppVersions: ['1.6'] }),
    'sessions.list': () => (total > 0 ? [session({ source: 'capture', frames: total })] : []),
    'frames.query': (q) => syntheticPage(total, q),
    'capture.open': ({ path }) => {
      if (path.endsWith('missing.jsonl')) throw new ApiError('io', `ENOENT: no such file ${path}`);
      total = 30;
      const warnings = path.endsWith('torn.jsonl')
        ? ['line 7 is not valid JSON and was skipped', 'line 9 is not a capture record and was skipped', 'line 12 is not valid JSON and was skipped', 'the last line (line 31) is incomplete; the recording was probably interrupted, and it was skipped']
        : [];
      return { path, sessions: 1, frames: 30, warnings, millis: 12 };
    },
    'capture.export': ({ out }) => ({ out, frames: 4, sessions: 1, warnings: [] }),
  });
}

describe('captures', () => {
  it('opens a capture by path and shows it from its first frame', async () => {
    const client = captureClient();
    const { stores } = renderWithStores(<AppShell />, client);
    fireEvent.change(screen.getByTestId('capture-path'), { target: { value: '/data/missing.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('capture-open')));
    expect((await screen.findByTestId('capture-error')).textContent).toContain('ENOENT');
    fireEvent.change(screen.getByTestId('capture-path'), { target: { value: '/data/lab.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('capture-open')));
    await screen.findByTestId('traffic-view');
    await waitFor(() => expect(screen.getByTestId('frame-table').getAttribute('data-total')).toBe('30'));
    expect(stores.frames.getState().follow).toBe(false);
    expect(screen.getByTestId('status-bar').textContent).toContain('/data/lab.jsonl');
  });

  it('says what the loader skipped, until dismissed, and nothing for a clean capture', async () => {
    const client = captureClient();
    renderWithStores(<AppShell />, client);
    fireEvent.change(screen.getByTestId('capture-path'), { target: { value: '/data/lab.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('capture-open')));
    await waitFor(() => expect(screen.getByTestId('frame-table').getAttribute('data-total')).toBe('30'));
    expect(screen.queryByTestId('alerts')).toBeNull();

    act(() => screen.getByTestId('nav-start').click());
    fireEvent.change(screen.getByTestId('capture-path'), { target: { value: '/data/torn.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('capture-open')));
    const alert = (await screen.findByTestId('alerts')).textContent ?? '';
    expect(alert).toContain('Opened /data/torn.jsonl with 4 warnings: line 7 is not valid JSON and was skipped; line 9');
    expect(alert).toContain('; and 1 more');
    expect(alert).not.toContain('line 31');
  });

  it("a second open replaces one still loading, without the first one's refusal showing or leaving the view", async () => {
    let refuseFirst: (err: Error) => void = () => undefined;
    const client = createFakeClient({
      'engine.info': () => ({ tool: 'ocpp-bench', version: '0.1.0', ocppVersions: ['1.6'] }),
      'sessions.list': () => [session({ source: 'capture', frames: 30 })],
      'frames.query': (q) => syntheticPage(30, q),
      'capture.open': ({ path }) => {
        if (path === '/data/huge.jsonl') return new Promise((_, reject) => (refuseFirst = reject));
        refuseFirst(new ApiError('conflict', 'Opening /data/huge.jsonl stopped before it finished: the traffic store was replaced (opened /data/lab.jsonl)'));
        return { path, sessions: 1, frames: 30, warnings: [], millis: 12 };
      },
    });
    const { stores } = renderWithStores(<AppShell />, client);
    fireEvent.change(screen.getByTestId('capture-path'), { target: { value: '/data/huge.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('capture-open')));
    await screen.findByTestId('traffic-view');
    await act(() => openCapture(stores, '/data/lab.jsonl'));
    await waitFor(() => expect(screen.getByTestId('frame-table').getAttribute('data-total')).toBe('30'));
    expect(stores.nav.getState().view).toBe('traffic');
    expect(stores.capture.getState()).toMatchObject({ opened: { path: '/data/lab.jsonl' }, error: undefined, opening: undefined });
    expect(screen.queryByTestId('capture-error')).toBeNull();
  });

  it('exports the frames the filter shows to a new capture', async () => {
    const client = captureClient();
    const { stores } = renderWithStores(<AppShell />, client);
    await act(async () => {
      await stores.capture.getState().actions.open('/data/lab.jsonl');
      await stores.frames.getState().actions.setQuery({ filter: 'has:error' });
      stores.nav.getState().actions.go('traffic');
    });
    fireEvent.click(await screen.findByTestId('export-capture-open'));
    fireEvent.change(screen.getByTestId('export-capture-path'), { target: { value: '/data/errors.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('export-capture-run')));
    expect(client.callsTo('capture.export')[0]).toEqual({ path: '/data/lab.jsonl', out: '/data/errors.jsonl', filter: 'has:error' });
    expect((await screen.findByTestId('export-capture-done')).textContent).toContain('Wrote 4 frames');
  });

  it('forgets the opened file when the store is cleared', async () => {
    const client = captureClient();
    const { stores } = renderWithStores(<AppShell />, client);
    await act(() => stores.capture.getState().actions.open('/data/lab.jsonl'));
    act(() => client.emit('traffic.reset', { reason: 'opened /data/lab.jsonl' }));
    expect(stores.capture.getState().opened).toBeDefined();
    act(() => client.emit('traffic.reset', { reason: 'cleared by the user' }));
    expect(stores.capture.getState().opened).toBeUndefined();
  });
});
