// Operator drivers: who performs a case's operator actions and observations.
// - prompt: a person, asked through the front end (terminal or UI dialog), with a timeout;
// - automated: the built-in simulator or CSMS, through its own api (adapters in sut-*.ts);
// - none: nobody (`--operator auto` against a real SUT): such steps are inconclusive.
import type { PromptAnswer } from '../../api/conformance';
import { describeOperatorAction, type OperatorAction, type OperatorContext, type OperatorDriver } from './operator';

export type PromptFn = (prompt: { caseId: string; kind: 'act' | 'confirm'; text: string; timeoutMs: number }) => Promise<PromptAnswer | 'timeout'>;

export class PromptDriver implements OperatorDriver {
  readonly automated = false;
  constructor(private readonly ask: PromptFn) {}

  async perform(action: OperatorAction, ctx: OperatorContext): Promise<'done' | 'skipped' | 'unsupported'> {
    const answer = await this.ask({ caseId: ctx.caseId, kind: 'act', text: describeOperatorAction(action), timeoutMs: ctx.timeoutMs });
    return answer === 'done' || answer === 'yes' ? 'done' : 'skipped';
  }

  async observe(question: string, ctx: OperatorContext): Promise<'yes' | 'no' | 'skipped' | 'unsupported'> {
    const answer = await this.ask({ caseId: ctx.caseId, kind: 'confirm', text: question, timeoutMs: ctx.timeoutMs });
    if (answer === 'yes' || answer === 'no') return answer;
    return 'skipped';
  }
}

export const nobody: OperatorDriver = {
  automated: true,
  perform: async () => 'unsupported',
  observe: async () => 'unsupported',
};

/** An automated driver from a table of action handlers (used by the simulator and CSMS adapters). */
export class TableDriver implements OperatorDriver {
  readonly automated = true;
  constructor(
    private readonly handlers: Partial<{ [K in OperatorAction['kind']]: (action: Extract<OperatorAction, { kind: K }>) => Promise<void> | void }>,
    private readonly observer?: (question: string, expected: boolean | undefined) => Promise<'yes' | 'no' | 'unsupported'> | 'yes' | 'no' | 'unsupported',
  ) {}

  async perform(action: OperatorAction): Promise<'done' | 'skipped' | 'unsupported'> {
    const handler = this.handlers[action.kind] as ((a: OperatorAction) => Promise<void> | void) | undefined;
    if (handler === undefined) return 'unsupported';
    await handler(action);
    return 'done';
  }

  async observe(question: string, ctx: OperatorContext & { expected?: boolean }): Promise<'yes' | 'no' | 'skipped' | 'unsupported'> {
    if (this.observer === undefined) return 'unsupported';
    return this.observer(question, ctx.expected);
  }
}

/**
 * A person confirms each operator step and the built-in SUT performs it: `--simulate
 * --operator prompt`, a guided demonstration of what a real run asks of the operator.
 */
export class ConfirmedDriver implements OperatorDriver {
  readonly automated = false;
  constructor(
    private readonly person: PromptDriver,
    private readonly machine: OperatorDriver,
  ) {}

  async perform(action: OperatorAction, ctx: OperatorContext): Promise<'done' | 'skipped' | 'unsupported'> {
    const answer = await this.person.perform(action, ctx);
    return answer === 'done' ? this.machine.perform(action, ctx) : answer;
  }

  observe(question: string, ctx: OperatorContext & { expected?: boolean }): Promise<'yes' | 'no' | 'skipped' | 'unsupported'> {
    return this.person.observe(question, ctx);
  }
}
