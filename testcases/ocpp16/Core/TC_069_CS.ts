// OCTT 1.6 TC_069_CS (§2.3.2) Stop transaction - ParentIdTag in StopTransaction matches
// ParentIdTag in StartTransaction: a different card of the same group (parentIdTag) is
// authorized and stops the transaction.
// OCPP 1.6 §3.10 (parent idTag), §4.1 (Authorize for a different stop id tag), §4.10.
import { defineCase } from '../../../engine/conformance/case';
import { not } from '../../../engine/conformance/matchers';
import { charging } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_069_CS',
  title: 'Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in StartTransaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_069_CS (§2.3.2)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §3.10, §4.1, §4.10'],
  requires: ['two valid id tags with the same parent id tag', 'one card reader per connector, or the other connectors occupied'],
  manual: true,
  description: 'The charger stops a transaction when a different id tag with the same parentIdTag as the one that started it is presented.',
  proof: { behaviour: 'parent-id-tag-ignored', step: 'StopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { valid, valid2, parent } = t.settings.idTags;
    t.note(`The Central System answers ${valid} and ${valid2} with idTagInfo.parentIdTag ${parent}, so both belong to one group`);
    const transactionId = await charging(t);
    // Step 2: the tool's answer for the other card names the transaction's parent.
    t.respond('Authorize', (call) => (call.payload['idTag'] === valid2 ? { result: { idTagInfo: { status: 'Accepted', parentIdTag: parent } } } : undefined), {
      once: true,
      says: `for ${valid2} with idTagInfo.status Accepted and parentIdTag ${parent}, the parent of the transaction's id tag (step 2)`,
    });
    // Step 1: [EV driver presents a different id tag with the same parentIdTag].
    await t.operator({ kind: 'presentIdTag', idTag: valid2, connectorId });
    const authorize = await t.expect('Authorize', { idTag: not(valid) });
    // Steps 3 and 5 (may be reversed): the id tag of step 1 stops the transaction.
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, idTag: authorize.payload['idTag'] } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
  },
});
