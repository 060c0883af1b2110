import { EmptyState } from '../../components/Panel';
import type { ViewName } from '../../stores/app/nav-store';
import { viewInfo } from './views';

/** A view whose engine api has not landed yet says so instead of pretending. */
export function Placeholder({ view }: { view: ViewName }) {
  const info = viewInfo(view);
  return (
    <div className="placeholder">
      <EmptyState title={`${info.label} is not available in this build`}>
        {info.blurb} The engine does not offer its commands yet.
      </EmptyState>
    </div>
  );
}
