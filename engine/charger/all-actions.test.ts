// Every CSMS-initiated action of each version, sent from its schema template, gets a
// schema-valid answer from the simulator, and nothing on the wire either way breaks a schema.
import { describe, expect, it } from 'vitest';
import { OCPP_VERSIONS } from '../../api/model';
import { actionsOf } from '../ocpp/catalog';
import { judgePayload } from '../ocpp/schemas';
import { payloadTemplate } from '../ocpp/templates';
import { LiveRecorder } from '../traffic/recorder';
import { TrafficStore } from '../traffic/store';
import { makeRig } from './testing/rig';

describe('every CSMS-initiated action is answered schema-valid', () => {
  for (const version of OCPP_VERSIONS) {
    it(`OCPP ${version}`, async () => {
      const store = new TrafficStore();
      const recorder = new LiveRecorder({ source: 'sim', store });
      const rig = makeRig(version, { connectors: 2 }, { recorder });
      await rig.boot();
      const actions = actionsOf(version).filter((a) => a.initiator !== 'charger' && a.unconfirmed !== true);
      expect(actions.length).toBeGreaterThanOrEqual(version === '1.6' ? 25 : version === '2.0.1' ? 40 : 55);
      for (const { action } of actions) {
        const payload = payloadTemplate(version, action, 'request')!;
        const outcome = await rig.csms.call(action, payload, { timeoutMs: 2000 });
        expect(outcome.kind, `${action}: ${outcome.kind === 'error' ? `${outcome.code} ${outcome.description}` : ''}`).toBe('result');
        if (outcome.kind === 'result') expect(judgePayload(version, action, 'response', outcome.payload), action).toEqual([]);
        // Some actions reboot or reconnect the charger (Reset, security changes): wait until it is back.
        await rig.advance(1);
        for (let i = 0; i < 60 && (!rig.csms.connected || rig.cp.summary().registration !== 'accepted'); i++) await rig.advance(5);
      }
      // Let the flows they started (firmware, uploads, reports) run their course.
      await rig.advance(120);
      await recorder.settled();
      const findings: string[] = [];
      for (const f of store.query({}).frames) {
        if (f.findings.error > 0) findings.push(`${f.dir} ${f.action ?? '?'} seq ${f.seq}: ${JSON.stringify((await store.detail(f.index)).findings.map((x) => x.message))}`);
      }
      expect(findings).toEqual([]);
      expect(rig.cp.state().stats.errors).toEqual({});
      await rig.cp.stop();
    });
  }
});
