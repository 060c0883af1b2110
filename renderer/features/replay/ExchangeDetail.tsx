// One exchange of a replay: what was compared, where it differs (recorded against live),
// and its live frames in the traffic view.
import type { ReplayExchange } from '../../../api/replay';
import { Button } from '../../components/Button';
import { useSessions } from '../../stores/hooks';
import { DIRECTION_LABEL, duration } from '../traffic/format';
import { ChangeTable } from './ChangeTable';
import { OUTCOME_TONE, seqPair } from './outcomes';
import { useShowInTraffic } from './use-show-in-traffic';

export function ExchangeDetail({ exchange: e, liveSession }: { exchange: ReplayExchange; liveSession: string | undefined }) {
  const inTraffic = useSessions((s) => liveSession !== undefined && s.byId.has(liveSession));
  const show = useShowInTraffic();
  const liveSeq = e.live?.requestSeq ?? e.live?.responseSeq;
  return (
    <div className="exchange-detail" data-testid="exchange-detail" data-n={e.n}>
      <h3>
        #{e.n} {e.action} <span className={`pill pill-${OUTCOME_TONE[e.outcome]}`}>{e.outcome}</span>
      </h3>
      <div className="exchange-facts dim">
        <span>
          {e.kind} {DIRECTION_LABEL[e.dir]}, {e.by === 'bench' ? 'replayed by the bench' : 'sent by the live peer'}
        </span>
        {e.recorded !== undefined && <span>recorded frames {seqPair(e.recorded)}</span>}
        {e.live !== undefined && <span>live frames {seqPair(e.live)}</span>}
        {e.live?.latencyMs !== undefined && <span>answered in {duration(e.live.latencyMs)}</span>}
        {inTraffic && liveSession !== undefined && liveSeq !== undefined && (
          <Button small variant="ghost" onClick={() => void show(liveSession, liveSeq)} data-testid="exchange-show-in-traffic">
            Show in traffic
          </Button>
        )}
      </div>
      {e.note !== undefined && <p className="exchange-note">{e.note}</p>}
      {e.changes.length > 0 ? (
        <ChangeTable changes={e.changes.map((c) => ({ part: c.part, path: c.path, change: c.change, left: c.recorded, right: c.live }))} left="Recorded" right="Live" />
      ) : (
        e.outcome === 'match' && <p className="dim">The live {e.by === 'bench' ? 'answer' : 'request'} equals the recorded one (volatile fields aside).</p>
      )}
    </div>
  );
}
