import { useEffect, type ReactNode } from 'react';
import { VIEWS, type ViewName } from '../../stores/app/nav-store';
import { useNav } from '../../stores/hooks';
import { CaptureDrop } from '../capture/CaptureDrop';
import { CsmsView } from '../csms/CsmsView';
import { ProxyView } from '../proxy/ProxyView';
import { ReplayView } from '../replay/ReplayView';
import { RunnerView } from '../runner/RunnerView';
import { SimView } from '../sim/SimView';
import { StartPage } from '../start/StartPage';
import { TrafficView } from '../traffic/TrafficView';
import { AlertStack } from './AlertStack';
import { NavRail } from './NavRail';
import { Placeholder } from './Placeholder';
import { StatusBar } from './StatusBar';
import { VIEW_INFO } from './views';
import './shell.css';

export type ViewRenderers = Partial<Record<ViewName, () => ReactNode>>;

const DEFAULT_VIEWS: ViewRenderers = {
  start: () => <StartPage />,
  traffic: () => <TrafficView />,
  proxy: () => <ProxyView />,
  csms: () => <CsmsView />,
  sim: () => <SimView />,
  runner: () => <RunnerView />,
  replay: () => <ReplayView />,
};

export function AppShell({ views = DEFAULT_VIEWS }: { views?: ViewRenderers }) {
  const view = useNav((s) => s.view);
  const go = useNav((s) => s.actions.go);

  // Alt+1…7 switch views from anywhere (menus in Electron say the same).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const info = VIEW_INFO.find((v) => e.code === `Digit${v.key}`);
      if (info === undefined) return;
      e.preventDefault();
      go(info.name);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const render = views[view];
  return (
    <div className="app">
      <NavRail />
      <main className="app-main" data-testid={`view-${view}`} data-view={view}>
        {render !== undefined ? render() : <Placeholder view={view} />}
      </main>
      <StatusBar />
      <AlertStack />
      <CaptureDrop />
    </div>
  );
}

export { VIEWS };
