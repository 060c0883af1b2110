// OCTT 1.6 TC_053_CS (§2.20.4) Use a reserved Connector with parentIdTag: a connector reserved
// for the valid id tag with a parentIdTag is used by another id tag of the same group; its
// StartTransaction carries the reservationId.
// OCPP 1.6 §5.13 ReserveNow (parent idTag, Authorize to learn it), §3.10 (parent idTag), §4.8.
import { defineCase } from '../../../engine/conformance/case';
import { authorized, connectorsOperative, sendReserveNow, unusedConnectorsUnavailable } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_053_CS',
  title: 'Use a reserved Connector with parentIdTag',
  version: '1.6',
  sut: 'charger',
  profile: 'Reservation',
  specRefs: ['OCTT 1.6 TC_053_CS (§2.20.4)', 'OCPP 1.6 §5.13, §3.10, §4.1, §4.8, §4.9'],
  requires: ['two valid id tags of one group (idTags.valid, idTags.valid2, their parent idTags.parent)'],
  manual: true,
  description: 'A connector reserved for the valid id tag and its parentIdTag is used by the second valid id tag, which has the same parent; the transaction names the reservation.',
  proof: { behaviour: 'reservation-ignores-parent-id', step: 'Preparing' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const { valid, valid2, parent } = t.settings.idTags;
    const reservationId = 53;
    // Reusable state: SetConnectorUnavailable for all unused connectors.
    const unused = await unusedConnectorsUnavailable(t, connectorId);
    // Steps 1–4: idTag <Configured Valid IdTag 1>, parentIdTag <Configured ParentId>.
    await sendReserveNow(t, 'Accepted', { connectorId, idTag: valid, parentIdTag: parent, reservationId });
    await t.expect('StatusNotification', { connectorId, status: 'Reserved' });
    // Step 5: reusable state Authorized with <Configured Valid IdTag 2>. The connector was
    // Reserved, so Preparing must come; the tool's Authorize answer gives the tag's parent.
    t.note(`The Central System answers Authorize for ${valid2} with idTagInfo.status Accepted and parentIdTag ${parent}`);
    await authorized(t, valid2, { preparing: 'expected' });
    // Steps 6–10 (7 and 9 may be reversed): StartTransaction carries the reservationId of step 1.
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expectAll([
      { action: 'StartTransaction', matcher: { connectorId, idTag: valid2, reservationId } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
    await connectorsOperative(t, unused);
  },
});
