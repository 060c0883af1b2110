// OCTT 1.6 TC_087_CSMS (§3.21.3) TLS - Client-side certificate - valid certificate: the
// charge point connects with its client certificate; the Central System's TLS is version 1.2 or
// above with all four cipher suites of the security profiles, and it upgrades the connection,
// accepts the boot and answers the connector statuses. Security whitepaper ed. 3 §2.5
// (A00.FR.401–409), A00.FR.312, A00.FR.317; OCPP 1.6 §4.2, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { REQUIRED_SUITES } from '../../../engine/conformance/tls-probe';
import { bootNotification, connectorIds, sendStatus } from '../../../engine/conformance/states16';
import { checkServerTls, PROFILE_3, withProfile } from './security';

export default defineCase({
  id: 'TC_087_CSMS',
  title: 'TLS - Client-side certificate - valid certificate',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_087_CSMS (§3.21.3)', 'OCPP 1.6 security whitepaper ed. 3 §2.5, A00.FR.401–409, A00.FR.312, A00.FR.317', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['security profile 3', 'the bench\'s client certificate (settings.tls) trusted by the Central System'],
  applies: withProfile(3),
  description: 'The Charge Point connects with its client certificate; the Central System supports TLS 1.2 or above and the four cipher suites of the security profiles, upgrades the connection, accepts the boot and answers the connector statuses.',
  proof: { behaviour: 'tls-rsa-certificate-only', step: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', settings: PROFILE_3 },
  async run(t) {
    // Reusable state "The OCTT closes the connection".
    if (t.connected) t.disconnect();
    // Steps 1–4: the handshake, checked before it is finished — one probe per required suite.
    const probes = await t.probeTls(Object.keys(REQUIRED_SUITES));
    checkServerTls(t, probes, { certificates: false });
    // Steps 5–6: the (secured) WebSocket connection.
    await t.connect();
    const tls = t.currentTls();
    t.check(`the connection uses TLS 1.2 or above — ${tls?.version ?? 'no TLS'}`, tls?.version === 'TLSv1.2' || tls?.version === 'TLSv1.3', tls?.version ?? 'no TLS');
    // Steps 7–10.
    await bootNotification(t);
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
  },
});
