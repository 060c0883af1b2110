// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordedSessionInfo, ReplayCheck, ReplayExchange, ReplayResult } from '../../../api/replay';
import { createFakeClient } from '../../api/fake-client';
import type { HostHelpers } from '../../stores/host';
import { session as sessionSummary, syntheticDetail, syntheticPage } from '../../stores/testing/traffic-fixtures';
import { AppShell } from '../shell/AppShell';
import { failOnConsoleProblems } from '../testing/console-guard';
import { useScreenLayout } from '../testing/layout';
import { renderWithStores } from '../testing/render-app';

afterEach(cleanup);
failOnConsoleProblems();
useScreenLayout();

const recorded = (id: string, chargePointId: string): RecordedSessionInfo => ({ id, chargePointId, path: `/ocpp/${chargePointId}`, subprotocol: 'ocpp1.6', version: '1.6', opened: '2026-01-01T10:00:00.000Z', frames: 12, calls: { charger: 6, csms: 0 } });
const CP1 = recorded('conn_a1', 'CP1');
const CP2 = recorded('conn_a2', 'CP2');

const exchanges: ReplayExchange[] = [
  { n: 1, dir: 'cp2csms', by: 'bench', action: 'BootNotification', kind: 'CALL', outcome: 'match', recorded: { requestSeq: 0, responseSeq: 1, messageId: 'r1' }, live: { requestSeq: 0, responseSeq: 1, messageId: 'l1', latencyMs: 4 }, changes: [] },
  {
    n: 2,
    dir: 'cp2csms',
    by: 'bench',
    action: 'Authorize',
    kind: 'CALL',
    outcome: 'differs',
    recorded: { requestSeq: 2, responseSeq: 3, messageId: 'r2' },
    live: { requestSeq: 2, responseSeq: 3, messageId: 'l2', latencyMs: 3 },
    changes: [{ part: 'response', path: '/idTagInfo/status', change: 'changed', recorded: 'Accepted', live: 'Blocked' }],
  },
];

const result: ReplayResult = {
  id: 'replay_1',
  file: '/data/lab.jsonl',
  session: CP1,
  as: 'charger',
  target: 'ws://127.0.0.1:9000/ocpp/CP1',
  timing: { mode: 'fast' },
  started: '2026-01-01T10:00:00.000Z',
  durationMs: 420,
  verdict: 'differs',
  counts: { match: 1, differs: 1, missing: 0, unexpected: 0, timeout: 0, closed: 0 },
  exchanges,
  ids: { transactionId: [{ recorded: 1, live: 42 }] },
  comparison: { volatile: ['@date-time', 'currentTime'], correlated: ['transactionId'] },
  liveSession: 'ses_live',
  findings: { error: 0, warning: 1, info: 0 },
  warnings: [],
};

function replayClient() {
  return createFakeClient({
    'engine.info': () => ({ tool: 'ocpp-bench', version: '0.1.0', ocppVersions: ['1.6'] }),
    'sessions.list': () => [sessionSummary({ id: 'ses_live', source: 'replay', chargePointId: 'CP1', frames: 4 })],
    'frames.query': (q) => syntheticPage(4, q),
    'frames.detail': ({ index }) => syntheticDetail(index),
    'replay.check': ({ session }): ReplayCheck => {
      const chosen = [CP1, CP2].find((s) => s.id === session);
      if (chosen === undefined) return { file: '/data/lab.jsonl', as: 'charger', sessions: [CP1, CP2], replayable: false, problems: [{ code: 'ambiguous-session', severity: 'error', message: 'The capture holds 2 sessions: choose one' }] };
      return { file: '/data/lab.jsonl', as: 'charger', session: chosen, sessions: [CP1, CP2], replayable: true, problems: [{ code: 'invalid-frame', severity: 'warning', seq: 7, message: 'Frame 7 from the CSMS is not valid OCPP-J; the replay skips it' }] };
    },
    'replay.start': () => ({ id: 'replay_1', session: CP1 }),
    'replay.result': () => result,
    'replay.cancel': () => ({ cancelled: true }),
    'replay.render': ({ format }) => ({ content: format === 'json' ? '{}' : '<html></html>' }),
  });
}

