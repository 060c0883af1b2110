// Traffic: sessions on the left, the frame table with its filter in the middle, the
// inspector below. Everything the engine has seen, from any source.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Segmented } from '../../components/Segmented';
import { Panel } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useStores } from '../../stores/context';
import { useCapture, useFrameWindow } from '../../stores/hooks';
import { ExportCaptureDialog } from '../capture/ExportCaptureDialog';
import { SessionCharts } from '../charts/SessionCharts';
import { SequenceDiagram } from '../sequence/SequenceDiagram';
import { FilterBar } from './FilterBar';
import { FrameTable } from './FrameTable';
import { Inspector } from './Inspector';
import { SessionList } from './SessionList';
import './traffic.css';

type Shape = 'table' | 'sequence' | 'charts';

export function TrafficView() {
  const [shape, setShape] = useState<Shape>('table');
  return (
    <div className="traffic" data-testid="traffic-view">
      <SplitPane direction="row" initial={250} min={160} label="Resize the sessions list">
        <Panel title="Sessions" testId="sessions-panel">
          <SessionList />
        </Panel>
        <div className="traffic-center">
          <TrafficToolbar shape={shape} setShape={setShape} />
          <SplitPane direction="column" fixed="second" initial={300} min={120} label="Resize the inspector">
            {shape === 'table' ? <FrameTable /> : shape === 'sequence' ? <SequenceDiagram /> : <SessionCharts />}
            <Panel title="Inspector" className="inspector-panel">
              <Inspector />
            </Panel>
          </SplitPane>
        </div>
      </SplitPane>
    </div>
  );
}

function TrafficToolbar({ shape, setShape }: { shape: Shape; setShape(s: Shape): void }) {
  const { client, alerts } = useStores();
  const total = useFrameWindow((s) => s.total);
  const opened = useCapture((s) => s.opened !== undefined);
  const exporting = useCapture((s) => s.exporting);
  const showExport = useCapture((s) => s.actions.showExport);
  const clear = async () => {
    try {
      await client.call('traffic.clear', {});
    } catch (err) {
      alerts.getState().actions.push({ severity: 'error', source: 'Traffic', message: `Could not clear: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  return (
    <div className="toolbar">
      <Segmented<Shape>
        label="Show frames as"
        testId="traffic-shape"
        value={shape}
        onChange={setShape}
        options={[
          { value: 'table', label: 'Table' },
          { value: 'sequence', label: 'Sequence' },
          { value: 'charts', label: 'Charts' },
        ]}
      />
      <FilterBar />
      {opened && (
        <Button small variant="ghost" onClick={() => showExport(true)} title="Save the frames shown (filter, session) as a new capture" data-testid="export-capture-open">
          Export…
        </Button>
      )}
      {exporting && <ExportCaptureDialog onClose={() => showExport(false)} />}
      <Button small variant="ghost" onClick={() => void clear()} disabled={total === 0} title="Forget every frame the engine holds (live roles keep recording)" data-testid="traffic-clear">
        Clear traffic
      </Button>
    </div>
  );
}
