import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { createEngine, type Engine } from '../engine/engine';
import { runConformance } from '../engine/conformance/runner';
import { miniCharger, miniCsms } from '../engine/conformance/testing/mini-sut';
import { renderHtml } from '../engine/conformance/report/html';
import { renderJUnit } from '../engine/conformance/report/junit';
import TC_003_CS from './ocpp16/Core/TC_003_CS';
import TC_001_CSMS from './ocpp16/Core/TC_001_CSMS';
import type { OperatorPrompt } from '../api/conformance';

const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

describe('runner against a scripted charger', () => {
  it('passes a conformant charger, with steps that read as prose and the frames exchanged', async () => {
    const report = await runConformance(
      { version: '1.6', sut: 'charger', simulate: true, cases: ['TC_003_CS'] },
      { cases: [TC_003_CS], simulators: { charger: miniCharger() } },
    );
    const [c] = report.cases;
    expect(c!.verdict, JSON.stringify(c, null, 1)).toBe('pass');
    expect(report.summary).toMatchObject({ total: 1, pass: 1, fail: 0 });
    const texts = c!.steps.map((s) => s.text);
    expect(texts).toContain('Operator: Plug the cable in on connector 1 (EV and charger side)');
    expect(texts).toContain('Expect the charger to send StatusNotification where connectorId is 1 and status is Preparing');
    expect(texts.some((t) => t.startsWith('Expect the charger to send, in any order: StartTransaction'))).toBe(true);
    // Each expectation points at the frame it consumed.
    const preparing = c!.steps.find((s) => s.text.includes('Preparing'))!;
    const frame = c!.frames.find((f) => f.n === preparing.frames[0]);
    expect(frame?.text).toContain('"Preparing"');
    expect(c!.frames.length).toBeGreaterThanOrEqual(8);
  });

  it('fails a faulty charger at the step that breaks, naming what was expected and what came', async () => {
    const report = await runConformance(
      { version: '1.6', sut: 'charger', simulate: true, cases: ['TC_003_CS'] },
      { cases: [TC_003_CS], simulators: { charger: miniCharger({ wrongPreparing: true }) } },
    );
    const [c] = report.cases;
    expect(c!.verdict).toBe('fail');
    const failed = c!.steps.find((s) => s.verdict === 'fail')!;
    expect(failed.text).toContain('status is Preparing');
    expect(failed.actual).toContain('status is Available (expected: status is Preparing)');
    expect(c!.frames.find((f) => f.n === failed.frames[0])?.text).toContain('"Available"');
    expect(c!.reason).toContain('Preparing');
  });

  it('marks cases of undeclared profiles not applicable', async () => {
    const report = await runConformance(
      { version: '1.6', sut: 'charger', simulate: true, settings: { profiles: ['SmartCharging'] } },
      { cases: [TC_003_CS], simulators: { charger: miniCharger() } },
    );
    expect(report.cases[0]).toMatchObject({ verdict: 'notApplicable', reason: 'the SUT does not declare the Core profile' });
  });
});

describe('runner against a scripted CSMS', () => {
  it('passes a conformant CSMS and fails one that rejects the boot', async () => {
    const good = await runConformance({ version: '1.6', sut: 'csms', simulate: true }, { cases: [TC_001_CSMS], simulators: { csms: miniCsms() } });
    expect(good.cases[0]!.verdict, JSON.stringify(good.cases[0]!.steps, null, 1)).toBe('pass');
    const bad = await runConformance({ version: '1.6', sut: 'csms', simulate: true }, { cases: [TC_001_CSMS], simulators: { csms: miniCsms({ rejectBoot: true }) } });
    expect(bad.cases[0]!.verdict).toBe('fail');
    expect(bad.cases[0]!.reason).toMatch(/BootNotification.*status is Rejected/);
  });
});

describe('operator prompts through the api', () => {
  it('asks, waits for the answer, and goes on; an unanswered prompt makes the case inconclusive', async () => {
    const factory = miniCharger();
    const engine = createEngine({ cases: [TC_003_CS], simulators: { charger: factory } });
    engines.push(engine);
    const prompts: OperatorPrompt[] = [];
    // The person confirms each step; the built-in charger then performs it.
    engine.on('conformance.prompt', (p) => {
      prompts.push(p);
      setTimeout(() => void engine.call('conformance.answer', { promptId: p.promptId, answer: 'done' }), 20);
    });
    const run = await engine.call('conformance.run', { version: '1.6', sut: 'charger', simulate: true, operator: 'prompt' });
    const report = await engine.conformance.waitForRun(run.runId);
    expect(prompts.map((p) => p.kind)).toEqual(['act', 'act']);
    expect(report.cases[0]!.verdict).toBe('pass');
    // The run's frames are in the engine's traffic store too, under the case's session.
    const session = engine.traffic.sessionList().find((s) => s.source === 'run');
    expect(session?.frames).toBe(report.cases[0]!.frames.filter((f) => f.session === session?.id).length);
    expect(session?.frames).toBeGreaterThan(4);
  });

  it('makes a case inconclusive when the operator skips', async () => {
    const engine = createEngine({ cases: [TC_003_CS], simulators: { charger: miniCharger() } });
    engines.push(engine);
    engine.on('conformance.prompt', (p) => void engine.call('conformance.answer', { promptId: p.promptId, answer: 'skip' }));
    const run = await engine.call('conformance.run', { version: '1.6', sut: 'charger', simulate: true, operator: 'prompt' });
    const report = await engine.conformance.waitForRun(run.runId);
    expect(report.cases[0]).toMatchObject({ verdict: 'inconclusive' });
    expect(report.cases[0]!.reason).toContain('skipped');
  });
});

describe('reports', () => {
  it('HTML is self-contained and JUnit is well-formed, both from the JSON report', async () => {
    const report = await runConformance(
      { version: '1.6', sut: 'charger', simulate: true },
      { cases: [TC_003_CS], simulators: { charger: miniCharger({ wrongPreparing: true }) } },
    );
    const html = renderHtml(report);
    expect(html).toContain('TC_003_CS');
    expect(html).toContain('FAIL');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    const junit = renderJUnit(report);
    const doc = create(junit).end({ format: 'object' }) as { testsuites: { '@failures': string; testsuite: { testcase: { failure: { '@message': string } } } } };
    expect(doc.testsuites['@failures']).toBe('1');
    expect(doc.testsuites.testsuite.testcase.failure['@message']).toContain('Preparing');
  });
});