describe('replay view', () => {
  it('checks the capture, starts a replay of the chosen session, shows its progress and the differences, and leads to its traffic', async () => {
    const client = replayClient();
    const { stores } = renderWithStores(<AppShell />, client, { view: 'replay' });
    expect((screen.getByTestId('replay-start') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('replay-path'), { target: { value: '/data/lab.jsonl' } });
    await act(async () => fireEvent.click(screen.getByTestId('replay-check-run')));
    expect((await screen.findByTestId('replay-check')).getAttribute('data-replayable')).toBe('false');
    expect(screen.getByTestId('replay-problem').getAttribute('data-code')).toBe('ambiguous-session');

    await act(async () => fireEvent.change(screen.getByTestId('replay-session'), { target: { value: 'conn_a1' } }));
    await waitFor(() => expect(screen.getByTestId('replay-check').getAttribute('data-replayable')).toBe('true'));
    const problem = screen.getByTestId('replay-problem');
    expect(problem.getAttribute('data-severity')).toBe('warning');
    expect(problem.textContent).toContain('#7');

    fireEvent.change(screen.getByTestId('replay-target'), { target: { value: 'ws://127.0.0.1:9000' } });
    fireEvent.click(screen.getByTestId('replay-timing-fast'));
    await act(async () => fireEvent.click(screen.getByTestId('replay-start')));
    expect(client.callsTo('replay.start')[0]).toEqual({ path: '/data/lab.jsonl', session: 'conn_a1', as: 'charger', target: 'ws://127.0.0.1:9000', timing: { mode: 'fast' } });

    act(() => client.emit('replay.progress', { id: 'replay_1', state: 'connecting', done: 0, total: 0 }));
    act(() => client.emit('replay.progress', { id: 'replay_1', state: 'running', done: 1, total: 2, exchange: exchanges[0]! }));
    expect(screen.getByTestId('replay-headline').textContent).toBe('Replaying CP1 (conn_a1): exchange 1 of 2');
    expect(screen.getByTestId('replay-log').textContent).toContain('#1 BootNotification (replayed): match');
    await act(async () => fireEvent.click(screen.getByTestId('replay-cancel')));
    expect(client.callsTo('replay.cancel')).toEqual([{ id: 'replay_1' }]);

    // The replay's live session is in the engine's traffic store, like any other.
    act(() => client.emit('traffic.sessions', { sessions: [sessionSummary({ id: 'ses_live', source: 'replay', chargePointId: 'CP1', frames: 4 })] }));
    await act(async () => client.emit('replay.finished', { id: 'replay_1', verdict: 'differs' }));
    expect((await screen.findByTestId('replay-result')).getAttribute('data-verdict')).toBe('differs');
    expect(screen.getByTestId('replay-counts').textContent).toBe('1 matched1 different');
    const detail = screen.getByTestId('exchange-detail');
    expect(detail.getAttribute('data-n')).toBe('2');
    const change = within(detail).getByTestId('change-row');
    expect(change.getAttribute('data-path')).toBe('/idTagInfo/status');
    expect(change.textContent).toContain('"Accepted"');
    expect(change.textContent).toContain('"Blocked"');
    fireEvent.click(screen.getByTestId('replay-only-differences'));
    expect(screen.getAllByTestId('exchange-row').map((r) => r.getAttribute('data-action'))).toEqual(['Authorize']);

    await act(async () => fireEvent.click(within(detail).getByTestId('exchange-show-in-traffic')));
    await screen.findByTestId('traffic-view');
    expect(stores.frames.getState().query.session).toBe('ses_live');
    await waitFor(() => expect(stores.inspector.getState().selected).toBe(2));
  });

  it('exports the report the engine renders, as a download in a browser', async () => {
    const created = vi.fn((_blob: Blob | MediaSource) => 'blob:report');
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(created);
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    try {
      const client = replayClient();
      const { stores } = renderWithStores(<AppShell />, client, { view: 'replay' });
      await act(() => stores.replay.getState().actions.finished('replay_1', 'differs'));
      await act(async () => fireEvent.click(screen.getByTestId('replay-export-json')));
      expect(client.callsTo('replay.render')).toEqual([{ id: 'replay_1', format: 'json' }]);
      expect(screen.getByTestId('replay-export-message').textContent).toBe('Downloaded replay_1.json');
      expect(created).toHaveBeenCalledTimes(1);
      expect(screen.queryByTestId('replay-export-pdf')).toBeNull();
    } finally {
      createObjectURL.mockRestore();
      revoke.mockRestore();
    }
  });

  it('in the desktop app, picks the capture in the native dialog and checks it at once', async () => {
    const host: HostHelpers = {
      openFile: vi.fn(async () => '/home/lab/charger.jsonl'),
      saveFile: vi.fn(async () => undefined),
      savePdf: vi.fn(async () => '/home/lab/replay.pdf'),
      pathForFile: () => '',
      showItemInFolder: async () => {},
    };
    const client = replayClient();
    const { stores } = renderWithStores(<AppShell />, client, { view: 'replay', host });
    await act(async () => fireEvent.click(screen.getByTestId('replay-path-browse')));
    expect((screen.getByTestId('replay-path') as HTMLInputElement).value).toBe('/home/lab/charger.jsonl');
    expect(client.callsTo('replay.check')).toEqual([{ path: '/home/lab/charger.jsonl', as: 'charger' }]);
    await act(() => stores.replay.getState().actions.finished('replay_1', 'differs'));
    await act(async () => fireEvent.click(screen.getByTestId('replay-export-pdf')));
    expect(host.savePdf).toHaveBeenCalledWith({ html: '<html></html>', title: 'Replay report replay_1', defaultPath: 'replay_1.pdf' });
    expect(screen.getByTestId('replay-export-message').textContent).toBe('Saved /home/lab/replay.pdf');
  });

  it('as the CSMS, listens where asked and says where to point the charger', async () => {
    const client = replayClient();
    const { stores } = renderWithStores(<AppShell />, client, { view: 'replay' });
    act(() => stores.replay.getState().actions.edit({ path: '/data/lab.jsonl', session: 'conn_a1' }));
    fireEvent.click(screen.getByTestId('replay-as-csms'));
    await act(() => stores.replay.getState().actions.check());
    fireEvent.change(screen.getByTestId('replay-listen'), { target: { value: '127.0.0.1:0' } });
    fireEvent.click(screen.getByTestId('replay-timing-fixed'));
    fireEvent.change(screen.getByTestId('replay-fixedMs'), { target: { value: '200' } });
    await act(async () => fireEvent.click(screen.getByTestId('replay-start')));
    expect(client.callsTo('replay.start')[0]).toEqual({ path: '/data/lab.jsonl', session: 'conn_a1', as: 'csms', listen: { host: '127.0.0.1', port: 0 }, timing: { mode: 'fixed', ms: 200 } });
    act(() => client.emit('replay.progress', { id: 'replay_1', state: 'listening', url: 'ws://127.0.0.1:41234', done: 0, total: 0 }));
    expect(screen.getByTestId('replay-headline').textContent).toBe('Listening at ws://127.0.0.1:41234: point the charger there');
    expect(screen.getByTestId('replay-progress').getAttribute('data-state')).toBe('listening');
  });

  it('says why a replay could not start, and why one failed', async () => {
    const client = replayClient();
    client.handle({
      'replay.start': () => {
        throw new Error('As the charger, the replay needs a target');
      },
      'replay.result': () => {
        throw new Error('Cannot write /ro/x.jsonl');
      },
    });
    const { stores } = renderWithStores(<AppShell />, client, { view: 'replay' });
    act(() => stores.replay.getState().actions.edit({ path: '/data/lab.jsonl', session: 'conn_a1' }));
    await act(() => stores.replay.getState().actions.check());
    fireEvent.change(screen.getByTestId('replay-target'), { target: { value: 'not a url' } });
    await act(async () => fireEvent.click(screen.getByTestId('replay-start')));
    expect(screen.getByTestId('replay-setup').textContent).toContain('the CSMS address');
    expect(client.callsTo('replay.start')).toEqual([]);
    fireEvent.change(screen.getByTestId('replay-target'), { target: { value: 'ws://x:1' } });
    await act(async () => fireEvent.click(screen.getByTestId('replay-start')));
    expect((await screen.findByTestId('replay-start-error')).textContent).toContain('needs a target');
    await act(async () => client.emit('replay.finished', { id: 'replay_2', verdict: 'failed', reason: 'Cannot write /ro/x.jsonl' }));
    expect(screen.getByTestId('replay-progress').getAttribute('data-state')).toBe('failed');
    expect(screen.getByTestId('replay-reason').textContent).toBe('Cannot write /ro/x.jsonl');
  });
});
