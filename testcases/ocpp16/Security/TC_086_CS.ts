// OCTT 1.6 TC_086_CS (§2.24.3) TLS - server-side certificate - Valid certificate: after a
// reset the charger opens a TLS connection — TLS 1.2 or above, offering the AES-GCM suites of
// the security profiles — accepts the bench's server certificate, upgrades (with HTTP Basic
// credentials on profile 2), boots and reports its connectors. Security whitepaper ed. 3
// §2.4–2.5 (A00.FR.301–318), §2.3; OCPP 1.6 §4.2, §4.9.
//
// The bench presents an ECDSA and an RSA certificate (whichever suite the charger picks);
// the document's "<Configured server certificate>" is settings.tls.cert when given.
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';
import { checkBasicAuthentication, checkClientHello, PROFILE_2, triggeredToReset, withProfile } from './security';

export default defineCase({
  id: 'TC_086_CS',
  title: 'TLS - server-side certificate - Valid certificate',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_086_CS (§2.24.3)', 'OCPP 1.6 security whitepaper ed. 3 §2.4, §2.5, A00.FR.301–318, §2.3', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['security profile 2 or 3', 'the bench\'s TLS server certificate (settings.tls), trusted by the charger'],
  applies: withProfile(2, 3),
  description: 'After a reset the Charge Point connects over TLS 1.2 or above offering the required AES-GCM cipher suites, accepts the Central System certificate, boots and reports the status of each connector and connector 0.',
  proof: { behaviour: 'tls-cbc-suites-only', step: 'cipher suites', settings: PROFILE_2 },
  async run(t) {
    const before = await triggeredToReset(t);
    // Steps 1–6: the TLS handshake and the upgrade.
    await t.expectConnection({ since: before, says: 'Expect the charger to open a TLS connection (Client Hello), accept the bench\'s server certificate and send its HTTP upgrade request' });
    const opening = t.currentOpening();
    // Step 2: before the bench sends its certificate — the ClientHello.
    checkClientHello(t, opening);
    // Step 5: HTTP Basic credentials with profile 2 only.
    if (t.settings.securityProfile === 2) checkBasicAuthentication(t, opening, t.acceptedSecurity()?.password ?? t.settings.password);
    // Steps 7–10.
    await t.expect('BootNotification');
    await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId } })));
  },
});
