// OCTT 1.6 TC_073_CSMS (§3.21.1) Update Charge Point Password for HTTP Basic Authentication:
// the Central System sets a new AuthorizationKey; the charge point accepts it, disconnects and
// reconnects with the new password, which the Central System must accept. Security whitepaper
// ed. 3 A01 (A01.FR.02–03), §7.2; OCPP 1.6 §5.3.
import { randomBytes } from 'node:crypto';
import { defineCase } from '../../../engine/conformance/case';
import { present } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_2, withProfile } from './security';

export default defineCase({
  id: 'TC_073_CSMS',
  title: 'Update Charge Point Password for HTTP Basic Authentication',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_073_CSMS (§3.21.1)', 'OCPP 1.6 security whitepaper ed. 3 A01, §7.2', 'OCPP 1.6 §5.3'],
  requires: ['security profile 1 or 2 with the charge point\'s password in the settings'],
  applies: withProfile(1, 2),
  manual: true,
  description: 'The Central System sets a new AuthorizationKey on the Charge Point, which accepts it and reconnects with it; the Central System accepts the new password.',
  proof: { behaviour: 'new-auth-key-not-stored', step: 'Connect to the CSMS', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    // Step 2: the tool charger takes any new AuthorizationKey.
    t.respond('ChangeConfiguration', (call) => (call.payload['key'] === 'AuthorizationKey' ? { result: { status: 'Accepted' } } : undefined), { says: 'with status Accepted when it sets the AuthorizationKey' });
    // Manual action and step 1: the operator picks the new password (the built-in CSMS gets a fresh random one, 20 bytes as 40 hex digits).
    const request = await csmsSends(t, 'ChangeConfiguration', {
      words: 'Make the Central System change the charge point\'s HTTP Basic authentication password (ChangeConfiguration AuthorizationKey)',
      payload: { key: 'AuthorizationKey', value: randomBytes(20).toString('hex').toUpperCase() },
      matcher: { key: 'AuthorizationKey', value: present },
    });
    // Step 3: disconnect, and reconnect with the new password.
    t.useCredentials({ password: String(request.payload['value']) }, 'From now on the bench\'s charger connects with the new password (for the rest of the run: the Central System no longer takes the old one, whitepaper A01.FR.03)');
    t.disconnect();
    await t.connect();
  },
});
