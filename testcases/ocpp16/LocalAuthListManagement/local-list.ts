// SendLocalList from the bench (charger under test), in a sentence that names the update
// instead of printing the payload. OCPP 1.6 §5.15.
import type { Harness } from '../../../engine/conformance/harness';
import { describeMatcher, type PayloadMatcher } from '../../../engine/conformance/matchers';

export interface LocalListUpdate {
  listVersion: number;
  updateType: 'Full' | 'Differential';
  /** id tag → idTagInfo.status; omitted: no localAuthorizationList at all. */
  entries?: Record<string, string>;
}

export async function sendLocalList(t: Harness, update: LocalListUpdate, expectAnswer: PayloadMatcher, options: { orError?: string } = {}): Promise<void> {
  const entries = Object.entries(update.entries ?? {});
  const payload = {
    listVersion: update.listVersion,
    updateType: update.updateType,
    ...(update.entries !== undefined ? { localAuthorizationList: entries.map(([idTag, status]) => ({ idTag, idTagInfo: { status } })) } : {}),
  };
  const list = update.entries === undefined ? 'without a localAuthorizationList' : `with ${entries.map(([idTag, status]) => `${idTag} ${status}`).join(', ')}`;
  const says = `Send SendLocalList (${update.updateType}, listVersion ${update.listVersion}, ${list}) and expect an answer where ${describeMatcher(expectAnswer)}${options.orError !== undefined ? `, or a CALLERROR ${options.orError}` : ''}`;
  await t.send('SendLocalList', payload, expectAnswer, { says, ...(options.orError !== undefined ? { orError: options.orError } : {}) });
}
