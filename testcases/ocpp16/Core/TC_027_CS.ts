// OCTT 1.6 TC_027_CS (§2.11.2) Remote start transaction - connector id shall not be 0:
// RemoteStartTransaction for connector 0 is Rejected (or answered with a CALLERROR).
// OCPP 1.6 §5.11 and §6.33 (connectorId SHALL be > 0); OCPP-J 1.6 §4.2.3 (CALLERROR).
import { defineCase } from '../../../engine/conformance/case';

export default defineCase({
  id: 'TC_027_CS',
  title: 'Remote start transaction - connector id shall not be 0',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_027_CS (§2.11.2)', 'OCPP 1.6 §5.11, §6.33', 'OCPP-J 1.6 §4.2.3'],
  requires: ['a valid id tag'],
  description: 'The charger rejects a RemoteStartTransaction.req for connector 0.',
  proof: { behaviour: 'remote-control-accepts-anything', step: 'RemoteStartTransaction' },
  async run(t) {
    await t.send('RemoteStartTransaction', { connectorId: 0, idTag: t.settings.idTags.valid }, { status: 'Rejected' }, { orError: true });
  },
});
