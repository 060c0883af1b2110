// OCPP 2.0.1 / 2.1 TransactionEvent rules: seqNo without gaps or reuse, Started first and
// Ended last, triggerReason consistent with eventType and with what came before, a stable
// transactionId per EVSE, and the offline flag. TransactionEvents need not arrive in
// chronological order, but their seqNo numbers them chronologically (2.0.1 Part 6 §1
// "General tool rules"), so ordering rules compare seqNo, not arrival.
import { triggerFor } from '../behaviour/facts';
import { describeMs, epoch, int, obj, status, str, type Json } from '../behaviour/read';
import type { Observation, RuleModule, Timer } from '../behaviour/types';
import { V2X, defineRule, fromCharger } from './define';

const E = (uc: string, tc: string) => ({ '2.0.1': `OCPP 2.0.1 ${uc} (Part 6 ${tc})`, '2.1': `OCPP 2.1 ${uc} (as 2.0.1)` });

export const SEQNO_GAP = defineRule({
  id: 'sequence.tx-seqno-gap',
  severity: 'error',
  group: 'sequence',
  versions: V2X,
  specRefs: E('TransactionEventRequest.seqNo, E01–E07', 'general tool rules'),
  explanation: 'The seqNo of a transaction\'s events counts up by one with no number missing; a gap not filled within the follow-up time (or by the end of a session in which the transaction ended) means an event was lost.',
});

export const SEQNO_REPEATED = defineRule({
  id: 'sequence.tx-seqno-repeated',
  severity: 'error',
  group: 'sequence',
  versions: V2X,
  specRefs: E('TransactionEventRequest.seqNo', 'general tool rules'),
  explanation: 'A seqNo numbers one event of a transaction: after the CSMS acknowledged an event, no other event of that transaction reuses its seqNo (retrying an unacknowledged one is fine).',
});

export const STARTED_FIRST = defineRule({
  id: 'sequence.tx-started-first',
  severity: 'error',
  group: 'sequence',
  versions: V2X,
  specRefs: E('E01–E03', 'general tool rules: "The first TransactionEventRequest of a transaction MUST contain eventType Started"'),
  explanation: 'The first event of a transaction (seqNo 0, or the lowest seqNo) is its only Started event.',
});

export const AFTER_ENDED = defineRule({
  id: 'sequence.tx-after-ended',
  severity: 'error',
  group: 'sequence',
  versions: V2X,
  specRefs: E('E06–E10', 'TC_E_39_CS'),
  explanation: 'Ended is a transaction\'s last event: no event with a higher seqNo and no second Ended follows it.',
});

export const TRIGGER_EVENT_TYPE = defineRule({
  id: 'state.tx-trigger-event-type',
  severity: 'error',
  group: 'state',
  versions: V2X,
  specRefs: E('E01 (TxStartPoint), E02 (periodic meter values), F06 (TriggerMessage)', 'TC_E_*, TC_F_13_CS'),
  explanation: 'The triggerReason fits the eventType: a Started event is caused by what starts a transaction (Authorized, CablePluggedIn, EVDetected, RemoteStart, ChargingStateChanged, SignedDataReceived), and an Ended event never by a periodic or clock-aligned meter value, a TriggerMessage or a remote start.',
});

export const TRIGGER_UNEXPLAINED = defineRule({
  id: 'state.tx-trigger-unexplained',
  severity: 'warning',
  group: 'state',
  versions: V2X,
  specRefs: E('F01, F03, F06, B11/B12, F05, E (chargingState)', 'general tool rules, TC_F_13_CS'),
  explanation: 'A triggerReason that names a cause has that cause earlier in the session: RemoteStart an accepted RequestStartTransaction, RemoteStop an accepted RequestStopTransaction for the transaction, Trigger an accepted TriggerMessage, ResetCommand a Reset, UnlockCommand an UnlockConnector, and ChargingStateChanged a new chargingState (offline events are not checked).',
});

export const ID_UNSTABLE = defineRule({
  id: 'state.tx-id-unstable',
  severity: 'error',
  group: 'state',
  versions: V2X,
  specRefs: E('E01–E07 (transactionId)', 'general tool rules'),
  explanation: 'An EVSE runs one transaction under one transactionId from Started to Ended: an event with a new transactionId on an EVSE whose transaction has not Ended means the id changed (offline events are not checked).',
});

