// OCTT 1.6 TC_023_CS (§2.10.1) Start Charging Session – Authorize invalid: with
// MinimumStatusDuration 10 and LocalPreAuthorize true, the charger reports Preparing when
// the cable is plugged in, asks the Central System about an invalid tag, and starts no
// transaction when it is answered Invalid.
// OCPP 1.6 §4.1 Authorize, §4.9 StatusNotification (MinimumStatusDuration), §3.5.
import { defineCase } from '../../../engine/conformance/case';
import { configure, configureIfImplemented } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_023_CS',
  title: 'Start Charging Session – Authorize invalid',
  version: '1.6',
  sut: 'charger',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_023_CS (§2.10.1)', 'OCPP 1.6 §4.1, §4.9, §9.1'],
  requires: ['an invalid id tag'],
  manual: true,
  description: 'The charger does not start a transaction after the Central System answers Authorize with Invalid.',
  proof: { behaviour: 'starts-on-invalid-id', step: 'not to send StartTransaction' },
  async run(t) {
    const connectorId = t.settings.connectorId;
    const idTag = t.settings.idTags.invalid;
    // MinimumStatusDuration is optional (§9.1): a charger without it can still pass (§1.3).
    const hasMinimumStatusDuration = (await configureIfImplemented(t, { MinimumStatusDuration: '10' })).has('MinimumStatusDuration');
    await configure(t, 'LocalPreAuthorize', true);
    await t.operator({ kind: 'plugIn', connectorId });
    // Reported once the status held MinimumStatusDuration (10 s).
    await t.expect('StatusNotification', { connectorId, status: 'Preparing' }, { within: 10 + t.settings.timeouts.message });
    // Step 4: the tool answers Invalid.
    t.respond('Authorize', { result: { idTagInfo: { status: 'Invalid' } } }, { once: true });
    await t.operator({ kind: 'presentIdTag', idTag, connectorId });
    await t.expect('Authorize', { idTag });
    // Expected result: no transaction. The document names no duration; a charger that starts
    // one anyway does so right after Authorize.conf.
    await t.expectNone('StartTransaction', undefined, t.settings.transactionDuration, `Expect the charger not to send StartTransaction for the transaction duration (${t.settings.transactionDuration} s)`);
    // Post-conditions (§1.3): MinimumStatusDuration 0, the connector available.
    if (hasMinimumStatusDuration) await configure(t, 'MinimumStatusDuration', 0);
    await t.operator({ kind: 'unplug', connectorId });
  },
});
