// OCTT 1.6 TC_073_CS (§2.24.1) Update Charge Point Password for HTTP Basic Authentication:
// the Central System sets a new AuthorizationKey; the charger accepts it, disconnects and
// reconnects with the new password. Security whitepaper ed. 3 A01 (A01.FR.01–03), §7.2
// AuthorizationKey, A00.FR.205; OCPP 1.6 §5.3 ChangeConfiguration.
import { defineCase } from '../../../engine/conformance/case';
import { OCTT_AUTHORIZATION_KEY, PROFILE_2, withProfile } from './security';

export default defineCase({
  id: 'TC_073_CS',
  title: 'Update Charge Point Password for HTTP Basic Authentication',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_073_CS (§2.24.1)', 'OCPP 1.6 security whitepaper ed. 3 A01, §7.2, A00.FR.205', 'OCPP 1.6 §5.3'],
  requires: ['security profile 1 or 2 (HTTP Basic authentication) with the password in the settings'],
  applies: withProfile(1, 2),
  description: 'The Central System sets a new AuthorizationKey ("OCA_OCTT_admin_test", hex encoded); the Charge Point accepts it and reconnects with the new password.',
  proof: { behaviour: 'security-changes-not-applied', step: 'reconnects with the new password', settings: PROFILE_2 },
  async run(t) {
    const before = t.connectionCount;
    // Steps 1–2: key AuthorizationKey, value "OCA_OCTT_admin_test" hex encoded; Accepted.
    await t.send('ChangeConfiguration', { key: 'AuthorizationKey', value: OCTT_AUTHORIZATION_KEY }, { status: 'Accepted' }, {
      says: `Send ChangeConfiguration (AuthorizationKey = ${OCTT_AUTHORIZATION_KEY}, "OCA_OCTT_admin_test" hex encoded) and expect an answer where status is Accepted`,
    });
    // A01.FR.03: once the charger has accepted, only the new password is good.
    t.acceptSecurity({ password: OCTT_AUTHORIZATION_KEY }, 'From now on the bench accepts the charger only with the new AuthorizationKey (whitepaper A01.FR.03)');
    // Step 3: the bench refuses the old password, so an accepted connection is one with the new.
    await t.expectConnection({ since: before, says: 'Expect the charger to disconnect and reconnect: the bench accepts it only if it reconnects with the new password' });
    const c = t.currentOpening()?.credentials;
    t.check('the charger authenticated with the new AuthorizationKey', c !== undefined && (c.password === OCTT_AUTHORIZATION_KEY || c.passwordHex === OCTT_AUTHORIZATION_KEY.toLowerCase()), 'it used other credentials');

    // Post-condition (not an OCTT step): the charger gets its configured key back, so later
    // cases — and the charger's owner — are not left with a published password.
    const configured = t.settings.password;
    if (configured === undefined) {
      t.note(`The settings give no password to restore: the charger keeps AuthorizationKey ${OCTT_AUTHORIZATION_KEY}`);
      return;
    }
    const again = t.connectionCount;
    const restored = await t.send('ChangeConfiguration', { key: 'AuthorizationKey', value: configured }, undefined, { says: 'Post-condition: send ChangeConfiguration (AuthorizationKey = the configured password) to restore it', orError: true });
    if (restored.kind === 'result' && restored.payload['status'] === 'Accepted') {
      t.acceptSecurity({ password: configured }, 'Post-condition: the bench accepts the charger with its configured password again');
      await t.expectConnection({ since: again, says: 'Post-condition: expect the charger to reconnect with its configured password' });
    } else {
      t.note(`Post-condition: the charger did not take its configured password back (${restored.kind === 'result' ? String(restored.payload['status']) : 'CALLERROR'}): it keeps AuthorizationKey ${OCTT_AUTHORIZATION_KEY}, which the bench accepts for the rest of the run — update the settings' password`);
    }
  },
});