export const OFFLINE_FLAG = defineRule({
  id: 'sequence.tx-offline-flag',
  severity: 'warning',
  group: 'sequence',
  versions: V2X,
  specRefs: E('E12 (TransactionEventRequest.offline)', 'TC_E_43_CS'),
  explanation: 'offline=true marks an event that happened while the charging station was disconnected; an event so marked whose timestamp falls well inside the current connection (beyond the clock tolerance) was not offline.',
});

/** triggerReasons that cannot cause a Started event (the TxStartPoint triggers can: E01). */
const NOT_STARTED_BY = new Set([
  'AbnormalCondition',
  'ChargingRateChanged',
  'Deauthorized',
  'EnergyLimitReached',
  'EVCommunicationLost',
  'EVConnectTimeout',
  'EVDeparted',
  'MeterValueClock',
  'MeterValuePeriodic',
  'RemoteStop',
  'ResetCommand',
  'StopAuthorized',
  'TimeLimitReached',
  'Trigger',
  'UnlockCommand',
]);

/** triggerReasons that cannot cause an Ended event. */
const NOT_ENDED_BY = new Set(['MeterValueClock', 'MeterValuePeriodic', 'RemoteStart', 'Trigger']);

interface EventRecord {
  seq: number;
  eventType: string;
  /** The CSMS acknowledged it with a CALLRESULT. */
  answered: boolean;
  chargingState?: string;
}

/** Event records kept per transaction while it has no holes (older ones are all present). */
const MAX_EVENTS = 512;
/** Stands for an event below a transaction's floor: seen and acknowledged. */
const PRUNED: EventRecord = { seq: -1, eventType: '', answered: true };

interface Tx {
  id: string;
  events: Map<number, EventRecord>;
  min: number;
  max: number;
  started?: number;
  ended?: { seqNo: number; obs: Observation };
  evse?: number;
  gap?: { timer: Timer; obs: Observation };
  /** seqNos missing between min and max (kept as a count, so each event costs O(1)). */
  holes: number;
  /**
   * Records below this seqNo were dropped to bound memory (a long transaction without holes):
   * those events were all seen.
   */
  floor?: number;
  /** seqNos already reported missing (each gap is reported once). */
  reported?: Set<number>;
}

