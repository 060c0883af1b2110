// OCTT 1.6 TC_068_CS (§2.3.1) Stop transaction - IdTag in StopTransaction matches IdTag in
// StartTransaction: another driver's card neither asks the Central System nor stops the
// transaction; the card that started it stops it.
// OCPP 1.6 §4.1 (no Authorize to stop with the starting id tag), §3.10 (only the same id tag,
// or one of the same parentIdTag, may stop a transaction), §4.10.
import { defineCase } from '../../../engine/conformance/case';
import type { CallAnswer, IncomingCall } from '../../../engine/rpc/endpoint';
import { defaultToolAnswer } from '../../../engine/conformance/tool-responders';
import { charging } from '../../../engine/conformance/states16';

/** How long the charger is watched for a reaction to the other card (step 1; the document gives no time). */
const NO_REACTION_S = 10;

export default defineCase({
  id: 'TC_068_CS',
  title: 'Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_068_CS (§2.3.1)', 'OCTT 1.6 reusable state Charging (§2.25)', 'OCPP 1.6 §4.1, §3.10, §4.10'],
  requires: ['two valid id tags (Valid IdTag and Valid IdTag 2)', 'one card reader per connector, or the other connectors occupied'],
  manual: true,
  description: 'The charger stops a transaction only when the id tag that started it is presented; another card does nothing.',
  proof: { behaviour: 'any-tag-stops-transaction', step: 'not to send Authorize or StopTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { valid, valid2 } = t.settings.idTags;
    // Without a parentIdTag in the answers no other card can belong to this transaction (§3.10),
    // so the charger has nothing to ask about Valid IdTag 2.
    const withoutParent = (call: IncomingCall): CallAnswer => {
      const answer = defaultToolAnswer('csms', t.version, call, t.settings, t.memory);
      const info = 'result' in answer ? (answer.result['idTagInfo'] as Record<string, unknown> | undefined) : undefined;
      if (!('result' in answer) || info === undefined) return answer;
      const { parentIdTag: _parent, ...rest } = info;
      return { result: { ...answer.result, idTagInfo: rest } };
    };
    for (const action of ['Authorize', 'StartTransaction', 'StopTransaction']) t.respond(action, withoutParent, { says: 'as usual, with no parentIdTag in idTagInfo' });
    const transactionId = await charging(t);
    // Step 1: [EV driver presents Valid IdTag 2]: neither Authorize nor StopTransaction.
    await t.operator({ kind: 'presentIdTag', idTag: valid2, connectorId });
    await t.expectNone(['Authorize', 'StopTransaction'], undefined, NO_REACTION_S);
    // Steps 3 and 5 (may be reversed): [EV driver presents the id tag that started the transaction].
    await t.operator({ kind: 'presentIdTag', idTag: valid, connectorId });
    await t.expectAll([
      { action: 'StopTransaction', matcher: { transactionId, idTag: valid } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
    ]);
  },
});
