// Queued transaction messages keep their chronology. OCPP 1.6 §3.7: transaction-related
// messages (StartTransaction, StopTransaction, transaction MeterValues) are delivered in
// chronological order, queued ones included. 2.0.1/2.1: TransactionEvents may arrive in
// any order, but their seqNo numbers them chronologically (Part 6 §1 general tool rules),
// so a higher seqNo never carries an earlier timestamp.
import { arr, epoch, int, obj, str } from '../behaviour/read';
import type { Observation, RuleModule } from '../behaviour/types';
import { ALL_VERSIONS, defineRule, fromCharger } from './define';

export const TRANSACTION_CHRONOLOGY = defineRule({
  id: 'sequence.transaction-chronology',
  severity: 'warning',
  group: 'sequence',
  versions: ALL_VERSIONS,
  specRefs: {
    '1.6': 'OCPP 1.6 §3.7',
    '2.0.1': 'OCPP 2.0.1 TransactionEventRequest.seqNo (Part 6 general tool rules)',
    '2.1': 'OCPP 2.1 TransactionEventRequest.seqNo (as 2.0.1)',
  },
  explanation: 'Transaction messages keep their order in time: in 1.6 transaction-related messages (queued ones too) are delivered oldest first; in 2.x a TransactionEvent with a higher seqNo never has an earlier timestamp.',
});

/** seqNo times remembered per transaction (events arrive nearly in order; neighbours suffice). */
const MAX_REMEMBERED = 64;

export const chronologyRules: RuleModule = {
  name: 'chronology',
  rules: [TRANSACTION_CHRONOLOGY],
  actions: ['StartTransaction', 'StopTransaction', 'MeterValues', 'TransactionEvent'],
  create(ctx) {
    let last: { at: number; obs: Observation } | undefined;
    const events = new Map<string, Map<number, { at: number; seq: number }>>();

    /** 1.6: the time a transaction-related message describes; undefined for other messages. */
    const time16 = (obs: Observation): number | undefined => {
      const p = obs.payload;
      switch (obs.action) {
        case 'StartTransaction':
        case 'StopTransaction':
          return epoch(p?.['timestamp']);
        case 'MeterValues': {
          if (int(p?.['transactionId']) === undefined) return undefined;
          return epoch(obj(arr(p?.['meterValue'])?.[0])?.['timestamp']);
        }
        default:
          return undefined;
      }
    };

    const v16 = (obs: Observation): void => {
      const at = time16(obs);
      if (at === undefined) return;
      if (last !== undefined && at < last.at) {
        ctx.report(
          TRANSACTION_CHRONOLOGY.id,
          obs,
          `${obs.action} describes ${new Date(at).toISOString()}, earlier than the ${last.obs.action} delivered before it (seq ${last.obs.seq}, ${new Date(last.at).toISOString()})`,
        );
      }
      if (last === undefined || at >= last.at) last = { at, obs };
    };

    const v2x = (obs: Observation): void => {
      const p = obs.payload;
      const id = str(obj(p?.['transactionInfo'])?.['transactionId']);
      const seqNo = int(p?.['seqNo']);
      const at = epoch(p?.['timestamp']);
      if (id === undefined || seqNo === undefined || at === undefined) return;
      let seen = events.get(id);
      if (seen === undefined) events.set(id, (seen = new Map()));
      else if (seen.size >= MAX_REMEMBERED) {
        // Neighbours are what matters: forget the oldest times of a long transaction.
        const oldest = seen.keys().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      const before = seen.get(seqNo - 1);
      const after = seen.get(seqNo + 1);
      if (before !== undefined && at < before.at) {
        ctx.report(TRANSACTION_CHRONOLOGY.id, obs, `seqNo ${seqNo} of transaction ${id} has a timestamp earlier than seqNo ${seqNo - 1} (seq ${before.seq})`, { path: '/timestamp' });
      } else if (after !== undefined && at > after.at) {
        ctx.report(TRANSACTION_CHRONOLOGY.id, obs, `seqNo ${seqNo} of transaction ${id} has a timestamp later than seqNo ${seqNo + 1} (seq ${after.seq})`, { path: '/timestamp' });
      }
      seen.set(seqNo, { at, seq: obs.seq });
    };

    return {
      frame(obs) {
        if (obs.kind !== 'CALL' || !fromCharger(obs)) return;
        if (ctx.version === '1.6') v16(obs);
        else if (obs.action === 'TransactionEvent') v2x(obs);
      },
    };
  },
};
