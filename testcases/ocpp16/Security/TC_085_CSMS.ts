// OCTT 1.6 TC_085_CSMS (§3.21.3) Basic Authentication - Valid username/password combination:
// the charge point connects anew with valid HTTP Basic credentials; the Central System
// upgrades the connection, accepts the boot and answers the connector statuses. Security
// whitepaper ed. 3 §2.3 (A00.FR.202–205), §7.2; OCPP-J 1.6 §3.1; OCPP 1.6 §4.2, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { bootNotification, connectorIds, sendStatus } from '../../../engine/conformance/states16';
import { PROFILE_2, withProfile } from './security';

export default defineCase({
  id: 'TC_085_CSMS',
  title: 'Basic Authentication - Valid username/password combination',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_085_CSMS (§3.21.3)', 'OCPP 1.6 security whitepaper ed. 3 §2.3, A00.FR.202–205, §7.2', 'OCPP-J 1.6 §3.1', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['security profile 1 or 2 with the charge point\'s password in the Central System and in the settings'],
  applies: withProfile(1, 2),
  description: 'The Charge Point connects with valid HTTP Basic credentials; the Central System upgrades the connection, accepts the BootNotification and answers the StatusNotifications.',
  proof: { behaviour: 'basic-auth-rejects-valid', step: 'Connect to the CSMS', settings: PROFILE_2 },
  async run(t) {
    // Reusable state "The OCTT closes the connection".
    if (t.connected) t.disconnect();
    // Steps 1–2: the upgrade request carries the Basic credentials.
    await t.connect();
    // Steps 3–6.
    await bootNotification(t);
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
  },
});
