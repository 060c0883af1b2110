// OCTT 1.6 TC_086_CSMS (§3.21.3) TLS - server-side certificate - Valid certificate: the Central
// System's TLS — version 1.2 or above, all four cipher suites of the security profiles (so an
// ECDSA and an RSA certificate), keys long enough, a serial number, the server's host name as
// CN — then a secured WebSocket connection, the boot and the connector statuses. Security
// whitepaper ed. 3 §2.4 (A00.FR.305–317), A00.FR.501–510; OCPP 1.6 §4.2, §4.9.
import { defineCase } from '../../../engine/conformance/case';
import { REQUIRED_SUITES } from '../../../engine/conformance/tls-probe';
import { bootNotification, connectorIds, sendStatus } from '../../../engine/conformance/states16';
import { checkServerTls, PROFILE_2, withProfile } from './security';

export default defineCase({
  id: 'TC_086_CSMS',
  title: 'TLS - server-side certificate - Valid certificate',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_086_CSMS (§3.21.3)', 'OCPP 1.6 security whitepaper ed. 3 §2.4, A00.FR.305–317, A00.FR.501–510', 'OCPP 1.6 §4.2, §4.9'],
  requires: ['security profile 2 or 3'],
  applies: withProfile(2, 3),
  description: 'The Central System supports TLS 1.2 or above and the four cipher suites of the security profiles, with certificates of enough key length, a serial number and its host name as CN; the Charge Point connects, boots and reports its connectors.',
  proof: { behaviour: 'tls-rsa-certificate-only', step: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', settings: PROFILE_2 },
  async run(t) {
    // Reusable state "The OCTT closes the connection".
    if (t.connected) t.disconnect();
    // Steps 1–4: the handshake, checked before it is finished — one probe per required suite.
    const probes = await t.probeTls(Object.keys(REQUIRED_SUITES));
    checkServerTls(t, probes, { certificates: true });
    // Steps 5–6: the (secured) WebSocket connection.
    await t.connect();
    const tls = t.currentTls();
    t.check(`the connection uses TLS 1.2 or above — ${tls?.version ?? 'no TLS'}`, tls?.version === 'TLSv1.2' || tls?.version === 'TLSv1.3', tls?.version ?? 'no TLS');
    // Steps 7–10.
    await bootNotification(t);
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
  },
});
