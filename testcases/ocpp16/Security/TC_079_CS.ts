// OCTT 1.6 TC_079_CS (§2.24.2) Get Security Log: the charger accepts GetLog for its security
// log and uploads it to the configured location, reporting Uploading and Uploaded. Security
// whitepaper ed. 3 N01 (GetLog, LogStatusNotification), §6.13 LogEnumType, §6.15.
import { defineCase } from '../../../engine/conformance/case';
import { PROFILE_2, TRANSFER_S } from './security';

export default defineCase({
  id: 'TC_079_CS',
  title: 'Get Security Log',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_079_CS (§2.24.2)', 'OCPP 1.6 security whitepaper ed. 3 N01, §6.13, §6.15'],
  requires: ['a log location the charger can upload to (settings.security.logLocation, else diagnosticsUrl)'],
  description: 'The Central System asks for the security log; the Charge Point accepts and uploads it, reporting Uploading and then Uploaded.',
  proof: { behaviour: 'log-upload-without-status', step: 'Uploading', settings: PROFILE_2 },
  async run(t) {
    const remoteLocation = t.security.logLocation;
    // Steps 1–2: logType SecurityLog, log.remoteLocation the configured log location.
    await t.send('GetLog', { logType: 'SecurityLog', requestId: 1, log: { remoteLocation } }, { status: 'Accepted' }, {
      says: `Send GetLog (SecurityLog, requestId 1, to ${remoteLocation}) and expect an answer where status is Accepted`,
    });
    // Steps 3–6: the bench answers each notification. The upload starts at once; it may take long.
    await t.expect('LogStatusNotification', { status: 'Uploading' });
    await t.expect('LogStatusNotification', { status: 'Uploaded' }, { within: TRANSFER_S });
  },
});
