// Simulator: play chargers against a CSMS and drive them as an operator would.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Panel } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useSim } from '../../stores/hooks';
import { SimChargerList } from './SimChargerList';
import { SimChargerPanel } from './SimChargerPanel';
import { SimStartForm } from './SimStartForm';
import './sim.css';

export function SimView() {
  const count = useSim((s) => s.order.length);
  const [formOpen, setFormOpen] = useState(true);
  const showForm = formOpen || count === 0;
  return (
    <div className="sim-view" data-testid="sim-view">
      <SplitPane direction="row" initial={showForm ? 440 : 260} min={220} label="Resize the charger list" key={showForm ? 'form' : 'list'}>
        <div className="sim-left">
          {showForm && (
            <Panel
              title="Start chargers"
              className="sim-form-panel"
              tools={
                count > 0 ? (
                  <Button small variant="ghost" onClick={() => setFormOpen(false)}>
                    Hide
                  </Button>
                ) : undefined
              }
            >
              <div className="pad">
                <SimStartForm />
              </div>
            </Panel>
          )}
          <Panel
            title={`Chargers (${count})`}
            tools={
              !showForm ? (
                <Button small variant="ghost" onClick={() => setFormOpen(true)}>
                  Start more…
                </Button>
              ) : undefined
            }
          >
            <SimChargerList />
          </Panel>
        </div>
        <SimChargerPanel />
      </SplitPane>
    </div>
  );
}
