// An operator prompt from a running case: do something and confirm, or answer a question.
// The engine times the prompt out (the step is then inconclusive); the dialog counts down.
import { useEffect, useState } from 'react';
import type { OperatorPrompt } from '../../../api/conformance';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useStores } from '../../stores/context';
import { useRunner } from '../../stores/hooks';

export function PromptDialog() {
  const prompt = useRunner((s) => s.prompts[0]);
  return prompt === undefined ? null : <PromptBox key={prompt.promptId} prompt={prompt} />;
}

function PromptBox({ prompt }: { prompt: OperatorPrompt }) {
  const { runner } = useStores();
  const [left, setLeft] = useState(Math.round(prompt.timeoutMs / 1000));
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  const answer = (a: 'done' | 'yes' | 'no' | 'skip') => void runner.getState().actions.answer(prompt.promptId, a);
  return (
    <Dialog
      title={prompt.kind === 'act' ? 'Operator action needed' : 'Operator question'}
      testId="operator-prompt"
      actions={
        <>
          <Button variant="ghost" onClick={() => answer('skip')} data-testid="prompt-skip" title="The step becomes inconclusive">
            Skip
          </Button>
          {prompt.kind === 'act' ? (
            <Button variant="primary" onClick={() => answer('done')} data-testid="prompt-done" data-autofocus>
              Done
            </Button>
          ) : (
            <>
              <Button onClick={() => answer('no')} data-testid="prompt-no">
                No
              </Button>
              <Button variant="primary" onClick={() => answer('yes')} data-testid="prompt-yes" data-autofocus>
                Yes
              </Button>
            </>
          )}
        </>
      }
    >
      <p className="prompt-text" data-testid="prompt-text">
        {prompt.text}
      </p>
      <p className="dim">
        Case {prompt.caseId} · {left > 0 ? `${left} s left before the step is inconclusive` : 'timing out…'}
      </p>
    </Dialog>
  );
}
