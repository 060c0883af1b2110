import { useCallback } from 'react';
import type { FaultRule } from '../../../api/proxy';
import { useStores } from '../../stores/context';
import { useProxy } from '../../stores/hooks';
import { RuleForm } from './RuleForm';
import { RuleList } from './RuleList';

/** The selected proxy's fault rules: the live list and a form to add one. */
export function RuleEditor({ proxyId }: { proxyId: string }) {
  const { proxy } = useStores();
  const rules = useProxy((s) => s.byId.get(proxyId)?.rules ?? []);
  const error = useProxy((s) => (s.ruleError?.proxy === proxyId ? s.ruleError.error : undefined));
  const check = useCallback(async (rule: FaultRule) => {
    const [info] = await proxy.getState().actions.check([rule]);
    return info?.description ?? '';
  }, [proxy]);
  return (
    <div className="rule-editor">
      <RuleList rules={rules} onRemove={(id) => void proxy.getState().actions.removeRule(proxyId, id)} />
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <RuleForm check={check} onAdd={(rule) => proxy.getState().actions.addRule(proxyId, rule)} />
    </div>
  );
}
