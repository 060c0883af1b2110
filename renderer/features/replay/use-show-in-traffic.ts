// "Show in traffic": the traffic view on one session (a replay's live session, an imported
// capture's), optionally scrolled to one of its frames and inspecting it.
import { useCallback } from 'react';
import { useStores } from '../../stores/context';

export function useShowInTraffic(): (session: string, seq?: number) => Promise<void> {
  const { frames, inspector, nav } = useStores();
  return useCallback(
    async (session: string, seq?: number) => {
      // A finished session reads from its first frame (or the one asked for), like a capture.
      frames.getState().actions.setFollow(false);
      await frames.getState().actions.setQuery({ session, filter: '' });
      if (seq !== undefined) {
        // With a session-only query a frame's position is found by its seq.
        const page = await frames.getState().actions.locateSeq(seq);
        if (page !== undefined) {
          frames.getState().actions.scrollTo(page.position);
          void inspector.getState().actions.select(page.index);
        }
      }
      nav.getState().actions.go('traffic');
    },
    [frames, inspector, nav],
  );
}
