// Energy registers never run backwards: a register reading (Energy.*.Register) of a
// connector or EVSE is never lower than an earlier reading of the same register, compared
// in the order of the readings' own timestamps (queued messages may arrive late).
// OCPP 1.6 §4.7 and §7.43 (SampledValue, defaults: Energy.Active.Import.Register in Wh);
// 2.0.1/2.1 MeterValuesRequest and TransactionEventRequest meterValue (unit default Wh,
// Part 2 appendices "Standardized Units of Measure").
import { arr, epoch, int, num, obj, str, type Json } from '../behaviour/read';
import type { Observation, RuleModule } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const ENERGY_REGISTER_DECREASED = defineRule({
  id: 'state.energy-register-decreased',
  severity: 'error',
  group: 'state',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §4.7, §7.43 SampledValue',
    '2.0.1': 'OCPP 2.0.1 MeterValuesRequest/TransactionEventRequest meterValue; Part 2 appendices (units of measure)',
    '2.1': 'OCPP 2.1 MeterValuesRequest/TransactionEventRequest meterValue; Part 2 appendices (units of measure)',
  },
  explanation: 'An energy register (a measurand ending in .Register) of a connector or EVSE never decreases from one reading to a later one, by the readings\' timestamps.',
});

const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';
/** Rounding of kWh readings must not count as a decrease. */
const EPSILON_WH = 0.01;

const UNIT_FACTOR: Readonly<Record<string, number>> = { Wh: 1, kWh: 1000, varh: 1, kvarh: 1000 };

interface Reading {
  at: number;
  wh: number;
  seq: number;
}

export const meterRules: RuleModule = {
  name: 'meter',
  rules: [ENERGY_REGISTER_DECREASED],
  actions: ['MeterValues', 'TransactionEvent', 'StartTransaction', 'StopTransaction'],
  create(ctx) {
    const v16 = ctx.version === '1.6';
    /** Last reading per scope (connector or EVSE), then per register. */
    const last = new Map<number, Map<string, Reading>>();
    /** Where a transaction's readings belong: 1.6 connector or 2.x EVSE, by transaction id. */
    const scopeOfTx = new Map<string, number>();

    /** Reads one SampledValue as Wh, or undefined when it is not a plain energy register reading. */
    const registerWh = (sample: Json): { key: string; wh: number } | undefined => {
      const measurand = str(sample['measurand']) ?? DEFAULT_MEASURAND;
      if (!measurand.endsWith('.Register') || !measurand.startsWith('Energy.')) return undefined;
      let value: number | undefined;
      let factor: number | undefined;
      if (v16) {
        if (str(sample['format']) === 'SignedData') return undefined;
        const text = str(sample['value']);
        value = text === undefined || text.trim() === '' ? undefined : Number(text);
        factor = UNIT_FACTOR[str(sample['unit']) ?? 'Wh'];
      } else {
        value = num(sample['value']);
        const unit = obj(sample['unitOfMeasure']);
        const multiplier = int(unit?.['multiplier']) ?? 0;
        const base = UNIT_FACTOR[str(unit?.['unit']) ?? 'Wh'];
        factor = base === undefined ? undefined : base * 10 ** multiplier;
      }
      if (value === undefined || !Number.isFinite(value) || factor === undefined) return undefined;
      // Most readings name neither phase nor location: their measurand alone is the key.
      const phase = str(sample['phase']);
      const location = str(sample['location']);
      const key = phase === undefined && (location === undefined || location === 'Outlet') ? measurand : `${measurand}|${phase ?? ''}|${location ?? 'Outlet'}`;
      return { key, wh: value * factor };
    };

    const readings = (obs: Observation, scope: number, meterValues: readonly unknown[] | undefined, field: string): void => {
      if (meterValues === undefined) return;
      for (let i = 0; i < meterValues.length; i++) {
        const meterValue = obj(meterValues[i]);
        const samples = arr(meterValue?.['sampledValue']);
        if (samples === undefined) continue;
        let at: number | undefined;
        for (let j = 0; j < samples.length; j++) {
          const sample = obj(samples[j]);
          if (sample === undefined) continue;
          // Cheap test first: most samples are not energy registers.
          const measurand = sample['measurand'];
          if (measurand !== undefined && (typeof measurand !== 'string' || !measurand.endsWith('.Register'))) continue;
          const reading = registerWh(sample);
          if (reading === undefined) continue;
          at ??= epoch(meterValue?.['timestamp']);
          if (at === undefined) break;
          let registers = last.get(scope);
          if (registers === undefined) last.set(scope, (registers = new Map()));
          const previous = registers.get(reading.key);
          if (previous !== undefined && at >= previous.at && reading.wh < previous.wh - EPSILON_WH) {
            const what = v16 ? `connector ${scope}` : `EVSE ${scope}`;
            ctx.report(
              ENERGY_REGISTER_DECREASED.id,
              obs,
              `${reading.key.split('|')[0]} of ${what} fell from ${round(previous.wh)} Wh (seq ${previous.seq}) to ${round(reading.wh)} Wh`,
              { path: `/${field}/${i}/sampledValue/${j}/value` },
            );
          }
          if (previous === undefined) registers.set(reading.key, { at, wh: reading.wh, seq: obs.seq });
          else if (at >= previous.at) {
            previous.at = at;
            previous.wh = reading.wh;
            previous.seq = obs.seq;
          }
        }
      }
    };

    return {
      frame(obs) {
        const p = obs.payload;
        if (obs.kind === 'CALLRESULT' && obs.action === 'StartTransaction') {
          // 1.6: the Central System names the transaction; remember its connector.
          const id = int(p?.['transactionId']);
          const connector = int(obs.request?.payload?.['connectorId']);
          if (id !== undefined && connector !== undefined) scopeOfTx.set(String(id), connector);
          return;
        }
        if (obs.kind !== 'CALL' || !fromCharger(obs) || p === undefined) return;
        switch (obs.action) {
          case 'MeterValues': {
            const scope = int(p[v16 ? 'connectorId' : 'evseId']);
            if (scope !== undefined) readings(obs, scope, arr(p['meterValue']), 'meterValue');
            return;
          }
          case 'StopTransaction': {
            const scope = scopeOfTx.get(String(int(p['transactionId'])));
            if (scope !== undefined) readings(obs, scope, arr(p['transactionData']), 'transactionData');
            return;
          }
          case 'TransactionEvent': {
            const id = str(obj(p['transactionInfo'])?.['transactionId']);
            const evse = int(obj(p['evse'])?.['id']);
            if (id !== undefined && evse !== undefined) scopeOfTx.set(id, evse);
            const scope = evse ?? (id === undefined ? undefined : scopeOfTx.get(id));
            if (scope !== undefined) readings(obs, scope, arr(p['meterValue']), 'meterValue');
            return;
          }
        }
      },
    };
  },
};

function round(wh: number): string {
  return String(Math.round(wh * 1000) / 1000);
}
