// OCTT 1.6 TC_079_CSMS (§3.21.2) Get Security Log: the Central System asks for the security
// log, to the configured log location; the charge point reports Uploading and Uploaded and
// the Central System answers both. Security whitepaper ed. 3 N01, §6.13–6.15.
import { defineCase } from '../../../engine/conformance/case';
import { booted, csmsSends } from '../../../engine/conformance/states16';
import { PROFILE_2 } from './security';

export default defineCase({
  id: 'TC_079_CSMS',
  title: 'Get Security Log',
  version: '1.6',
  sut: 'csms',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_079_CSMS (§3.21.2)', 'OCPP 1.6 security whitepaper ed. 3 N01, §6.13, §6.14, §6.15'],
  requires: ['the log location configured in the Central System and in the settings (security.logLocation, else diagnosticsUrl)'],
  manual: true,
  description: 'The Central System asks for the security log at the configured location; the Charge Point uploads it and the Central System answers its Uploading and Uploaded notifications.',
  proof: { behaviour: 'get-log-diagnostics-only', step: 'GetLog', settings: PROFILE_2 },
  async run(t) {
    await booted(t);
    const remoteLocation = t.security.logLocation;
    // Steps 1–2: the tool charger accepts (and names its file).
    t.respond('GetLog', { result: { status: 'Accepted', filename: 'security.log' } }, { once: true });
    const request = await csmsSends(t, 'GetLog', {
      words: `Make the Central System ask for the charge point's security log, to be uploaded to ${remoteLocation} (GetLog)`,
      payload: { logType: 'SecurityLog', requestId: 1, log: { remoteLocation } },
      matcher: { logType: 'SecurityLog', 'log.remoteLocation': remoteLocation },
    });
    const requestId = request.payload['requestId'];
    // Steps 3–6.
    for (const status of ['Uploading', 'Uploaded']) {
      await t.send('LogStatusNotification', { status, requestId }, undefined, { says: `Send LogStatusNotification: ${status} (requestId ${String(requestId)})` });
    }
  },
});
