// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseInfo, ConformanceReport } from '../../../api/conformance';
import { createFakeClient } from '../../api/fake-client';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { RunnerView } from './RunnerView';

afterEach(cleanup);
failOnConsoleProblems();

const cases: CaseInfo[] = [
  { id: 'TC_001_CS', title: 'Cold boot', version: '1.6', sut: 'charger', profile: 'Core', specRefs: [], requires: [], manual: false },
  { id: 'TC_003_CS', title: 'Plugin first', version: '1.6', sut: 'charger', profile: 'Core', specRefs: [], requires: [], manual: true },
];

const summary = { total: 1, pass: 0, fail: 1, inconclusive: 0, notApplicable: 0 };
const report: ConformanceReport = {
  format: 'ocpp-bench-conformance-report',
  version: 1,
  tool: 'ocpp-bench',
  toolVersion: '0.1.0',
  runId: 'run_1',
  startedAt: '2026-01-01T10:00:00.000Z',
  durationMs: 900,
  ocppVersion: '1.6',
  sut: 'charger',
  sutName: 'simulator',
  mode: 'simulated',
  timeScale: 1,
  summary,
  cases: [
    {
      id: 'TC_003_CS',
      title: 'Plugin first',
      profile: 'Core',
      sut: 'charger',
      verdict: 'fail',
      reason: 'No StatusNotification Preparing',
      startedAt: '2026-01-01T10:00:00.000Z',
      durationMs: 800,
      steps: [
        { index: 0, kind: 'operator', text: 'Operator: plug in', verdict: 'pass', frames: [], depth: 0, startedMs: 0, durationMs: 10 },
        { index: 1, kind: 'expect', text: 'Expect StatusNotification Preparing', verdict: 'fail', expected: 'status Preparing', actual: 'status Available', frames: [1], depth: 0, startedMs: 10, durationMs: 10 },
      ],
      frames: [{ n: 1, session: 'ses_9', seq: 4, dir: 'cp2csms', time: '2026-01-01T10:00:00.500Z', text: '[2,"a","StatusNotification",{"connectorId":1,"status":"Available","errorCode":"NoError"}]', findings: [] }],
    },
  ],
};

function runnerClient() {
  return createFakeClient({
    'conformance.cases': () => cases,
    'sim.behaviours': () => [],
    'conformance.run': () => ({ runId: 'run_1', caseCount: 1 }),
    'conformance.answer': () => ({ accepted: true }),
    'conformance.report': () => report,
    'conformance.export': ({ path }) => ({ path, bytes: 1234 }),
  });
}

describe('test runner', () => {
  it('runs the chosen cases, asks the operator in a dialog, and shows why a case failed down to its frame', async () => {
    const client = runnerClient();
    renderWithStores(<RunnerView />, client);
    const box = (await screen.findAllByTestId('case-checkbox')).find((b) => b.getAttribute('data-case') === 'TC_003_CS')!;
    fireEvent.click(box);
    fireEvent.click(screen.getByTestId('run-ask-operator'));
    await act(async () => fireEvent.click(screen.getByTestId('run-start')));
    expect(client.callsTo('conformance.run')[0]).toEqual({ simulate: true, operator: 'prompt', version: '1.6', sut: 'charger', cases: ['TC_003_CS'] });

    act(() => client.emit('conformance.progress', { runId: 'run_1', caseIndex: 0, caseCount: 1, caseId: 'TC_003_CS', step: 'Operator: plug in', summary: { ...summary, fail: 0 } }));
    act(() => client.emit('conformance.prompt', { runId: 'run_1', promptId: 'p1', caseId: 'TC_003_CS', kind: 'act', text: 'Plug in the cable', timeoutMs: 30_000 }));
    const dialog = await screen.findByTestId('operator-prompt');
    expect(within(dialog).getByTestId('prompt-text').textContent).toBe('Plug in the cable');
    await act(async () => fireEvent.click(within(dialog).getByTestId('prompt-done')));
    expect(client.callsTo('conformance.answer')[0]).toEqual({ promptId: 'p1', answer: 'done' });
    expect(screen.queryByTestId('operator-prompt')).toBeNull();
    expect(screen.getByTestId('step-log').textContent).toContain('Operator: plug in');

    await act(async () => client.emit('conformance.finished', { runId: 'run_1', summary }));
    const row = await screen.findByTestId('result-row');
    expect(row.getAttribute('data-verdict')).toBe('fail');
    const detail = screen.getByTestId('case-detail');
    expect(detail.textContent).toContain('Expected: status Preparing');
    expect(within(detail).getByTestId('frame-view').textContent).toContain('StatusNotification');
    expect(screen.getByTestId('run-counts').textContent).toContain('1 failed');
  });

  it('exports the report to a path on the engine\u2019s machine', async () => {
    const client = runnerClient();
    const { stores } = renderWithStores(<RunnerView />, client);
    await act(async () => {
      await stores.runner.getState().actions.start({ simulate: true });
      await stores.runner.getState().actions.finished('run_1', summary);
    });
    fireEvent.change(await screen.findByTestId('export-path'), { target: { value: '/tmp/out/report.xml' } });
    await act(async () => fireEvent.click(screen.getByTestId('export-write')));
    expect(client.callsTo('conformance.export')[0]).toEqual({ runId: 'run_1', format: 'junit', path: '/tmp/out/report.xml' });
    await waitFor(() => expect(screen.getByTestId('export-message').textContent).toContain('1234 bytes'));
  });

  it('says why a run could not start', async () => {
    const client = runnerClient();
    client.handle({
      'conformance.run': () => {
        throw new Error('Settings file sut.yaml: no such file');
      },
    });
    renderWithStores(<RunnerView />, client);
    await screen.findAllByTestId('case-checkbox');
    await act(async () => fireEvent.click(screen.getByTestId('run-start')));
    expect((await screen.findByTestId('run-error')).textContent).toContain('sut.yaml');
  });
});
