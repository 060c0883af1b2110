import { useCallback } from 'react';
import { useStores } from '../../stores/context';
import { frameNo } from './format';

/**
 * Selects a frame by store index and brings it into view when the current view holds it
 * (a filter may hide it: then the inspector still shows it, and we say why it is not in the table).
 */
export function useJumpToFrame(): (index: number) => Promise<void> {
  const { frames, inspector, alerts } = useStores();
  return useCallback(
    async (index: number) => {
      void inspector.getState().actions.select(index);
      const position = await frames.getState().actions.locate(index);
      if (position !== undefined) frames.getState().actions.scrollTo(position);
      else alerts.getState().actions.push({ severity: 'info', source: 'Traffic', message: `Frame ${frameNo(index)} is not in the current view (session or filter); it is shown in the inspector.` });
    },
    [frames, inspector, alerts],
  );
}
