// OCTT 1.6 TC_084_CS (§2.24.3) Downgrade security profile - Rejected: the charger refuses a
// lower SecurityProfile. Security whitepaper ed. 3 A05.FR.01 (only upwards), §7.6; OCPP 1.6 §5.3.
import { defineCase } from '../../../engine/conformance/case';
import { PROFILE_2, withProfile } from './security';

export default defineCase({
  id: 'TC_084_CS',
  title: 'Downgrade security profile - Rejected',
  version: '1.6',
  sut: 'charger',
  profile: 'Security',
  specRefs: ['OCTT 1.6 TC_084_CS (§2.24.3)', 'OCPP 1.6 security whitepaper ed. 3 A05.FR.01, §7.6', 'OCPP 1.6 §5.3'],
  requires: ['security profile 2 or 3'],
  applies: withProfile(2, 3),
  description: 'The Central System sets SecurityProfile one level lower; the Charge Point answers Rejected.',
  proof: { behaviour: 'accepts-security-profile-downgrade', step: 'Rejected', settings: PROFILE_2 },
  async run(t) {
    const lower = t.settings.securityProfile - 1;
    await t.send('ChangeConfiguration', { key: 'SecurityProfile', value: String(lower) }, { status: 'Rejected' }, {
      says: `Send ChangeConfiguration (SecurityProfile = ${lower}, one level lower) and expect an answer where status is Rejected`,
    });
  },
});
