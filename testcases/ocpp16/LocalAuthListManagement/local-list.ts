// Local authorization lists in the cases (OCPP 1.6 §5.15): SendLocalList from the bench
// (charger under test) in a sentence that names the update instead of printing the payload,
// and what the cases with the CSMS under test ask of the lists it sends.
import type { Harness } from '../../../engine/conformance/harness';
import { describeMatcher, satisfies, type PayloadMatcher } from '../../../engine/conformance/matchers';

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

/** OCTT TC_043_4/5_CSMS: "All localAuthorizationList entries have an idTagInfo" (and there is at least one). */
export const entriesWithIdTagInfo = satisfies(
  'has entries, each with an idTagInfo',
  (v) => Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'object' && e !== null && (e as Record<string, unknown>)['idTagInfo'] !== undefined),
);

/** The list the built-in CSMS is made to send (its operator picks the tags): the valid id tag, Accepted. */
export function listOf(t: Harness, listVersion: number, updateType: 'Full' | 'Differential', idTag = t.settings.idTags.valid): Record<string, unknown> {
  return { listVersion, updateType, localAuthorizationList: [{ idTag, idTagInfo: { status: 'Accepted' } }] };
}
