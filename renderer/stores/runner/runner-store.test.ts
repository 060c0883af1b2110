import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../api/conformance';
import { createFakeClient } from '../../api/fake-client';
import { createRunnerStore, progressLines } from './runner-store';

const summary = { total: 2, pass: 0, fail: 0, inconclusive: 0, notApplicable: 0 };
const progress = (patch: Partial<RunProgress>): RunProgress => ({ runId: 'run_1', caseIndex: 0, caseCount: 2, caseId: 'TC_001_CS', summary, ...patch });

describe('runner store', () => {
  it('turns progress into a step log: new case, each new step, verdicts', () => {
    expect(progressLines(undefined, progress({ step: 'Expect BootNotification' })).map((l) => l.kind)).toEqual(['case', 'step']);
    expect(progressLines(progress({ step: 'a' }), progress({ step: 'a' }))).toEqual([]);
    const done = progressLines(progress({ step: 'a' }), progress({ step: 'a', finished: { id: 'TC_001_CS', verdict: 'fail', reason: 'no answer' } }));
    expect(done).toEqual([{ caseId: 'TC_001_CS', kind: 'verdict', verdict: 'fail', text: 'TC_001_CS: fail — no answer' }]);
  });

  it('runs the selection, keeps prompts until answered, and fetches the report at the end', async () => {
    const client = createFakeClient({
      'conformance.run': () => ({ runId: 'run_1', caseCount: 1 }),
      'conformance.answer': () => ({ accepted: true }),
      'conformance.report': () => ({ runId: 'run_1' }) as never,
    });
    const store = createRunnerStore(client);
    store.getState().actions.toggle(['TC_001_CS'], true);
    await store.getState().actions.start({ simulate: true, operator: 'prompt' });
    expect(client.callsTo('conformance.run')[0]).toEqual({ simulate: true, operator: 'prompt', version: '1.6', sut: 'charger', cases: ['TC_001_CS'] });
    store.getState().actions.progress(progress({ step: 'Ask the operator to plug in' }));
    store.getState().actions.prompt({ runId: 'run_1', promptId: 'p1', caseId: 'TC_001_CS', kind: 'act', text: 'Plug in the cable', timeoutMs: 60000 });
    expect(store.getState().prompts).toHaveLength(1);
    await store.getState().actions.answer('p1', 'done');
    expect(store.getState().prompts).toHaveLength(0);
    expect(client.callsTo('conformance.answer')[0]).toEqual({ promptId: 'p1', answer: 'done' });
    await store.getState().actions.finished('run_1', { ...summary, total: 1, pass: 1 });
    expect(store.getState().run?.report).toEqual({ runId: 'run_1' });
    expect(store.getState().run?.log.map((l) => l.kind)).toEqual(['case', 'step', 'prompt']);
  });
});
