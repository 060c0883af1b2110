// OCTT 1.6 TC_087_CS (§2.24.3) TLS - Client-side certificate - valid certificate: after a
// reset the charger opens a TLS connection with its client certificate — TLS 1.2 or above,
// the AES-GCM suites, a key long enough, a serial number, and its serial number as subject
// CN — upgrades, boots and reports its connectors. Security whitepaper ed. 3 §2.5
// (A00.FR.401–409), A00.FR.318 (cipher suites), A00.FR.501–511 (key lengths, serial number, CN); OCPP 1.6 §4.2, §4.9.
//
// A failed check does not stop the case (the document: the OCTT may still set up the
// connection, but the case fails). The charger's serial number is the one its BootNotification
// gives, so the CN is checked after it.
import { defineCase } from '../../../engine/conformance/case';
import { connectorIds } from '../../../engine/conformance/states16';
import { checkCertificateForm, checkClientHello, commonName, PROFILE_3, triggeredToReset, withProfile } from './security';

export default defineCase({
  id: 'TC_087_CS',
  title: 'TLS - Client-side certificate - valid certificate',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_087_CS (§2.24.3)', 'OCPP 1.6 security whitepaper ed. 3 §2.5, A00.FR.312, A00.FR.318, A00.FR.501–511', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['security profile 3', 'the charger\'s certificate issued by a CA the bench trusts (settings.tls.clientCa)'],
  applies: withProfile(3),
  description: 'After a reset the Charge Point connects over TLS with a valid client certificate (key length, serial number, its serial number as CN) and the required cipher suites, boots and reports the status of each connector and connector 0.',
  proof: { behaviour: 'tls-cbc-suites-only', step: 'cipher suites', settings: PROFILE_3 },
  async run(t) {
    const before = await triggeredToReset(t);
    // Steps 1–6: the TLS handshake with the client certificate, and the upgrade.
    await t.expectConnection({ since: before, says: 'Expect the charger to open a TLS connection with its client certificate and send its HTTP upgrade request' });
    const opening = t.currentOpening();
    // Step 4: the ClientHello and the client certificate.
    checkClientHello(t, opening);
    const certificate = opening?.peerCertificate;
    if (t.check('the charger presented a client certificate', certificate !== undefined, 'it presented none')) checkCertificateForm(t, 'client', certificate!);
    // Steps 7–8.
    const boot = await t.expect('BootNotification');
    const serial = boot.payload['chargePointSerialNumber'] ?? boot.payload['chargeBoxSerialNumber'];
    const cn = certificate !== undefined ? commonName(certificate) : undefined;
    if (typeof serial === 'string') {
      t.check(`the certificate's subject CN is the charger's serial number (${serial}) — it is ${cn ?? 'absent'}`, cn === serial, `the CN is ${cn ?? 'absent'}`);
    } else {
      t.note(`The BootNotification gives no serial number, so the bench cannot check that the certificate's CN (${cn ?? 'absent'}) is the charger's serial number`);
    }
    // Steps 9–10.
    await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId } })));
  },
});
