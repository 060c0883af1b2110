// Replay, diff and import: tools for a session already on file. Replay plays one side of a
// recorded session against a live peer and compares; diff compares two captures; import
// turns a HAR or packet capture into a capture (docs/replay.md).
import type { ReactNode } from 'react';
import { Panel } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useStores } from '../../stores/context';
import { useReplay } from '../../stores/hooks';
import type { ReplayTab } from '../../stores/replay/replay-store';
import { DiffForm } from './DiffForm';
import { DiffResultView } from './DiffResultView';
import { ImportForm } from './ImportForm';
import { ImportResultView } from './ImportResultView';
import { ReplayRunPanel } from './ReplayRunPanel';
import { ReplaySetup } from './ReplaySetup';
import '../runner/runner.css';
import './replay.css';

const TABS: ReadonlyArray<{ tab: ReplayTab; label: string }> = [
  { tab: 'replay', label: 'Replay' },
  { tab: 'diff', label: 'Diff' },
  { tab: 'import', label: 'Import' },
];

export function ReplayView() {
  const { replay } = useStores();
  const tab = useReplay((s) => s.tab);
  return (
    <div className="replay-view" data-testid="replay-view">
      <div className="inspector-tabs replay-tabs" role="tablist" aria-label="Replay tools">
        {TABS.map((t) => (
          <button key={t.tab} type="button" role="tab" className="tab" aria-selected={tab === t.tab} onClick={() => replay.getState().actions.setTab(t.tab)} data-testid={`replay-tab-${t.tab}`}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'replay' && <Tool title="Replay a capture" form={<ReplaySetup />} output={<ReplayRunPanel />} />}
      {tab === 'diff' && <Tool title="Compare two captures" form={<DiffForm />} output={<Scroll><DiffResultView /></Scroll>} />}
      {tab === 'import' && <Tool title="Import HAR, pcap, pcapng" form={<ImportForm />} output={<Scroll><ImportResultView /></Scroll>} />}
    </div>
  );
}

function Tool({ title, form, output }: { title: string; form: ReactNode; output: ReactNode }) {
  return (
    <div className="replay-tool">
      <SplitPane direction="row" initial={480} min={340} label={`Resize the ${title.toLowerCase()} form`}>
        <Panel title={title}>{form}</Panel>
        {output}
      </SplitPane>
    </div>
  );
}

function Scroll({ children }: { children: ReactNode }) {
  return <div className="replay-output">{children}</div>;
}
