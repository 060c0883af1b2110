// OCTT 1.6 TC_061_CS (§2.4.2) Clear Authorization Data in Authorization Cache: after
// ClearCache the charger no longer knows an id tag it had cached, so presenting it again
// makes it ask the Central System (Authorize).
// OCPP 1.6 §5.4 ClearCache, §3.5.1 (authorization cache), §3.5 LocalPreAuthorize, §9.1.6
// ConnectionTimeOut, §4.9 B1 (Preparing → Available when the user's intent ends); errata 3.23.
import { defineCase } from '../../../engine/conformance/case';
import { authorized, configure } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_061_CS',
  title: 'Clear Authorization Data in Authorization Cache',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_061_CS (§2.4.2)', 'OCTT 1.6 reusable state Authorized (§2.25)', 'OCPP 1.6 §5.4, §3.5.1, §9.1.2, §9.1.6, §9.1.13, §4.9', 'OCPP 1.6 errata 3.23'],
  requires: ['an authorization cache', 'a valid id tag'],
  manual: true,
  description: 'The charger empties its authorization cache on ClearCache: the id tag it had cached is authorized with the Central System again.',
  proof: { behaviour: 'clear-cache-noop', step: 'Authorize' },
  async run(t) {
    const idTag = t.settings.idTags.valid;
    const timeout = t.settings.connectionTimeOut;
    // Configuration states.
    await configure(t, 'AuthorizationCacheEnabled', true);
    await configure(t, 'LocalPreAuthorize', true);
    await configure(t, 'ConnectionTimeOut', timeout);
    // Reusable state Authorized; its StatusNotification(Preparing) is this scenario's step 1.
    await authorized(t, idTag, { preparing: 'later' });
    await t.expect('StatusNotification', { status: 'Preparing' }, { says: 'Expect the charger to send StatusNotification where status is Preparing (step 1)' });
    // Step 3: [swipe the card again, or wait for ConnectionTimeOut if that does not de-authorize].
    await t.operator({ kind: 'presentIdTag', idTag });
    await t.expect('StatusNotification', { status: 'Available' }, {
      within: timeout + t.settings.timeouts.message,
      says: `Expect the charger to send StatusNotification where status is Available (at the latest when ConnectionTimeOut, ${timeout} s, has expired)`,
    });
    // Steps 5 and 6.
    await t.send('ClearCache', {}, { status: 'Accepted' });
    // Steps 7 and 8: the id tag is unknown again, so the charger asks; the tool answers Accepted.
    await t.operator({ kind: 'presentIdTag', idTag });
    await t.expect('Authorize', { idTag }, { says: `Expect the charger to send Authorize where idTag is ${idTag} (its cache no longer has it)` });
  },
});