export const transactions2xRules: RuleModule = {
  name: 'transactions (2.x)',
  rules: [SEQNO_GAP, SEQNO_REPEATED, STARTED_FIRST, AFTER_ENDED, TRIGGER_EVENT_TYPE, TRIGGER_UNEXPLAINED, ID_UNSTABLE, OFFLINE_FLAG],
  actions: ['TransactionEvent', 'RequestStartTransaction', 'RequestStopTransaction', 'Reset', 'UnlockConnector'],
  create(ctx) {
    const txs = new Map<string, Tx>();
    /** The open (not Ended) transaction of each EVSE, from online events. */
    const openOnEvse = new Map<number, string>();
    const remoteStarts: Array<{ remoteStartId: number | undefined; at: number }> = [];
    const remoteStops = new Set<string>();
    let resetAccepted = false;
    let unlockAccepted = false;

    const missing = (tx: Tx): number[] => {
      const gaps: number[] = [];
      if (tx.holes === 0) return gaps;
      for (let n = Math.max(tx.min + 1, tx.floor ?? 0); n < tx.max && gaps.length <= 10; n++) if (!tx.events.has(n) && tx.reported?.has(n) !== true) gaps.push(n);
      return gaps;
    };

    const reportGap = (tx: Tx, target: Observation): void => {
      const gaps = missing(tx);
      if (gaps.length === 0) return;
      tx.reported ??= new Set();
      for (const n of gaps) tx.reported.add(n);
      const shown = gaps.length > 10 ? `${gaps.slice(0, 10).join(', ')}…` : gaps.join(', ');
      ctx.report(SEQNO_GAP.id, target, `Transaction ${tx.id} has no event with seqNo ${shown} (seen ${tx.min} to ${tx.max})`, { path: '/seqNo' });
    };

    const watchGap = (tx: Tx, obs: Observation): void => {
      // Only holes not yet reported need watching.
      if (tx.gap !== undefined || tx.holes <= (tx.reported?.size ?? 0) || missing(tx).length === 0) return;
      const timer = ctx.at(obs.mono + ctx.options.followUpTimeoutMs, () => {
        tx.gap = undefined;
        reportGap(tx, obs);
      });
      tx.gap = { timer, obs };
    };

    const explained = (obs: Observation, reason: string, tx: Tx, seqNo: number, info: Json | undefined): void => {
      let why: string | undefined;
      switch (reason) {
        case 'RemoteStart': {
          const id = int(info?.['remoteStartId']);
          if (!remoteStarts.some((r) => id === undefined || r.remoteStartId === undefined || r.remoteStartId === id)) {
            why = `triggerReason RemoteStart${id !== undefined ? ` (remoteStartId ${id})` : ''} without an accepted RequestStartTransaction`;
          }
          break;
        }
        case 'RemoteStop':
          if (!remoteStops.has(tx.id)) why = `triggerReason RemoteStop without an accepted RequestStopTransaction for transaction ${tx.id}`;
          break;
        case 'Trigger':
          if (triggerFor(ctx.facts, 'TransactionEvent', obs.mono, ctx.options.followUpTimeoutMs) === undefined) {
            why = 'triggerReason Trigger without an accepted TriggerMessage for TransactionEvent';
          }
          break;
        case 'ResetCommand':
          if (!resetAccepted) why = 'triggerReason ResetCommand without an accepted Reset';
          break;
        case 'UnlockCommand':
          if (!unlockAccepted) why = 'triggerReason UnlockCommand without an UnlockConnector request';
          break;
        case 'ChargingStateChanged': {
          const state = str(info?.['chargingState']);
          const previous = tx.events.get(seqNo - 1)?.chargingState;
          if (state === undefined) why = 'triggerReason ChargingStateChanged without a transactionInfo.chargingState';
          else if (previous !== undefined && previous === state) why = `triggerReason ChargingStateChanged, but chargingState stays ${state} (seqNo ${seqNo - 1})`;
          break;
        }
        default:
          return;
      }
      if (why !== undefined) ctx.report(TRIGGER_UNEXPLAINED.id, obs, why, { path: '/triggerReason' });
    };

    const transactionEvent = (obs: Observation, p: Json): void => {
      const info = obj(p['transactionInfo']);
      const id = str(info?.['transactionId']);
      const seqNo = int(p['seqNo']);
      const eventType = str(p['eventType']);
      const reason = str(p['triggerReason']);
      if (id === undefined || seqNo === undefined || eventType === undefined) return;
      const offline = p['offline'] === true;
      const evse = int(obj(p['evse'])?.['id']);

      // triggerReason against eventType.
      if (reason !== undefined) {
        if (eventType === 'Started' && NOT_STARTED_BY.has(reason)) {
          ctx.report(TRIGGER_EVENT_TYPE.id, obs, `A transaction does not start because of ${reason}`, { path: '/triggerReason' });
        } else if (eventType === 'Ended' && NOT_ENDED_BY.has(reason)) {
          ctx.report(TRIGGER_EVENT_TYPE.id, obs, `A transaction does not end because of ${reason}`, { path: '/triggerReason' });
        }
      }

      let tx = txs.get(id);
      const isNew = tx === undefined;
      if (tx === undefined) {
        tx = { id, events: new Map(), min: seqNo, max: seqNo, holes: 0 };
        txs.set(id, tx);
        // A new id on an EVSE whose online transaction has not ended: the id changed, or a
        // transaction started over an open one.
        const scope = evse;
        const open = scope === undefined ? undefined : openOnEvse.get(scope);
        if (!offline && open !== undefined && open !== id) {
          ctx.report(
            ID_UNSTABLE.id,
            obs,
            eventType === 'Started'
              ? `Transaction ${id} started on EVSE ${scope} while transaction ${open} there has not ended`
              : `Transaction ${open} on EVSE ${scope} continues as ${id} without an Ended event`,
            { path: '/transactionInfo/transactionId' },
          );
        }
      }
      if (evse !== undefined) tx.evse = evse;

      const earlier = tx.floor !== undefined && seqNo < tx.floor ? PRUNED : tx.events.get(seqNo);
      if (earlier !== undefined && earlier.answered) {
        const at = earlier === PRUNED ? 'an earlier acknowledged event' : `the acknowledged event at seq ${earlier.seq}`;
        ctx.report(SEQNO_REPEATED.id, obs, `seqNo ${seqNo} of transaction ${id} was already used by ${at}`, { path: '/seqNo' });
      }
      const retry = earlier !== undefined && !earlier.answered && earlier.eventType === eventType;

      // Started first.
      if (!retry) {
        if (eventType === 'Started') {
          if (tx.started !== undefined && tx.started !== seqNo) {
            ctx.report(STARTED_FIRST.id, obs, `Transaction ${id} already had a Started event (seqNo ${tx.started})`, { path: '/eventType' });
          } else if (!isNew && seqNo > tx.min) {
            ctx.report(STARTED_FIRST.id, obs, `Started event with seqNo ${seqNo}, after an event of transaction ${id} with seqNo ${tx.min}`, { path: '/eventType' });
          }
          tx.started ??= seqNo;
        } else if (seqNo === 0) {
          ctx.report(STARTED_FIRST.id, obs, `The first event of transaction ${id} (seqNo 0) is ${eventType}, not Started`, { path: '/eventType' });
        }
        // Ended last.
        if (tx.ended !== undefined && tx.ended.seqNo !== seqNo && (seqNo > tx.ended.seqNo || eventType === 'Ended')) {
          ctx.report(AFTER_ENDED.id, obs, `${eventType} event (seqNo ${seqNo}) after transaction ${id} Ended with seqNo ${tx.ended.seqNo}`, { path: '/seqNo' });
        }
      }

      if (reason !== undefined && !offline) explained(obs, reason, tx, seqNo, info);

      // offline=true inside the current connection.
      const sessionStart = ctx.facts.firstTime;
      if (offline && sessionStart !== undefined) {
        const at = epoch(p['timestamp']);
        if (at !== undefined && at > sessionStart + ctx.options.clockToleranceMs) {
          ctx.report(OFFLINE_FLAG.id, obs, `Event marked offline, but its timestamp lies ${describeMs(at - sessionStart)} into the current connection`, { path: '/offline' });
        }
      }

      const record: EventRecord = { seq: obs.seq, eventType, answered: earlier?.answered ?? false };
      const state = str(info?.['chargingState']);
      if (state !== undefined) record.chargingState = state;
      else if (earlier?.chargingState !== undefined) record.chargingState = earlier.chargingState;
      if (earlier === undefined) {
        if (seqNo > tx.max) tx.holes += seqNo - tx.max - 1;
        else if (seqNo < tx.min) tx.holes += tx.min - seqNo - 1;
        else if (!isNew) {
          tx.holes--;
          tx.reported?.delete(seqNo);
        }
      }
      if (earlier !== PRUNED) tx.events.set(seqNo, record);
      tx.min = Math.min(tx.min, seqNo);
      tx.max = Math.max(tx.max, seqNo);
      if (tx.holes === 0 && tx.events.size > MAX_EVENTS) {
        const floor = tx.max - MAX_EVENTS / 2;
        for (let n = tx.floor ?? tx.min; n < floor; n++) tx.events.delete(n);
        tx.floor = floor;
      }
      if (eventType === 'Ended' && tx.ended === undefined) tx.ended = { seqNo, obs };

      if (!offline && tx.evse !== undefined) {
        if (eventType === 'Ended') {
          if (openOnEvse.get(tx.evse) === id) openOnEvse.delete(tx.evse);
        } else if (tx.ended === undefined) {
          openOnEvse.set(tx.evse, id);
        }
      }
      watchGap(tx, obs);
    };

    const acknowledged = (obs: Observation): void => {
      const p = obs.request?.payload;
      const id = str(obj(p?.['transactionInfo'])?.['transactionId']);
      const seqNo = int(p?.['seqNo']);
      if (id === undefined || seqNo === undefined) return;
      const record = txs.get(id)?.events.get(seqNo);
      if (record !== undefined && record.seq === obs.request?.seq) record.answered = true;
    };

    return {
      frame(obs) {
        const p = obs.payload;
        if (obs.kind === 'CALL') {
          if (obs.action === 'TransactionEvent' && fromCharger(obs) && p !== undefined) transactionEvent(obs, p);
          return;
        }
        if (obs.kind !== 'CALLRESULT' || obs.request === undefined) return;
        const request = obs.request.payload;
        switch (obs.action) {
          case 'TransactionEvent':
            return acknowledged(obs);
          case 'RequestStartTransaction':
            if (status(obs.payload) === 'Accepted') remoteStarts.push({ remoteStartId: int(request?.['remoteStartId']), at: obs.mono });
            return;
          case 'RequestStopTransaction': {
            const id = str(request?.['transactionId']);
            if (status(obs.payload) === 'Accepted' && id !== undefined) remoteStops.add(id);
            return;
          }
          case 'Reset':
            if (status(obs.payload) === 'Accepted' || status(obs.payload) === 'Scheduled') resetAccepted = true;
            return;
          case 'UnlockConnector':
            unlockAccepted = true;
            return;
        }
      },
      finish() {
        // A transaction that ended in this session should have all its events by now.
        for (const tx of txs.values()) {
          if (tx.gap === undefined || tx.ended === undefined) continue;
          tx.gap.timer.cancel();
          const target = tx.gap.obs;
          tx.gap = undefined;
          reportGap(tx, target);
        }
      },
    };
  },
};
