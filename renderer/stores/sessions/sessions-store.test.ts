import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../api/fake-client';
import { session } from '../testing/traffic-fixtures';
import { createSessionsStore, mergeSessions } from './sessions-store';

describe('sessions store', () => {
  it('merges updates in place and appends new sessions in arrival order', () => {
    const a = session({ id: 'a' });
    const b = session({ id: 'b' });
    const first = mergeSessions({ order: [], byId: new Map() }, [a, b]);
    const next = mergeSessions(first, [{ ...a, frames: 3 }]);
    expect(next.order).toBe(first.order);
    expect(next.byId.get('a')?.frames).toBe(3);
    expect(mergeSessions(next, [session({ id: 'c' })]).order).toEqual(['a', 'b', 'c']);
  });

  it('loads the list from the engine and keeps the error when it cannot', async () => {
    const client = createFakeClient({ 'sessions.list': () => [session({ id: 'x' })] });
    const store = createSessionsStore(client);
    await store.getState().actions.load();
    expect(store.getState().order).toEqual(['x']);
    const broken = createSessionsStore(createFakeClient());
    await broken.getState().actions.load();
    expect(broken.getState().error?.code).toBe('unknown-command');
  });
});
