// Fetches the frames a session's charts need: the summaries by a filter in the engine,
// then each frame's text (frames.detail), a few at a time. Bounded: a session with more
// chart frames than MAX_FRAMES shows its first ones and says so.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../api/client';
import { errorInfo } from '../../stores/errors';
import { useClient } from '../../stores/hooks';
import { CHART_ACTIONS, payloadOf, type PayloadFrame } from './frame-series';

export const MAX_FRAMES = 5000;
const PARALLEL = 8;

export interface ChartFrames {
  frames?: PayloadFrame[];
  /** Frames the engine holds beyond what was fetched. */
  truncated: number;
  error?: string;
  loading: boolean;
}

export function useChartFrames(session: string, version: number): ChartFrames {
  const client = useClient();
  const [state, setState] = useState<ChartFrames>({ truncated: 0, loading: true });
  useEffect(() => {
    let live = true;
    setState({ truncated: 0, loading: true });
    load(client, session).then(
      (result) => live && setState({ ...result, loading: false }),
      (err: unknown) => live && setState({ truncated: 0, loading: false, error: errorInfo(err).message }),
    );
    return () => {
      live = false;
    };
  }, [client, session, version]);
  return state;
}

async function load(client: ApiClient, session: string): Promise<{ frames: PayloadFrame[]; truncated: number }> {
  const page = await client.call('frames.query', { session, filter: `action:${CHART_ACTIONS.join(',')} & type:CALL,CALLRESULT`, offset: 0, limit: MAX_FRAMES });
  const frames: PayloadFrame[] = [];
  let next = 0;
  const worker = async () => {
    while (next < page.frames.length) {
      const summary = page.frames[next++]!;
      const detail = await client.call('frames.detail', { index: summary.index });
      const payload = payloadOf(detail.text, summary);
      if (payload !== undefined) frames.push({ summary, payload });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  frames.sort((a, b) => a.summary.index - b.summary.index);
  return { frames, truncated: Math.max(0, page.total - page.frames.length) };
}
