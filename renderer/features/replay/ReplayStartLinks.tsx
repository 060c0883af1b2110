// The start page's way into the replay view's other tools: diff and import.
import { Button } from '../../components/Button';
import { useStores } from '../../stores/context';
import type { ReplayTab } from '../../stores/replay/replay-store';
import './replay.css';

export function ReplayStartLinks() {
  const { replay, nav } = useStores();
  const go = (tab: ReplayTab) => {
    replay.getState().actions.setTab(tab);
    nav.getState().actions.go('replay');
  };
  return (
    <span className="start-links">
      <Button small variant="ghost" onClick={() => go('diff')} data-testid="start-go-diff" title="Compare two captures exchange by exchange">
        Diff
      </Button>
      <Button small variant="ghost" onClick={() => go('import')} data-testid="start-go-import" title="Turn a HAR, pcap or pcapng file into a capture">
        Import
      </Button>
    </span>
  );
}
