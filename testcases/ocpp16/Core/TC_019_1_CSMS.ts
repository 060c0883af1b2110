// OCTT 1.6 TC_019_1_CSMS (§3.7.1) Retrieve all configuration keys: the CSMS asks for every
// key by sending GetConfiguration without keys. OCPP 1.6 §5.8 GetConfiguration, §9.
import { defineCase } from '../../../engine/conformance/case';
import { satisfies } from '../../../engine/conformance/matchers';
import { booted, csmsSends } from '../../../engine/conformance/states16';

export default defineCase({
  id: 'TC_019_1_CSMS',
  title: 'Retrieve all configuration keys',
  version: '1.6',
  sut: 'csms',
  profile: 'Core',
  specRefs: ['OCTT 1.6 TC_019_1_CSMS (§3.7.1)', 'OCPP 1.6 §5.8, §9.1–9.4'],
  manual: true,
  description: 'The Central System sends GetConfiguration without keys; the Charge Point reports all its keys (every required Core, Local Auth List Management and Smart Charging key).',
  proof: { behaviour: 'no-command:GetConfiguration', step: 'GetConfiguration' },
  async run(t) {
    await booted(t);
    // Step 2: the tool charger answers with every key it has (tool-responders.ts).
    t.note(`The Charge Point will report its ${t.memory.configuration.size} configuration keys`);
    await csmsSends(t, 'GetConfiguration', {
      words: 'Make the Central System retrieve all configuration keys of the Charge Point (GetConfiguration without keys)',
      payload: {},
      // Step 1: the key list is empty (absent, or a list with nothing in it).
      matcher: { key: satisfies('is empty', (v) => v === undefined || (Array.isArray(v) && v.length === 0)) },
    });
  },
});
