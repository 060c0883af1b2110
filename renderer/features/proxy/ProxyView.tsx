// Proxy: start transparent proxies between chargers and their CSMS, watch them, and inject
// faults with rules that explain themselves.
import { useEffect } from 'react';
import { EmptyState, Panel } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useStores } from '../../stores/context';
import { useProxy } from '../../stores/hooks';
import { ProxyCard } from './ProxyCard';
import { ProxyForm } from './ProxyForm';
import { RuleEditor } from './RuleEditor';
import './proxy.css';

export function ProxyView() {
  const { proxy } = useStores();
  const order = useProxy((s) => s.order);
  const byId = useProxy((s) => s.byId);
  const selected = useProxy((s) => s.selected);
  // Rule counters move with traffic, which sends no proxy event: refresh while shown.
  useEffect(() => {
    const load = () => void proxy.getState().actions.load().catch(() => {});
    load();
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [proxy]);
  const current = selected !== undefined ? byId.get(selected) : undefined;

  return (
    <div className="proxy-view" data-testid="proxy-view">
      <SplitPane direction="row" initial={420} min={300} label="Resize the proxy form">
        <Panel title="New proxy">
          <div className="pad">
            <ProxyForm />
          </div>
        </Panel>
        <div className="proxy-right">
          <Panel title="Proxies" className="proxy-list-panel">
            {order.length === 0 ? (
              <EmptyState title="No proxy running">Start one on the left; chargers connect to it instead of their CSMS and every frame is recorded and judged.</EmptyState>
            ) : (
              <div className="proxy-list" data-testid="proxy-list">
                {order.map((id) => {
                  const info = byId.get(id);
                  return info === undefined ? null : <ProxyCard key={id} info={info} selected={id === selected} />;
                })}
              </div>
            )}
          </Panel>
          <Panel title={current === undefined ? 'Fault rules' : `Fault rules · ${current.url}`} className="rules-panel" testId="rules-panel">
            {current === undefined ? <EmptyState title="No proxy selected">Fault rules belong to a running proxy.</EmptyState> : <RuleEditor proxyId={current.id} />}
          </Panel>
        </div>
      </SplitPane>
    </div>
  );
}
