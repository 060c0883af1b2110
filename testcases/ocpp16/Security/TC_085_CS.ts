// OCTT 1.6 TC_085_CS (§2.24.3) Basic Authentication - Valid username/password combination:
// after a reset the charger opens its connection with HTTP Basic credentials — its identity
// and the AuthorizationKey — boots and reports its connectors. Security whitepaper ed. 3
// §2.3 (A00.FR.202–205), §7.2; OCPP-J 1.6 §3.1; OCPP 1.6 §4.2, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';
import { checkBasicAuthentication, PROFILE_1, triggeredToReset, withProfile } from './security';

export default defineCase({
  id: 'TC_085_CS',
  title: 'Basic Authentication - Valid username/password combination',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_085_CS (§2.24.3)', 'OCPP 1.6 security whitepaper ed. 3 §2.3, A00.FR.202–205, §7.2', 'OCPP-J 1.6 §3.1', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['security profile 1 or 2 with the password (AuthorizationKey) in the settings'],
  applies: withProfile(1, 2),
  description: 'After a reset the Charge Point connects with HTTP Basic authentication (its identity and AuthorizationKey), boots and reports the status of each connector and connector 0.',
  proof: { behaviour: 'basic-auth-user-not-identity', step: 'HTTP upgrade request', settings: PROFILE_1 },
  async run(t) {
    const before = await triggeredToReset(t);
    // Steps 1–2: the bench upgrades only a request with the right credentials; what it carried is checked below.
    await t.expectConnection({ since: before, says: 'Expect the charger to send its HTTP upgrade request with HTTP Basic credentials, and the bench to upgrade it' });
    checkBasicAuthentication(t, t.currentOpening(), t.acceptedSecurity()?.password ?? t.settings.password);
    // Steps 3–6.
    await t.expect('BootNotification');
    await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId } })));
  },
});
