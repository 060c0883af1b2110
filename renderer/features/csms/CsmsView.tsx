// CSMS console: run a standalone CSMS, see each charger's state, send it any
// CSMS-initiated action, and choose how the CSMS answers.
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { EmptyState, Panel } from '../../components/Panel';
import { SplitPane } from '../../components/SplitPane';
import { useStores } from '../../stores/context';
import { useCsms } from '../../stores/hooks';
import { ChargerList } from './ChargerList';
import { ChargerState } from './ChargerState';
import { Composer } from './Composer';
import { CsmsStartForm } from './CsmsStartForm';
import { Responders } from './Responders';
import './csms.css';

type Tab = 'state' | 'send' | 'responders';

export function CsmsView() {
  const { csms } = useStores();
  const servers = useCsms((s) => s.servers);
  const chargers = useCsms((s) => s.chargers);
  const [adding, setAdding] = useState(false);
  useEffect(() => void csms.getState().actions.load().catch(() => {}), [csms]);

  if (servers.length === 0 || adding) {
    return (
      <div className="csms-view csms-view-start" data-testid="csms-view">
        <Panel title="Start a CSMS">
          <div className="pad narrow">
            <p className="dim">The bench stands in for the backend: chargers connect to it, it answers every charger-initiated action, and you send any CSMS-initiated action.</p>
            <CsmsStartForm />
            {adding && (
              <Button variant="ghost" onClick={() => setAdding(false)}>
                Back
              </Button>
            )}
          </div>
        </Panel>
      </div>
    );
  }

  return (
    <div className="csms-view" data-testid="csms-view">
      <div className="toolbar csms-servers">
        {servers.map((s) => (
          <span key={s.id} className="csms-server" data-testid="csms-server">
            <span className="dot dot-running" /> CSMS at <b className="mono" data-testid="csms-url">{s.url}</b>
            <span className="dim">
              {' '}
              · profile {s.securityProfile} · {chargers.filter((c) => c.csms === s.id && c.connected).length}/{chargers.filter((c) => c.csms === s.id).length} chargers connected{s.capture !== undefined ? ` · recording to ${s.capture}` : ''}
            </span>
            <Button small variant="danger" onClick={() => void csms.getState().actions.stop(s.id)} data-testid="csms-stop">
              Stop
            </Button>
          </span>
        ))}
        <Button small variant="ghost" onClick={() => setAdding(true)}>
          Another CSMS…
        </Button>
      </div>
      <SplitPane direction="row" initial={240} min={160} label="Resize the charger list">
        <Panel title="Chargers">
          <ChargerList />
        </Panel>
        <ChargerPanel />
      </SplitPane>
    </div>
  );
}

function ChargerPanel() {
  const selected = useCsms((s) => s.selected);
  const detail = useCsms((s) => s.detail);
  const error = useCsms((s) => s.detailError);
  const [tab, setTab] = useState<Tab>('state');
  if (selected === undefined) return <EmptyState title="No charger selected">Chargers appear on the left as they connect.</EmptyState>;
  if (detail === undefined) return error !== undefined ? <EmptyState title="No state">{error.message}</EmptyState> : <p className="dim pad">Loading…</p>;
  const version = detail.version;
  return (
    <div className="charger-panel">
      <div className="inspector-tabs" role="tablist">
        <span className="charger-title">{detail.chargePointId}</span>
        {(['state', 'send', 'responders'] as const).map((t) => (
          <button key={t} type="button" role="tab" className="tab" aria-selected={tab === t} onClick={() => setTab(t)} data-testid={`csms-tab-${t}`}>
            {t === 'state' ? 'State' : t === 'send' ? 'Send' : 'Responders'}
          </button>
        ))}
      </div>
      <div className="charger-body">
        {tab === 'state' && <ChargerState state={detail} />}
        {tab !== 'state' && version === undefined && <p className="dim pad">The charger has not negotiated an OCPP version.</p>}
        {tab === 'send' && version !== undefined && <Composer csmsId={selected.csms} chargePointId={selected.chargePointId} version={version} connected={detail.connection.connected} />}
        {tab === 'responders' && version !== undefined && <Responders csmsId={selected.csms} chargePointId={selected.chargePointId} version={version} />}
      </div>
    </div>
  );
}
