// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureDiff, ImportResult } from '../../../api/replay';
import { createFakeClient } from '../../api/fake-client';
import { syntheticPage } from '../../stores/testing/traffic-fixtures';
import { AppShell } from '../shell/AppShell';
import { failOnConsoleProblems } from '../testing/console-guard';
import { useScreenLayout } from '../testing/layout';
import { renderWithStores } from '../testing/render-app';

afterEach(cleanup);
failOnConsoleProblems();
useScreenLayout();

const diff: CaptureDiff = {
  a: '/data/a.jsonl',
  b: '/data/b.jsonl',
  equal: false,
  sessions: [
    {
      a: { id: 'conn_a', chargePointId: 'CP1', frames: 12 },
      b: { id: 'conn_b', chargePointId: 'CP1', frames: 14 },
      pairedBy: 'chargePointId',
      equal: false,
      same: 4,
      differences: [
        { status: 'changed', dir: 'cp2csms', kind: 'CALL', action: 'Authorize', a: { requestSeq: 4, responseSeq: 5 }, b: { requestSeq: 4, responseSeq: 5 }, changes: [{ part: 'response', path: '/idTagInfo/status', change: 'changed', a: 'Accepted', b: 'Blocked' }] },
        { status: 'extra', dir: 'cp2csms', kind: 'CALL', action: 'Heartbeat', b: { requestSeq: 12, responseSeq: 13 }, changes: [] },
      ],
    },
  ],
  unpaired: { a: [], b: [{ id: 'conn_c', chargePointId: 'CP9', frames: 2 }] },
  counts: { same: 4, changed: 1, missing: 0, extra: 1 },
  comparison: { volatile: ['@date-time'], correlated: ['transactionId'] },
  warnings: [],
};

const imported: ImportResult = {
  out: '/data/lab.jsonl',
  format: 'pcapng',
  connections: 2,
  frames: 40,
  read: 812,
  problems: [{ severity: 'error', stream: '10.0.0.5:51234 → 10.0.0.1:443', message: 'TLS: the stream is encrypted; record with the bench proxy' }],
};

function toolsClient() {
  let frames = 0;
  return createFakeClient({
    'engine.info': () => ({ tool: 'ocpp-bench', version: '0.1.0', ocppVersions: ['1.6'] }),
    'sessions.list': () => [],
    'frames.query': (q) => syntheticPage(frames, q),
    'diff.captures': () => diff,
    'capture.import': () => imported,
    'capture.open': ({ path }) => {
      frames = 40;
      return { path, sessions: 2, frames: 40, warnings: [], millis: 5 };
    },
  });
}

describe('diff and import', () => {
  it('are reachable from the start page, and diff shows changed, missing and extra exchanges with their paths', async () => {
    const client = toolsClient();
    renderWithStores(<AppShell />, client);
    fireEvent.click(screen.getByTestId('start-go-diff'));
    expect(screen.getByTestId('replay-tab-diff').getAttribute('aria-selected')).toBe('true');
    await act(async () => fireEvent.click(screen.getByTestId('diff-run')));
    expect(screen.getByTestId('diff-error').textContent).toMatch(/both captures/);
    expect(client.callsTo('diff.captures')).toEqual([]);

    fireEvent.change(screen.getByTestId('diff-a'), { target: { value: '/data/a.jsonl' } });
    fireEvent.change(screen.getByTestId('diff-b'), { target: { value: '/data/b.jsonl' } });
    fireEvent.change(screen.getByTestId('diff-sessions'), { target: { value: 'CP1' } });
    await act(async () => fireEvent.click(screen.getByTestId('diff-run')));
    expect(client.callsTo('diff.captures')).toEqual([{ a: '/data/a.jsonl', b: '/data/b.jsonl', sessions: ['CP1'] }]);
    expect(screen.getByTestId('diff-headline').textContent).toBe('The captures differ');
    expect(screen.getByTestId('diff-counts').textContent).toBe('4 same1 changed0 missing1 extra');
    const changed = screen.getAllByTestId('diff-exchange').find((e) => e.getAttribute('data-status') === 'changed')!;
    expect(within(changed).getByTestId('change-row').getAttribute('data-path')).toBe('/idTagInfo/status');
    expect(changed.textContent).toContain('"Blocked"');
    const extra = screen.getAllByTestId('diff-exchange').find((e) => e.getAttribute('data-status') === 'extra')!;
    expect(extra.textContent).toContain('only in B');
    expect(screen.getByTestId('diff-unpaired').textContent).toContain('Only in B: CP9');

    // The form and the result stay while another tool is shown.
    fireEvent.click(screen.getByTestId('replay-tab-import'));
    fireEvent.click(screen.getByTestId('replay-tab-diff'));
    expect((screen.getByTestId('diff-a') as HTMLInputElement).value).toBe('/data/a.jsonl');
    expect(screen.getByTestId('diff-result')).toBeTruthy();
  });

  it('imports a packet capture next to it, names the streams it could not read, and opens the capture', async () => {
    const client = toolsClient();
    const { stores } = renderWithStores(<AppShell />, client, { view: 'replay' });
    fireEvent.click(screen.getByTestId('replay-tab-import'));
    fireEvent.change(screen.getByTestId('import-path'), { target: { value: '/data/lab.pcapng' } });
    expect((screen.getByTestId('import-out') as HTMLInputElement).placeholder).toBe('/data/lab.jsonl');
    await act(async () => fireEvent.click(screen.getByTestId('import-run')));
    expect(client.callsTo('capture.import')).toEqual([{ path: '/data/lab.pcapng', out: '/data/lab.jsonl' }]);
    expect(screen.getByTestId('import-headline').textContent).toBe('1 stream could not be read: 2 connections, 40 frames');
    expect(screen.getByTestId('import-problem').textContent).toContain('10.0.0.5:51234 → 10.0.0.1:443');

    await act(async () => fireEvent.click(screen.getByTestId('import-open')));
    expect(client.callsTo('capture.open')).toEqual([{ path: '/data/lab.jsonl' }]);
    await screen.findByTestId('traffic-view');
    await waitFor(() => expect(screen.getByTestId('frame-table').getAttribute('data-total')).toBe('40'));
    expect(stores.nav.getState().view).toBe('traffic');
  });
});
